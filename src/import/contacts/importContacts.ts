// kam import contacts: the power map filled from the CRM's contacts (docs/crm.md, "Contacts").
// Each contact belongs to the plan of the account whose crm_id is its account id, and updates the
// stakeholder with its crm_id, else the one whose name is the same person (spec 1.1, section 9),
// else is appended. Only id, name, title, crm_id and reports_to are ever written: role, influence,
// stance, owner and the rest are the team's judgement, not the CRM's.
//
// All or nothing: every row is worked out and every edited plan is validated first; a single
// rejected row (bad input) means nothing is written, because contacts link to each other (a
// manager rejected would leave a reports_to pointing nowhere). Rows skipped (no account, or an
// account without a plan) do not block the others.
import { join } from 'node:path';
import { reportingCycles } from '../../relationships/reportingTree.js';
import type { Repo } from '../../load/loadRepo.js';
import { loadText } from '../../load/loadText.js';
import { samePerson } from '../../people/people.js';
import { MAX_FILE_BYTES, readRepoFileSync } from '../../repoFs/readText.js';
import { planSchema } from '../../schema/plan.js';
import { atomicWriteAsync } from '../../util/atomicWrite.js';
import { slugify } from '../../util/slug.js';
import type { CsvTable } from '../csv.js';
import type { ContactMapping } from './mapping.js';
import { editStakeholders, type StakeholderEdits, type StakeholderFields } from './stakeholderEdit.js';

export const CONTACT_STATUSES = ['created', 'updated', 'unchanged', 'skipped', 'rejected'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

export interface ContactRow {
  /** The CSV line the record starts on (1 is the header). */
  line: number;
  status: ContactStatus;
  crm_id?: string;
  name?: string;
  /** The kam account id the contact belongs to. */
  account?: string;
  /** plans/<id>.yaml, repo-relative. */
  file?: string;
  /** The stakeholder's id (or name, when it has no id) in the plan. */
  stakeholder?: string;
  /** Keys an update changed (or would change). */
  changed?: string[];
  /** A rename in the CRM: the stakeholder keeps its id. */
  renamed?: { from: string; to: string };
  reason?: string;
}

export interface ContactImportReport {
  source: string;
  delimiter: string;
  dryRun: boolean;
  /** Whether the plans were written: false on a dry run, and when any row was rejected. */
  written: boolean;
  rows: ContactRow[];
  summary: Record<ContactStatus, number>;
  unmappedColumns: string[];
  preset?: { id: string; detected: boolean };
}

export interface ContactImportOptions {
  source: string;
  dryRun: boolean;
}

interface Contact {
  row: ContactRow;
  crm: string;
  key: string;
  name: string;
  title: string;
  manager: string;
  accountKey: string;
}

interface PlanWork {
  id: string;
  file: string;
  text: string;
  /** The stakeholders after the import, as plain records (existing first, in file order). */
  list: { id?: string; name: string; title?: string; crm_id?: string; reports_to?: string }[];
  existing: number;
  /** Which contact (row) became which position of `list`. */
  contacts: { contact: Contact; at: number; matched: 'crm_id' | 'name' | 'new' }[];
  /** Positions whose reports_to this import sets. */
  reportsSet: Set<number>;
  ids: Set<string>;
  rejectAll?: string;
}

/** A cell as written before a spreadsheet formula guard (`'=x` -> `=x`), as kam import reads cells. */
const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

export async function importContacts(root: string, repo: Repo, table: CsvTable, mapping: ContactMapping, opts: ContactImportOptions): Promise<ContactImportReport> {
  // Salesforce writes an id in 15 characters in reports and 18 in Data Loader exports: the first
  // 15 are the record either way, so they are what is compared.
  const salesforce = mapping.preset?.id === 'salesforce';
  const idKey = (id: string) => (salesforce && /^[A-Za-z0-9]{18}$/.test(id) ? id.slice(0, 15) : id);
  const width = table.header.cells.length;
  const cell = (cells: string[], f: keyof ContactMapping['fields']) => {
    const m = mapping.fields[f];
    return m ? unguard((cells[m.index] ?? '').trim()) : '';
  };
  const accountsByCrm = new Map<string, string>();
  for (const a of repo.accounts) if (a.value?.crm_id !== undefined) accountsByCrm.set(idKey(a.value.crm_id), a.id);
  const plans = new Map(repo.plans.map((p) => [p.id, p]));

  const rows: ContactRow[] = [];
  const contacts: Contact[] = [];
  const byKey = new Map<string, Contact>();
  for (const record of table.records) {
    const row: ContactRow = { line: record.line, status: 'created' };
    rows.push(row);
    const reject = (reason: string) => Object.assign(row, { status: 'rejected', reason });
    if (record.problem) {
      reject(record.problem);
      continue;
    }
    if (record.cells.length !== width) {
      reject(`has ${record.cells.length} cells but the header has ${width}; check the quoting on this row`);
      continue;
    }
    const crm = cell(record.cells, 'crm_id');
    const full = cell(record.cells, 'name') || [cell(record.cells, 'first_name'), cell(record.cells, 'last_name')].filter(Boolean).join(' ');
    if (crm) row.crm_id = crm;
    if (full) row.name = full;
    if (!crm) {
      reject(`no contact id: column "${mapping.fields.crm_id!.column}" is empty`);
      continue;
    }
    const key = idKey(crm);
    const first = byKey.get(key);
    if (first) {
      reject(`duplicate contact id "${crm}", also on line ${first.row.line}; a CRM contact can be one stakeholder only`);
      continue;
    }
    const contact: Contact = { row, crm, key, name: full, title: cell(record.cells, 'title'), manager: idKey(cell(record.cells, 'manager')), accountKey: idKey(cell(record.cells, 'account')) };
    byKey.set(key, contact);
    if (!full.trim()) {
      reject('empty name: the contact has no first, last or full name');
      continue;
    }
    if (!contact.accountKey) {
      Object.assign(row, { status: 'skipped', reason: 'no account: the contact belongs to no account in the CRM' });
      continue;
    }
    const accountId = accountsByCrm.get(contact.accountKey);
    if (accountId === undefined) {
      Object.assign(row, { status: 'skipped', reason: `no account of the repo has crm_id "${cell(record.cells, 'account')}"; import the account first (kam import --from ...)` });
      continue;
    }
    row.account = accountId;
    const plan = plans.get(accountId);
    if (!plan) {
      Object.assign(row, { status: 'skipped', reason: `account "${accountId}" has no plan (plans/${accountId}.yaml); create it with "kam new plan ${accountId}"` });
      continue;
    }
    row.file = plan.file;
    if (!plan.value) {
      reject(`${plan.file} has errors; run "kam validate" and fix them first`);
      continue;
    }
    contacts.push(contact);
  }

  // Match each contact to a stakeholder of its plan, in CSV order.
  const work = new Map<string, PlanWork>();
  for (const contact of contacts) {
    const { row } = contact;
    const plan = plans.get(row.account!)!;
    let w = work.get(plan.id);
    if (!w) {
      const read = readRepoFileSync(root, join(root, plan.file), { file: plan.file, account: plan.id, line: 1, column: 1 });
      const list = plan.value!.stakeholders.map((s) => ({ id: s.id, name: s.name, title: s.title, crm_id: s.crm_id, reports_to: s.reports_to }));
      w = { id: plan.id, file: plan.file, text: 'text' in read ? read.text : '', list, existing: list.length, contacts: [], reportsSet: new Set(), ids: new Set(list.flatMap((s) => (s.id ? [s.id] : []))) };
      if ('outside' in read) w.rejectAll = `${plan.file} is a symbolic link that points outside the repo (to ${read.outside}); kam does not write through it`;
      else if ('finding' in read) w.rejectAll = `${plan.file}: ${read.finding.message}`;
      work.set(plan.id, w);
    }
    const reject = (reason: string) => Object.assign(row, { status: 'rejected', reason });
    const claimed = new Set(w.contacts.map((c) => c.at));
    let at = w.list.findIndex((s, i) => i < w!.existing && s.crm_id !== undefined && idKey(s.crm_id) === contact.key);
    let matched: 'crm_id' | 'name' | 'new' = 'crm_id';
    if (at < 0) {
      const same = w.list.flatMap((s, i) => (i < w!.existing && samePerson(s.name, contact.name) ? [i] : []));
      const free = same.filter((i) => w!.list[i]!.crm_id === undefined);
      if (free.length > 1) {
        reject(`"${contact.name}" matches ${free.length} stakeholders of ${plan.file} (${free.map((i) => w!.list[i]!.id ?? w!.list[i]!.name).join(', ')}); give the right one crm_id: ${contact.crm}`);
        continue;
      }
      if (free.length === 0 && same.length > 0) {
        const other = w.list[same[0]!]!;
        reject(`"${contact.name}" is the name of stakeholder ${other.id ?? other.name} of ${plan.file}, who is CRM contact "${other.crm_id}"; if they are one person, merge the two in the CRM or correct crm_id`);
        continue;
      }
      at = free[0] ?? -1;
      matched = at < 0 ? 'new' : 'name';
    }
    if (at >= 0 && claimed.has(at)) {
      const earlier = w.contacts.find((c) => c.at === at)!;
      reject(`matches stakeholder ${w.list[at]!.id ?? w.list[at]!.name} of ${plan.file}, which line ${earlier.contact.row.line} already updates`);
      continue;
    }
    if (at < 0) {
      w.list.push({ id: uniqueId(contact, w.ids), name: contact.name, ...(contact.title ? { title: contact.title } : {}), crm_id: contact.crm });
      at = w.list.length - 1;
    } else {
      const s = w.list[at]!;
      if (matched === 'crm_id' && !samePerson(s.name, contact.name)) {
        row.renamed = { from: s.name, to: contact.name };
        s.name = contact.name;
      }
      if (contact.title) s.title = contact.title;
      if (matched === 'name') s.crm_id = contact.crm;
    }
    w.contacts.push({ contact, at, matched });
  }

  // Manager links, resolved to stakeholder ids of the same plan.
  for (const w of work.values()) {
    for (const { contact, at } of w.contacts) {
      if (contact.row.status === 'rejected' || !contact.manager) continue;
      const reject = (reason: string) => Object.assign(contact.row, { status: 'rejected', reason });
      const boss = byKey.get(contact.manager);
      let target: number;
      if (boss && boss.row.account !== contact.row.account) {
        reject(`reports to CRM contact "${boss.crm}" (line ${boss.row.line}), who belongs to ${boss.row.account ? `account "${boss.row.account}"` : 'another account'}; a reporting line stays within one account`);
        continue;
      }
      if (boss) {
        const entry = w.contacts.find((c) => c.contact === boss);
        if (!entry) {
          reject(`reports to CRM contact "${boss.crm}" (line ${boss.row.line}), which was rejected; fix that row first`);
          continue;
        }
        target = entry.at;
      } else {
        target = w.list.findIndex((s) => s.crm_id !== undefined && idKey(s.crm_id) === contact.manager);
        if (target < 0) {
          reject(`reports to CRM contact "${contact.manager}", who is nobody known: not in this export, and no stakeholder of ${w.file} has that crm_id`);
          continue;
        }
      }
      const t = w.list[target]!;
      if (t.id === undefined) t.id = uniqueId({ name: t.name, crm: t.crm_id ?? '' }, w.ids);
      if (w.list[at]!.reports_to !== t.id) {
        w.list[at]!.reports_to = t.id;
        w.reportsSet.add(at);
      }
    }
    // A reporting cycle the CRM's links would close: reported, never written.
    for (const cycle of reportingCycles(w.list)) {
      if (!cycle.some((i) => w.reportsSet.has(i))) continue;
      const names = [...cycle, cycle[0]!].map((i) => w.list[i]!.id ?? w.list[i]!.name).join(' → ');
      const lines = w.contacts.filter((c) => cycle.includes(c.at)).map((c) => c.contact.row.line);
      for (const c of w.contacts) if (cycle.includes(c.at) && c.contact.row.status !== 'rejected')
        Object.assign(c.contact.row, { status: 'rejected', reason: `reporting cycle in the CRM: ${names} (lines ${lines.join(', ')}); correct the manager links there` });
    }
  }

  // The edits, each plan validated as kam check would read it.
  const writes: { w: PlanWork; text: string }[] = [];
  const config = repo.config;
  const schema = planSchema(config);
  for (const w of work.values()) {
    const live = w.contacts.filter((c) => c.contact.row.status !== 'rejected');
    const rejectPlan = (reason: string) => live.forEach((c) => Object.assign(c.contact.row, { status: 'rejected', reason }));
    if (w.rejectAll) {
      rejectPlan(w.rejectAll);
      continue;
    }
    const before = repo.plans.find((p) => p.id === w.id)!.value!.stakeholders;
    const edits: StakeholderEdits = { update: [], append: [] };
    const keys = ['id', 'name', 'title', 'crm_id', 'reports_to'] as const;
    const changedAt = (i: number) => (i < w.existing ? keys.filter((k) => w.list[i]![k] !== before[i]![k]) : []);
    for (let i = 0; i < w.list.length; i++) {
      const s = w.list[i]!;
      if (i >= w.existing) {
        edits.append.push(Object.fromEntries(keys.flatMap((k) => (s[k] === undefined ? [] : [[k, s[k]]]))) as StakeholderFields);
        continue;
      }
      const changed = changedAt(i);
      if (changed.length) edits.update.push({ index: i, fields: Object.fromEntries(changed.map((k) => [k, s[k]!])) as StakeholderFields });
    }
    for (const c of live) {
      const row = c.contact.row;
      row.stakeholder = w.list[c.at]!.id ?? w.list[c.at]!.name;
      if (c.at >= w.existing) row.status = 'created';
      else {
        const changed = changedAt(c.at);
        Object.assign(row, changed.length ? { status: 'updated', changed } : { status: 'unchanged' });
      }
    }
    if (edits.update.length === 0 && edits.append.length === 0) continue;
    const edited = editStakeholders(w.text, edits);
    if ('reason' in edited) {
      rejectPlan(`${w.file}: ${edited.reason}`);
      continue;
    }
    if (Buffer.byteLength(edited.text, 'utf8') > MAX_FILE_BYTES) {
      rejectPlan(`${w.file} would be larger than the ${MAX_FILE_BYTES / 1048576} MiB kam reads`);
      continue;
    }
    const checked = loadText(schema, w.id, w.file, edited.text, w.id);
    if (!checked.value) {
      const f = checked.findings[0]!;
      rejectPlan(`${w.file}:${f.line}:${f.column}: the edited plan would not be valid: ${f.message}`);
      continue;
    }
    writes.push({ w, text: edited.text });
  }

  const summary = Object.fromEntries(CONTACT_STATUSES.map((s) => [s, 0])) as Record<ContactStatus, number>;
  for (const row of rows) summary[row.status]++;
  const written = !opts.dryRun && summary.rejected === 0;
  if (written) {
    for (const { w, text } of writes) {
      // The file must still be the one the rows were worked out from: an edit made meanwhile
      // (by hand, or by another kam) is kept, and these rows say so.
      const now = readRepoFileSync(root, join(root, w.file), { file: w.file, account: w.id, line: 1, column: 1 });
      const live = w.contacts.filter((c) => c.contact.row.status !== 'rejected');
      if (!('text' in now) || now.text !== w.text) {
        for (const c of live) Object.assign(c.contact.row, { status: 'skipped', reason: `${w.file} changed while importing; kept it, import again` });
        continue;
      }
      try {
        await atomicWriteAsync(join(root, w.file), (now.bytes[0] === 0xef && now.bytes[1] === 0xbb && now.bytes[2] === 0xbf ? '\uFEFF' : '') + text);
      } catch (err) {
        for (const c of live) Object.assign(c.contact.row, { status: 'rejected', reason: `cannot write ${w.file} (${(err as NodeJS.ErrnoException).code ?? String(err)}); it is unchanged` });
      }
    }
    for (const s of CONTACT_STATUSES) summary[s] = rows.filter((r) => r.status === s).length;
  }
  return { source: opts.source, delimiter: table.delimiter, dryRun: opts.dryRun, written, rows, summary, unmappedColumns: mapping.unmapped, ...(mapping.preset ? { preset: mapping.preset } : {}) };
}

/** A slug id for a new stakeholder, unique within the plan: "priya-natarajan", "priya-natarajan-2". */
function uniqueId(contact: { name: string; crm: string }, ids: Set<string>): string {
  const base = slugify(contact.name) || `contact-${slugify(contact.crm) || 'x'}`;
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  ids.add(id);
  return id;
}
