import type { AccountChange } from '../../../git/changes.js';
import type { StateNumbers } from '../../../git/accountState.js';
import { amount, percent } from '../../../numbers/format.js';
import { plural } from '../../../util/plural.js';

/** How a cell shows a missing value (no score, no plan, no account). */
export const NONE = '–';

/** Scores always show one decimal (62.5, 70.0); percentages drop a trailing .0 (55%, 42.9%). */
const decimals = (field: 'score' | 'completeness' | 'health', n: number) => {
  const fixed = (Math.round(n * 10) / 10).toFixed(1);
  return field === 'completeness' ? fixed.replace(/\.0$/, '') : fixed;
};

/**
 * `62.5 → 71.3 (+8.8)` for a changed number, `71.3` when unchanged or on one side only. Numbers
 * keep one decimal (a whole number shows none), `unit` follows each value ("%").
 */
export function numberChange(change: AccountChange, field: 'score' | 'completeness' | 'health', unit = ''): string {
  const b = change.before?.[field] ?? null;
  const a = change.after?.[field] ?? null;
  const show = (v: number | null) => (v === null ? NONE : `${decimals(field, v)}${unit}`);
  if (change.kind === 'added') return show(a);
  if (change.kind === 'removed') return show(b);
  if (a === b) return show(a);
  const delta = a !== null && b !== null ? ` (${a > b ? '+' : ''}${decimals(field, a - b)})` : '';
  return `${show(b)} → ${show(a)}${delta}`;
}

/** `Tier 3 → Tier 2`, or the one value when it did not change. */
export function textChange(change: AccountChange, field: 'tier' | 'quadrant'): { text: string; changed: boolean } {
  const b = change.before?.[field] ?? null;
  const a = change.after?.[field] ?? null;
  if (change.kind === 'added') return { text: a ?? NONE, changed: false };
  if (change.kind === 'removed') return { text: b ?? NONE, changed: false };
  if (a === b) return { text: a ?? NONE, changed: false };
  return { text: `${b ?? NONE} → ${a ?? NONE}`, changed: true };
}

export function findingCounts(change: AccountChange): string {
  const parts = [];
  if (change.findings.new.length) parts.push(`${change.findings.new.length} new`);
  if (change.findings.resolved.length) parts.push(`${change.findings.resolved.length} resolved`);
  return parts.join(', ') || NONE;
}

/** "3 accounts changed: 1 added, 1 removed, 1 changed" */
export function summaryLine(changes: AccountChange[]): string {
  const count = (kind: AccountChange['kind']) => changes.filter((c) => c.kind === kind).length;
  const parts = (['added', 'removed', 'changed'] as const).filter((k) => count(k) > 0).map((k) => `${count(k)} ${k}`);
  return `${plural(changes.length, 'account')} changed: ${parts.join(', ')}`;
}

/**
 * `62.5 amber → 38.0 red (-24.5)`: health with its band on each side. `worse` is true when the
 * band went down (a pull request that lets a plan go red says so), `better` when it went up.
 */
export function healthChange(change: AccountChange): { text: string; worse: boolean; better: boolean } {
  const show = (s: AccountChange['before']) => (s?.health == null ? NONE : `${decimals('health', s.health)} ${s.band}`);
  const b = change.before;
  const a = change.after;
  if (change.kind === 'added') return { text: show(a), worse: false, better: false };
  if (change.kind === 'removed') return { text: show(b), worse: false, better: false };
  const rank = (s: AccountChange['before']) => (s?.band ? BAND_RANK[s.band] : -1);
  const worse = rank(a) < rank(b);
  const better = rank(a) > rank(b);
  if ((b?.health ?? null) === (a?.health ?? null)) return { text: show(a), worse, better };
  const delta = a?.health != null && b?.health != null ? ` (${a.health > b.health ? '+' : ''}${decimals('health', a.health - b.health)})` : '';
  return { text: `${show(b)} → ${show(a)}${delta}`, worse, better };
}

const BAND_RANK = { red: 0, amber: 1, green: 2 } as const;

/**
 * What changed in an account's numbers, in words: `target 3,400,000 USD → 3,800,000 USD`,
 * `coverage 62.1% → 46.6%`, `at risk 0 USD → 400,000 USD`, `next renewal planning-suite ending
 * 2027-09-30 (likely) → planning-suite ending 2027-09-30 (at risk)`. Empty when nothing changed,
 * or when the account was added or removed (its numbers are then in `kam pipeline`).
 */
export function numbersChange(change: AccountChange): string[] {
  if (change.kind !== 'changed') return [];
  const b = change.before?.numbers;
  const a = change.after?.numbers;
  if (!b && !a) return [];
  const currency = a?.currency ?? b?.currency ?? '';
  const out: string[] = [];
  const money = (label: string, f: 'target' | 'renewing' | 'at_risk') => {
    const x = b?.[f] ?? null;
    const y = a?.[f] ?? null;
    if (x !== y) out.push(`${label} ${x === null ? NONE : amount(x, currency)} → ${y === null ? NONE : amount(y, currency)}`);
  };
  money('target', 'target');
  const cb = b?.coverage ?? null;
  const ca = a?.coverage ?? null;
  if (percent(cb) !== percent(ca)) out.push(`coverage ${coverageText(cb, b?.target)} → ${coverageText(ca, a?.target)}`);
  money('renewing', 'renewing');
  money('at risk', 'at_risk');
  const rb = renewalText(b?.next_renewal ?? null);
  const ra = renewalText(a?.next_renewal ?? null);
  if (rb !== ra) out.push(`next renewal ${rb} → ${ra}`);
  return out;
}

/** No coverage with a target means the target is met (gap ≤ 0); without a target there is none. */
const coverageText = (coverage: number | null, target: number | null | undefined) => (coverage !== null ? percent(coverage) : target != null ? 'target met' : NONE);

const renewalText = (r: StateNumbers['next_renewal']) =>
  r ? `${r.id} ending ${r.end} (${r.renewal.replace(/_/g, ' ')})` : 'none';
