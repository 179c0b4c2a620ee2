// The whitespace map of a plan (spec 1.1, section 5) as data for templates: buying centers x
// offerings, each cell the assessed status (or "not assessed"), with won/open/potential totals,
// and the portfolio's open and potential value by offering.
import type { LoadedPlan } from '../load/loadRepo.js';
import type { Config } from '../schema/config.js';
import { WHITESPACE_STATUSES } from '../schema/enums.js';
import type { Plan } from '../schema/plan.js';
import { offeringShares, walletOf } from '../numbers/wallet.js';
import { pushTo } from '../util/group.js';

export type WhitespaceStatus = (typeof WHITESPACE_STATUSES)[number];

export const WHITESPACE_LABELS: Record<WhitespaceStatus | 'unassessed', string> = {
  won: 'Won',
  open: 'Open',
  potential: 'Potential',
  competitor: 'Competitor',
  not_a_fit: 'Not a fit',
  unassessed: 'Not assessed',
};

export interface WhitespaceCell {
  offering: string;
  status: WhitespaceStatus | 'unassessed';
  statusLabel: string;
  value: number | null;
  /** spec 1.2 section 3: what the customer spends a year on the offering there, with every supplier. */
  wallet: number | null;
  competitor: string | null;
  notes: string | null;
}

export interface WhitespaceModel {
  offerings: { id: string; label: string }[];
  centers: { id: string; name: string; cells: WhitespaceCell[] }[];
  /** Sum of `value` by status over the assessed cells (entries without a value count 0). */
  totals: { won: number; open: number; potential: number };
  /** Per offering, the same sums down its column, and our share of the column's wallet (spec 1.2 section 3). */
  columns: { offering: string; won: number; open: number; potential: number; wallet: number | null; wonInWallet: number; share: number | null }[];
  /** Whether any cell gives a wallet: the map then shows wallet and share rows. */
  anyWallet: boolean;
  /** The offerings whose cells give a wallet, with our share of it: what the Markdown lists. */
  walletShares: { label: string; wallet: number; wonInWallet: number; share: number }[];
  assessed: number;
  cells: number;
}

const cellKey = (center: string, offering: string) => `${center}\u0000${offering}`;

/** A share (0..1) in percent with one decimal. */
const sharePercent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/**
 * The grid of one plan; null when there is nothing to draw (no offerings in kam.yaml or no buying
 * centers in the plan). Entries naming an undeclared center or offering (unknown_reference) are
 * left out of the grid and the totals.
 */
export function whitespaceModel(plan: Plan, config: Config): WhitespaceModel | null {
  if (config.offerings.length === 0 || plan.buying_centers.length === 0) return null;
  const entries = new Map(plan.whitespace.map((w) => [cellKey(w.center, w.offering), w]));
  const totals = { won: 0, open: 0, potential: 0 };
  const columns = config.offerings.map((o) => ({ offering: o.id, won: 0, open: 0, potential: 0, wallet: null as number | null, wonInWallet: 0, share: null as number | null }));
  const centerIds = new Set(plan.buying_centers.map((c) => c.id));
  let assessed = 0;
  const centers = plan.buying_centers.map((c) => ({
    id: c.id,
    name: c.name,
    cells: config.offerings.map((o, col): WhitespaceCell => {
      const w = entries.get(cellKey(c.id, o.id));
      if (!w) return { offering: o.id, status: 'unassessed', statusLabel: WHITESPACE_LABELS.unassessed, value: null, wallet: null, competitor: null, notes: null };
      assessed++;
      if (w.status === 'won' || w.status === 'open' || w.status === 'potential') {
        totals[w.status] += w.value ?? 0;
        columns[col]![w.status] += w.value ?? 0;
      }
      return { offering: o.id, status: w.status, statusLabel: WHITESPACE_LABELS[w.status], value: w.value ?? null, wallet: w.wallet ?? null, competitor: w.competitor ?? null, notes: w.notes ?? null };
    }),
  }));
  const inGrid = new Map<string, Plan['whitespace']>();
  for (const w of plan.whitespace) if (centerIds.has(w.center)) pushTo(inGrid, w.offering, w);
  columns.forEach((col) => {
    const figures = walletOf(inGrid.get(col.offering) ?? []);
    Object.assign(col, { wallet: figures.wallet, wonInWallet: figures.wonInWallet, share: sharePercent(figures.share) });
  });
  return { offerings: config.offerings.map((o) => ({ id: o.id, label: o.label })), centers, totals, columns, anyWallet: columns.some((c) => c.wallet !== null),
    walletShares: columns.flatMap((c, i) => (c.wallet !== null && c.share !== null ? [{ label: config.offerings[i]!.label, wallet: c.wallet, wonInWallet: c.wonInWallet, share: c.share }] : [])),
    assessed, cells: centers.length * config.offerings.length };
}

/** One offering of the portfolio whitespace. */
export interface OfferingWhitespace {
  id: string;
  label: string;
  open: number;
  potential: number;
  total: number;
  /** spec 1.2 section 3: the customers' spend on it (sum of `wallet`), null when no entry gives one. */
  wallet: number | null;
  /** Won value of the entries that give a wallet. */
  wonInWallet: number;
  /** Our share of that wallet in percent (one decimal), null without a wallet. */
  share: number | null;
}

/**
 * The portfolio's open and potential whitespace value by offering, over every valid plan, and
 * the wallet share per offering (spec 1.2 section 3: sum of won value / sum of wallet over the
 * entries that give a wallet). Entries naming an undeclared center or offering are left out, as
 * in each plan's grid.
 */
export function portfolioWhitespace(plans: LoadedPlan[], config: Config): { offerings: OfferingWhitespace[]; open: number; potential: number; total: number; wallet: number | null; wonInWallet: number; share: number | null; anyWallet: boolean } | null {
  if (config.offerings.length === 0) return null;
  const entries: Plan['whitespace'] = [];
  for (const p of plans) {
    if (!p.value) continue;
    const centers = new Set(p.value.buying_centers.map((c) => c.id));
    for (const w of p.value.whitespace) if (centers.has(w.center)) entries.push(w);
  }
  const shares = offeringShares([{ whitespace: entries }]);
  // One pass over the entries, grouped by offering (linear in the portfolio's size).
  const byOffering = new Map<string, Plan['whitespace']>();
  for (const w of entries) pushTo(byOffering, w.offering, w);
  const rows: OfferingWhitespace[] = config.offerings.map((o) => {
    const mine = byOffering.get(o.id) ?? [];
    const sum = (status: 'open' | 'potential') => mine.reduce((s, w) => s + (w.status === status ? (w.value ?? 0) : 0), 0);
    const wallet = shares.get(o.id) ?? { wallet: null, wonInWallet: 0, share: null };
    const open = sum('open');
    const potential = sum('potential');
    return { id: o.id, label: o.label, open, potential, total: open + potential, wallet: wallet.wallet, wonInWallet: wallet.wonInWallet, share: sharePercent(wallet.share) };
  });
  const declared = new Set(config.offerings.map((o) => o.id));
  const all = walletOf(entries.filter((w) => declared.has(w.offering)));
  const open = rows.reduce((s, r) => s + r.open, 0);
  const potential = rows.reduce((s, r) => s + r.potential, 0);
  return { offerings: rows, open, potential, total: open + potential, wallet: all.wallet, wonInWallet: all.wonInWallet, share: sharePercent(all.share), anyWallet: all.wallet !== null };
}
