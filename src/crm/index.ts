import { dynamics } from './dynamics.js';
import { hubspot } from './hubspot.js';
import { salesforce } from './salesforce.js';
import type { CrmPreset } from './types.js';

export type { CrmPreset } from './types.js';

/** The CRMs kam knows the exports of (`kam import --from`, `kam export --to`). */
export const PRESET_IDS = ['salesforce', 'hubspot', 'dynamics'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export const PRESETS: Record<PresetId, CrmPreset> = { salesforce, hubspot, dynamics };

/** The index of the first of `names` in the header (case-insensitive), or undefined. */
export function presetColumn(header: readonly string[], names: readonly string[]): number | undefined {
  const lower = header.map((h) => h.trim().toLowerCase());
  for (const name of names) {
    const at = lower.indexOf(name.toLowerCase());
    if (at >= 0) return at;
  }
  return undefined;
}

/**
 * The preset whose export's own record-id and name columns (the first name of each: "Account ID"
 * and "Account Name", not Data Loader's bare "Id" and "Name", which any file may have) are both
 * in the header, when exactly one is; a header that fits none or several gets none (then columns
 * map only as kam.yaml and --map say).
 */
export function detectPreset(header: readonly string[]): PresetId | undefined {
  const fits = PRESET_IDS.filter((id) => {
    const { crm_id, name } = PRESETS[id].columns;
    return presetColumn(header, crm_id?.slice(0, 1) ?? []) !== undefined && presetColumn(header, name?.slice(0, 1) ?? []) !== undefined;
  });
  return fits.length === 1 ? fits[0] : undefined;
}
