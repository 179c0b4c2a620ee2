// Which column of a contact export fills which contact field: a preset's columns (named with
// --from or recognised from the header), then --map entries over them, as `kam import` does.
import { KamError } from '../../errors.js';
import { didYouMean } from '../../util/didYouMean.js';
import { presetColumn, PRESET_IDS, type PresetId } from '../../crm/index.js';
import { CONTACT_FIELDS, CONTACT_PRESETS, type ContactField } from '../../crm/contacts.js';

export interface ContactMapping {
  /** field -> { index, column } for the fields some column fills. */
  fields: Partial<Record<Exclude<ContactField, 'ignore'>, { index: number; column: string }>>;
  unmapped: string[];
  preset?: { id: PresetId; detected: boolean };
}

/** The preset whose contact id and account id columns (its export's own names) are both in the header, when exactly one is. */
export function detectContactPreset(header: readonly string[]): PresetId | undefined {
  const fits = PRESET_IDS.filter((id) => {
    const { crm_id, account } = CONTACT_PRESETS[id].columns;
    return presetColumn(header, crm_id ?? []) !== undefined && presetColumn(header, account ?? []) !== undefined;
  });
  return fits.length === 1 ? fits[0] : undefined;
}

export function resolveContactMapping(header: string[], opts: { map?: string[]; from?: PresetId }, source: string): ContactMapping {
  const names = header.map((h) => h.trim());
  const explicit = new Map<number, ContactField>();
  for (const entry of opts.map ?? []) {
    const eq = entry.lastIndexOf('=');
    if (eq <= 0) throw new KamError(`--map "${entry}": write "<column>=<field>", e.g. "Contact ID=crm_id"`);
    const column = entry.slice(0, eq).trim();
    const field = entry.slice(eq + 1).trim() as ContactField;
    if (!CONTACT_FIELDS.includes(field)) throw new KamError(`--map "${entry}": "${field}" is not a contact field${didYouMean(field, [...CONTACT_FIELDS])}; fields are ${CONTACT_FIELDS.join(', ')}`);
    const index = names.findIndex((n) => n.toLowerCase() === column.toLowerCase());
    if (index < 0) throw new KamError(`--map "${entry}": ${source} has no column "${column}"${didYouMean(column, names)}; its columns are ${names.map((n) => `"${n}"`).join(', ')}`);
    explicit.set(index, field);
  }
  const detected = opts.from === undefined ? detectContactPreset(names) : undefined;
  const presetId = opts.from ?? detected;
  const fields: ContactMapping['fields'] = {};
  const claimed = new Set<number>(explicit.keys());
  for (const [index, field] of explicit) if (field !== 'ignore') fields[field] = { index, column: names[index]! };
  if (presetId) {
    for (const [field, columns] of Object.entries(CONTACT_PRESETS[presetId].columns) as [Exclude<ContactField, 'ignore'>, string[]][]) {
      if (fields[field]) continue;
      // The first of the preset's names for the field that is in the header and not mapped otherwise.
      const index = columns.map((c) => names.findIndex((n) => n.toLowerCase() === c.toLowerCase())).find((i) => i >= 0 && !claimed.has(i));
      if (index === undefined) continue;
      fields[field] = { index, column: names[index]! };
      claimed.add(index);
    }
  }
  // A column named like a field (crm_id, title, email...) maps itself.
  names.forEach((n, index) => {
    const f = n.toLowerCase() as ContactField;
    if (!claimed.has(index) && f !== 'ignore' && CONTACT_FIELDS.includes(f) && !fields[f as Exclude<ContactField, 'ignore'>]) {
      fields[f as Exclude<ContactField, 'ignore'>] = { index, column: n };
      claimed.add(index);
    }
  });
  if (!fields.crm_id) throw new KamError(`${source}: no column gives the contact's CRM id; name the CRM with --from salesforce|hubspot|dynamics, or map it (--map "<column>=crm_id")`);
  if (!fields.account) throw new KamError(`${source}: no column gives the contact's account id; map it (--map "<column>=account")`);
  if (!fields.name && !fields.last_name && !fields.first_name) throw new KamError(`${source}: no column gives the contact's name; map one (--map "<column>=name", or first_name and last_name)`);
  const unmapped = names.filter((_, i) => !claimed.has(i));
  return { fields, unmapped, ...(presetId ? { preset: { id: presetId, detected: detected !== undefined } } : {}) };
}
