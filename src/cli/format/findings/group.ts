import type { Finding } from '../../../findings/finding.js';
import { pushTo } from '../../../util/group.js';
import { plural } from '../../../util/plural.js';

/**
 * What people read as a to-do list: one row per problem, where many findings that say one thing
 * about one plan (its open checklist questions, its missing roles) are one row. Machine formats
 * (json, sarif, junit, gitlab) never use this: they keep every finding.
 */
export interface Row {
  /** The findings the row stands for (one, or the group), in file order. */
  findings: Finding[];
  severity: Finding['severity'];
  rule: Finding['rule'];
  line: number;
  column: number;
  file: string;
}

/** Rules whose findings about one plan read as one row when there are several. */
const GROUPED = new Set<Finding['rule']>(['unanswered_question', 'missing_role']);

/**
 * The rows of one file's findings: errors first, then warnings, each by position; several
 * `unanswered_question` (or `missing_role`) findings of a plan become one row at the first one.
 * With `all`, every finding is its own row (--verbose).
 */
export function rowsOf(findings: Finding[], opts: { all?: boolean } = {}): Row[] {
  const rows: Row[] = [];
  const groups = new Map<string, Row>();
  for (const f of findings) {
    if (!opts.all && GROUPED.has(f.rule)) {
      const key = `${f.file}\u0000${f.account}\u0000${f.rule}\u0000${f.severity}`;
      const group = groups.get(key);
      if (group) {
        group.findings.push(f);
        continue;
      }
      const row = toRow([f]);
      groups.set(key, row);
      rows.push(row);
      continue;
    }
    rows.push(toRow([f]));
  }
  return rows.sort(byImportance);
}

function toRow(findings: Finding[]): Row {
  const f = findings[0]!;
  return { findings, severity: f.severity, rule: f.rule, line: f.line, column: f.column, file: f.file };
}

/** Errors before warnings, then by position, then rule. */
export function byImportance(a: Row, b: Row): number {
  return (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/**
 * A plan whose account does not exist gets its one error, not every reminder on top: its other
 * findings (warnings) are held back until the account exists. Returns what is kept and held.
 */
export function holdBackOrphans(findings: Finding[]): { kept: Finding[]; held: Finding[] } {
  if (!findings.some((f) => f.rule === 'unknown_account')) return { kept: findings, held: [] };
  const kept: Finding[] = [];
  const held: Finding[] = [];
  for (const f of findings) (f.severity === 'error' ? kept : held).push(f);
  return { kept, held };
}

/** Findings by file, in the order they come (sorted by file). */
export function byFile(findings: Finding[]): Map<string, Finding[]> {
  const files = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = files.get(f.file);
    if (list) list.push(f);
    else files.set(f.file, [f]);
  }
  return files;
}

/**
 * The parts of a group row's message: `unanswered_question` lists the open questions by checklist
 * category (`trends (7)` for several of one category, the id for one), `missing_role` the roles.
 */
export function groupItems(row: Row): string[] {
  if (row.rule === 'missing_role') return row.findings.map((f) => f.role ?? '?');
  const categories = new Map<string, string[]>();
  for (const f of row.findings) {
    const id = f.question ?? '?';
    const dot = id.indexOf('.');
    const category = dot > 0 ? id.slice(0, dot) : id;
    pushTo(categories, category, id);
  }
  return [...categories].map(([category, ids]) => (ids.length === 1 ? ids[0]! : `${category} (${ids.length})`));
}

/** The head of a group row's message: "12 questions open" or "3 roles missing on the account team". */
export function groupHead(row: Row): string {
  const n = row.findings.length;
  return row.rule === 'missing_role' ? `${n} roles missing on the account team` : `${plural(n, 'question')} open`;
}

/**
 * A group row's message, its list cut to fit `width` characters with "…" (Infinity: all of it).
 * A single finding's message is its own.
 */
export function rowMessage(row: Row, width = Infinity): string {
  if (row.findings.length === 1) return row.findings[0]!.message;
  const head = `${groupHead(row)}: `;
  const items = groupItems(row);
  let text = head + items.join(', ');
  if (text.length <= width) return text;
  text = head;
  for (let i = 0; i < items.length; i++) {
    const next = `${i === 0 ? '' : ', '}${items[i]}`;
    if (text.length + next.length + 3 > width && i > 0) return `${text}, …`;
    text += next;
  }
  return text;
}
