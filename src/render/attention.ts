// "What needs attention" in a plan document and the portfolio overview: check findings said in
// words (in a plan document grouped by the part of the plan they are about). A plan document is read in a meeting, not in an editor:
// it never shows rule ids or file:line locations (those are `kam check`'s), only the message,
// whose wording already says what is wrong and how to fix it.
import type { Finding } from '../findings/finding.js';

/** The groups, in the order a plan document shows its sections. */
const AREAS = [
  ['account', 'Account details'],
  ['review', 'Plan review'],
  ['team', 'Account team'],
  ['stakeholders', 'Stakeholders and relationships'],
  ['opportunities', 'Opportunities and whitespace'],
  ['actions', 'Actions'],
  ['checklist', 'Checklist'],
  ['plan', 'Other parts of the plan'],
] as const;

type Area = (typeof AREAS)[number][0];

/** The plan keys each area covers (a plan finding's YAML path starts with one of them). */
const PLAN_KEYS: Record<string, Area> = {
  last_reviewed: 'review',
  stage: 'review',
  period: 'review',
  team: 'team',
  stakeholders: 'stakeholders',
  opportunities: 'opportunities',
  buying_centers: 'opportunities',
  whitespace: 'opportunities',
  actions: 'actions',
  answers: 'checklist',
};

function areaOf(f: Finding): Area {
  // Account files hold the account's details, ratings and health inputs; a finding about the
  // account itself that points at no plan (missing_plan) is about the account too.
  if (f.file.startsWith('accounts/')) return 'account';
  const key = f.path[0];
  return (typeof key === 'string' && PLAN_KEYS[key]) || 'plan';
}

export interface AttentionItem {
  message: string;
  /** An error `kam check` fails on, as opposed to a warning. */
  error: boolean;
}

export interface AttentionGroup {
  id: Area;
  title: string;
  items: AttentionItem[];
}

/** A finding's message standing alone: it starts a sentence. */
function sentence(f: Finding): AttentionItem {
  // Messages are written to follow a location ("plans/x.yaml:7:1 no one on the team is..."):
  // standing alone, they start a sentence.
  return { message: f.message.charAt(0).toUpperCase() + f.message.slice(1), error: f.severity === 'error' };
}

/** Adds `item` unless the same message is there already (two rules or places saying one thing). */
function addOnce(items: AttentionItem[], item: AttentionItem): void {
  if (!items.some((i) => i.message === item.message)) items.push(item);
}

const errorsFirst = (items: AttentionItem[]) => [...items].sort((a, b) => Number(b.error) - Number(a.error));

/**
 * The findings as groups of messages, in document order; within a group errors first, then the
 * findings' own order (file and position, as `kam check` lists them). A message said twice (two
 * rules or two places reporting the same thing) is listed once.
 */
export function attentionGroups(findings: readonly Finding[]): AttentionGroup[] {
  const byArea = new Map<Area, AttentionItem[]>();
  for (const f of findings) {
    const area = areaOf(f);
    const items = byArea.get(area) ?? [];
    addOnce(items, sentence(f));
    byArea.set(area, items);
  }
  return AREAS.filter(([id]) => byArea.has(id)).map(([id, title]) => ({ id, title, items: errorsFirst(byArea.get(id)!) }));
}

/** What the portfolio says of one account's findings: its first messages, and how many more. */
export interface AccountAttention {
  items: AttentionItem[];
  /** Messages left out (the account's plan document lists them all). */
  more: number;
}

/**
 * One account's findings in words for the portfolio overview: errors first, each message once,
 * the open checklist questions said as one count (the plan document lists them), at most `max`
 * messages. Never a rule id or a file location.
 */
export function accountAttention(findings: readonly Finding[], max: number): AccountAttention {
  const items: AttentionItem[] = [];
  let open = 0;
  for (const f of findings) {
    if (f.rule === 'unanswered_question') open++;
    else addOnce(items, sentence(f));
  }
  if (open > 0) items.push({ message: open === 1 ? '1 checklist question is still open' : `${open} checklist questions are still open`, error: false });
  const sorted = errorsFirst(items);
  return { items: sorted.slice(0, max), more: Math.max(0, sorted.length - max) };
}

/** Findings about the whole portfolio (limits), in words: errors first, each message once. */
export function portfolioAttention(findings: readonly Finding[]): AttentionItem[] {
  const items: AttentionItem[] = [];
  for (const f of findings) addOnce(items, sentence(f));
  return errorsFirst(items);
}
