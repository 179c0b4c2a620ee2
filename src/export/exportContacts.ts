// kam's stakeholders back to the CRM (docs/crm.md, "Contacts"): one row per stakeholder with a
// crm_id, with what the CRM's contact record can take back: the title, and the role as the CRM's
// buying role where its contact has one (HubSpot's Buying Role, Dynamics' Role). Names are not
// sent: the CRM owns them (kam import contacts brings renames in). Pure: a loaded repo in, rows out.
import type { Repo } from '../load/loadRepo.js';
import { CONTACT_PRESETS } from '../crm/contacts.js';
import type { PresetId } from '../crm/index.js';
import { compareCodeUnits } from '../util/compare.js';

export interface ContactExportRow {
  crm_id: string;
  account: string;
  stakeholder: string;
  title: string | null;
  role: string | null;
  /** The role as the CRM names it, or null where it has no such value (the cell stays empty). */
  crm_role: string | null;
}

export function contactExportRows(repo: Repo, to: PresetId): ContactExportRow[] {
  const role = CONTACT_PRESETS[to].export.role;
  const rows = repo.plans.flatMap((p) =>
    (p.value?.stakeholders ?? []).flatMap((s) =>
      s.crm_id === undefined
        ? []
        : [{ crm_id: s.crm_id, account: p.id, stakeholder: s.id ?? s.name, title: s.title?.trim() || null, role: s.role ?? null, crm_role: (s.role && role?.values[s.role]) || null }],
    ),
  );
  return rows.sort((a, b) => compareCodeUnits(a.account, b.account) || compareCodeUnits(a.crm_id, b.crm_id));
}

/** The header the CRM's contact import expects: its record id, title and (where it has one) buying role columns. */
export function contactExportHeader(to: PresetId): string[] {
  const e = CONTACT_PRESETS[to].export;
  return [e.id, e.title, ...(e.role ? [e.role.column] : [])];
}

export function contactExportCells(row: ContactExportRow, to: PresetId): (string | null)[] {
  return [row.crm_id, row.title, ...(CONTACT_PRESETS[to].export.role ? [row.crm_role] : [])];
}
