// kam's answer back to the CRM: one row per account with its CRM record id, so the CRM's own
// import tool can update its records (docs/crm.md). Pure: a loaded repo in, rows out.
import { completeness } from '../check/completeness.js';
import type { Band } from '../health/health.js';
import { requirementsByTier } from '../profiles/profile.js';
import type { Repo } from '../load/loadRepo.js';
import { PRESETS, type PresetId } from '../import/presets/index.js';
import type { Portfolio } from '../score/portfolio.js';
import { round1 } from '../score/score.js';

export interface ExportRow {
  /** The account's `crm_id`, or null when it has none (the CRM cannot match that row). */
  crm_id: string | null;
  id: string;
  name: string;
  manager: string | null;
  /** One decimal; null when the account rates no criterion. */
  score: number | null;
  tier: string | null;
  quadrant: string | null;
  /** Checklist completeness of the account's plan in percent (one decimal); null without a valid plan. */
  checklist_completeness: number | null;
  /** Plan health (0..100, one decimal) and its band; null without a valid plan. */
  health: number | null;
  health_band: Band | null;
}

/** What export needs of each account's plan health (docs/health.md), by account id. */
export type HealthById = ReadonlyMap<string, { health: number | null; band: Band | null }>;

/** Every valid account, in the portfolio's ranking (score descending, ties by id). */
export function exportRows(repo: Repo, portfolio: Portfolio, health: HealthById = new Map()): ExportRow[] {
  const accounts = new Map(repo.accounts.map((a) => [a.id, a]));
  const errors = new Set(repo.findings.filter((f) => f.severity === 'error').map((f) => f.file));
  const plans = new Map(repo.plans.filter((p) => p.value !== undefined && !errors.has(p.file)).map((p) => [p.id, p.value!]));
  // Completeness counts what the account's tier profile asks for, as kam check does.
  const required = requirementsByTier(repo.config);
  return portfolio.accounts.map((a) => {
    const plan = plans.get(a.id);
    const h = health.get(a.id);
    return {
      crm_id: accounts.get(a.id)?.value?.crm_id ?? null,
      id: a.id,
      name: a.name,
      manager: a.manager ?? null,
      score: a.score === null ? null : round1(a.score),
      tier: a.tier,
      quadrant: a.quadrant,
      checklist_completeness: plan ? completeness(plan, repo.config, required(a.tier)).percent : null,
      health: h?.health == null ? null : round1(h.health),
      health_band: h?.band ?? null,
    };
  });
}

/**
 * The CSV columns of an export: the CRM's own names for the record id and the account name
 * (`--to`), so its import tool matches the records without mapping; kam's names for the rest,
 * which `kam import` reads back (id, name, manager, crm_id map themselves).
 */
export function exportHeader(to: PresetId | undefined): string[] {
  const preset = to ? PRESETS[to] : undefined;
  return [preset?.exportIdColumn ?? 'crm_id', 'id', preset?.exportNameColumn ?? 'name', 'manager', 'score', 'tier', 'quadrant', 'checklist_completeness', 'health', 'health_band'];
}

export function exportCells(row: ExportRow): (string | number | null)[] {
  return [row.crm_id, row.id, row.name, row.manager, row.score === null ? null : row.score.toFixed(1), row.tier, row.quadrant, row.checklist_completeness, row.health === null ? null : row.health.toFixed(1), row.health_band];
}
