// "What needs attention" in a plan document: the account's check findings said in words, grouped
// by the part of the plan they are about. A plan document is read in a meeting, not in an editor:
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
    // Messages are written to follow a location ("plans/x.yaml:7:1 no one on the team is..."):
    // standing alone, they start a sentence.
    const message = f.message.charAt(0).toUpperCase() + f.message.slice(1);
    if (!items.some((i) => i.message === message)) items.push({ message, error: f.severity === 'error' });
    byArea.set(area, items);
  }
  return AREAS.filter(([id]) => byArea.has(id)).map(([id, title]) => ({
    id,
    title,
    items: [...byArea.get(id)!].sort((a, b) => Number(b.error) - Number(a.error)),
  }));
}
