// What every digest format says, in plain words and in one order; each format only escapes and
// lays it out for its own reader (terminal, Markdown, Slack mrkdwn, Adaptive Card text).
import type { Digest } from '../../../digest/digest.js';
import { compareCodeUnits } from '../../../util/compare.js';
import { KIND_WORD } from '../agenda/group.js';
import { plural } from '../../../util/plural.js';

export interface DigestLine {
  /** The leading part, shown strong where the format can (a date, an account). */
  lead: string;
  text: string;
  /** Shown as a warning where the format can (overdue, errors, red). */
  alert: boolean;
}

export interface DigestSection {
  title: string;
  lines: DigestLine[];
  /** Said when there are no lines. */
  empty: string;
}

const kindWord = (kind: string) => (KIND_WORD as Record<string, string>)[kind] ?? kind;

export function digestTitle(d: Digest): string {
  return `Weekly digest for ${d.person}, ${d.today}`;
}

/** One line under the title: whose accounts, and what is compared. */
export function digestSummary(d: Digest): string {
  const managed = d.accounts.filter((a) => a.manages).length;
  const accounts = d.accounts.length === 0 ? 'no accounts' : `${plural(d.accounts.length, 'account')}${managed ? ` (${managed} managed)` : ''}`;
  return `${accounts}; ${plural(d.due.length, 'item')} due within ${d.within} days${d.since ? `; changes since ${d.since.rev} (${d.since.date})` : ''}`;
}

export function digestSections(d: Digest): DigestSection[] {
  const names = new Map(d.accounts.map((a) => [a.id, a.name]));
  const nameOf = (id: string | null) => (id === null ? 'the repo' : (names.get(id) ?? id));
  return [
    {
      title: `Due in the next ${d.within} days`,
      empty: `Nothing falls due for ${d.person} in the next ${d.within} days.`,
      lines: d.due.map((i) => ({ lead: i.overdue ? `${i.date} overdue` : i.date, text: `${nameOf(i.account)}: ${i.title} (${kindWord(i.kind)})`, alert: i.overdue })),
    },
    {
      title: d.since ? `New findings since ${d.since.rev}` : 'What needs attention',
      empty: d.since ? `No new finding since ${d.since.rev}.` : 'Nothing needs attention.',
      lines: findingLines(d, nameOf),
    },
    ...(d.since
      ? [
          {
            title: `Health bands since ${d.since.rev}`,
            empty: 'No health band changed.',
            lines: d.bands.map((b) => ({
              lead: b.name,
              text: `${b.from ?? 'no health'} to ${b.to ?? 'no health'}${b.health === null ? '' : ` (health ${b.health.toFixed(1)})`}`,
              alert: b.to === 'red',
            })),
          },
        ]
      : []),
  ];
}

/**
 * Findings in words, errors first, then by account name (stable): an account's unanswered
 * checklist questions are one line with their count, since a chat message is no place for forty
 * questions.
 */
function findingLines(d: Digest, nameOf: (id: string | null) => string): DigestLine[] {
  const questions = new Map<string | null, number>();
  for (const f of d.findings) if (f.rule === 'unanswered_question') questions.set(f.account, (questions.get(f.account) ?? 0) + 1);
  const lines: DigestLine[] = [];
  for (const f of d.findings) {
    if (f.rule !== 'unanswered_question') lines.push({ lead: nameOf(f.account), text: f.message, alert: f.severity === 'error' });
    else if (questions.has(f.account)) {
      lines.push({ lead: nameOf(f.account), text: `${plural(questions.get(f.account)!, 'checklist question')} unanswered`, alert: false });
      questions.delete(f.account);
    }
  }
  const rank = (l: DigestLine) => (l.alert ? 0 : 1);
  return lines.map((l, i) => ({ l, i })).sort((a, b) => rank(a.l) - rank(b.l) || compareCodeUnits(a.l.lead, b.l.lead) || a.i - b.i).map(({ l }) => l);
}
