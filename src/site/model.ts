// View models of `kam site` (spec 1.2, section 10): the portfolio index, the agenda, the findings
// and the trend of one account, as plain data for the site's templates (templates/site/). Built
// from the core's results (scores, health, numbers, agenda, check findings, trend); every figure
// is the one the matching command prints. Linear in the repo's size: the index of a 10,000-account
// repo is built in well under a second (docs/site.md gives its size).
import type { AgendaItem } from '../agenda/agenda.js';
import type { CheckResult } from '../check/checkRepo.js';
import type { Finding } from '../findings/finding.js';
import type { Band } from '../health/health.js';
import type { PlanHealth } from '../health/portfolio.js';
import type { TrendAccount, TrendData } from '../history/trend.js';
import type { Repo } from '../load/loadRepo.js';
import { repoNumbers } from '../numbers/portfolio.js';
import { personKey } from '../people/people.js';
import { attentionGroups } from '../render/attention.js';
import { layoutMatrix } from '../render/matrix.js';
import { tierClass } from '../render/model.js';
import type { Portfolio } from '../score/portfolio.js';
import { round1 } from '../score/score.js';
import { compareCodeUnits } from '../util/compare.js';
import { pushTo } from '../util/group.js';
import { GENERATED_MARKER } from '../util/safeWrite.js';
import { slugify } from '../util/slug.js';

/** The matrix on the index shows at most this many accounts (the highest ranked): a readable figure at any repo size. */
export const MATRIX_MAX = 60;
/** Rows the index table shows per page in the browser (all are in the HTML). */
export const PAGE_ROWS = 100;
/** Names listed beside the matrix as "needs rating" before "and N more". */
const NEEDS_RATING_NAMES = 20;

const BAND_LABELS: Record<Band, string> = { green: 'Green', amber: 'Amber', red: 'Red' };
const BAND_ORDER: Record<Band, number> = { red: 0, amber: 1, green: 2 };
const KIND_LABELS: Record<AgendaItem['kind'], string> = { action: 'Action', review: 'Plan review', contact: 'Contact', health_input: 'Health input', renewal: 'Renewal' };

/** What --since gives the site: the revision, the health there, and the findings new since it. */
export interface SiteSince {
  rev: string;
  commit: string;
  date: string;
  /** Health of the repo as it was at the revision (empty: no plan had one, or no kam.yaml there). */
  health: readonly PlanHealth[];
  /** Today's findings that the revision did not have. */
  newFindings: readonly Finding[];
  /** Each account's place on the matrix at the revision (its own kam.yaml), for the arrows to now. */
  positions: ReadonlyMap<string, { current: number; potential: number }>;
}

export interface SiteInput {
  repo: Repo;
  check: CheckResult;
  portfolio: Portfolio;
  health: readonly PlanHealth[];
  /** The agenda (overdue included) up to the site's horizon. */
  items: readonly AgendaItem[];
  horizon: number;
  today: string;
  since: SiteSince | null;
  /** kam trend's data since --since; null without --since or without git history. */
  trend: TrendData | null;
}

/** Where the account stood at --since, rounded as the matrix's points are (kam render --portfolio --since does the same). */
function earlierPlace(since: SiteSince | null, id: string): { current: number; potential: number } | undefined {
  const at = since?.positions.get(id);
  return at && { current: round1(at.current), potential: round1(at.potential) };
}

/** A page's place in the site: the prefix back to the site's root and which navigation entry is current. */
export interface PageNav {
  base: string;
  current: 'index' | 'agenda' | 'findings' | 'account';
  organization: string | null;
}

export const accountHref = (id: string) => `accounts/${id}.html`;

function meta(input: SiteInput) {
  return { marker: GENERATED_MARKER, today: input.today, organization: input.repo.config.organization ?? null, currency: input.repo.config.currency };
}

/** Band changes since the revision, by account id (only accounts whose band differs). */
function bandChanges(input: SiteInput): Map<string, { from: Band | null; to: Band | null }> {
  const out = new Map<string, { from: Band | null; to: Band | null }>();
  if (!input.since) return out;
  const then = new Map(input.since.health.map((h) => [h.id, h.band]));
  for (const h of input.health) {
    const from = then.get(h.id) ?? null;
    if (from !== h.band) out.set(h.id, { from, to: h.band });
  }
  for (const [id, from] of then) if (from !== null && !input.health.some((h) => h.id === id)) out.set(id, { from, to: null });
  return out;
}

function movementOf(change: { from: Band | null; to: Band | null } | undefined) {
  if (!change) return null;
  const rank = (b: Band | null) => (b === null ? -1 : BAND_ORDER[b]);
  const better = rank(change.to) > rank(change.from);
  return {
    arrow: better ? '▲' : '▼',
    better,
    from: change.from ? BAND_LABELS[change.from] : 'none',
    to: change.to ? BAND_LABELS[change.to] : 'none',
  };
}

/** The search text of an account: its id, name and manager, and its plan's stakeholders and people. */
function searchText(repo: Repo, id: string, name: string, manager: string | null, plan: Repo['plans'][number] | undefined): string {
  const words = [id, name, manager ?? ''];
  const p = plan?.value;
  if (p) {
    for (const s of p.stakeholders) words.push(s.name, s.title ?? '', s.owner ?? '', ...(s.contacts ?? []));
    for (const m of p.team) words.push(m.name);
    for (const a of p.actions) words.push(a.owner ?? '');
  }
  return [...new Set(words.map((w) => w.trim().toLowerCase()).filter(Boolean))].join(' ');
}

export function indexModel(input: SiteInput) {
  const { repo, portfolio } = input;
  const { config } = repo;
  const health = new Map(input.health.map((h) => [h.id, h]));
  const numbers = new Map(repoNumbers(repo, input.today, portfolio).accounts.map((n) => [n.id, n]));
  const plans = new Map(repo.plans.filter((p) => p.value).map((p) => [p.id, p]));
  const accounts = new Map(repo.accounts.filter((a) => a.value).map((a) => [a.id, a.value!]));
  const next = new Map<string, AgendaItem>();
  for (const item of input.items) if (!next.has(item.account)) next.set(item.account, item);
  const changes = bandChanges(input);
  const groupOf = (tier: string | null) => config.scoring.tiers.findIndex((t) => t.name === tier);

  const rows = portfolio.accounts.map((s, i) => {
    const h = health.get(s.id);
    const n = numbers.get(s.id);
    const item = next.get(s.id);
    const group = groupOf(s.tier);
    return {
      rank: i + 1,
      id: s.id,
      name: s.name,
      href: accountHref(s.id),
      manager: s.manager,
      tier: s.tier,
      tierClass: tierClass(group),
      group,
      score: s.score === null ? null : round1(s.score),
      current: s.current === null ? null : round1(s.current),
      potential: s.potential === null ? null : round1(s.potential),
      quadrant: s.quadrant,
      needsRating: s.needsRating,
      revenue: accounts.get(s.id)?.revenue?.current ?? null,
      hasPlan: plans.has(s.id),
      health: h?.health == null ? null : round1(h.health),
      band: h?.band ?? null,
      bandLabel: h?.band ? BAND_LABELS[h.band] : null,
      bandClass: h?.band ? `band-${h.band}` : 'band-none',
      /** Band rank for sorting: red first; none last. */
      bandOrder: h?.band ? BAND_ORDER[h.band] : 3,
      coverage: n?.coverage == null ? null : round1(100 * n.coverage),
      next: item ? { date: item.date, title: item.title, overdue: item.overdue } : null,
      movement: movementOf(changes.get(s.id)),
      search: searchText(repo, s.id, s.name, s.manager, plans.get(s.id)),
    };
  });

  // The matrix: the highest-ranked accounts that have a place on it, numbered by rank.
  const placed = rows.filter((r) => r.quadrant !== null && r.current !== null && r.potential !== null);
  const shown = placed.slice(0, MATRIX_MAX);
  const layout = layoutMatrix(
    shown.map((r) => ({ id: r.id, label: r.name, current: r.current!, potential: r.potential!, revenue: r.revenue ?? 0, group: r.group, key: r.rank, before: earlierPlace(input.since, r.id) })),
    { threshold: config.scoring.matrix_threshold, quadrants: config.scoring.quadrants },
  );
  const byId = new Map(shown.map((r) => [r.id, r]));
  const needsRating = rows.filter((r) => r.needsRating).map((r) => ({ id: r.id, name: r.name }));
  const bandCount = (band: Band) => rows.filter((r) => r.hasPlan && r.band === band).length;
  const managers = [...new Set(rows.map((r) => r.manager).filter((m): m is string => m !== null))].sort(compareCodeUnits);
  const tiers = [...config.scoring.tiers.map((t) => t.name), config.scoring.untiered].filter((t) => rows.some((r) => r.tier === t));
  return {
    ...meta(input),
    nav: { base: '', current: 'index', organization: config.organization ?? null } satisfies PageNav,
    since: input.since && { rev: input.since.rev, commit: input.since.commit, date: input.since.date },
    rows,
    count: rows.length,
    invalid: portfolio.invalid,
    plans: plans.size,
    pageRows: PAGE_ROWS,
    filters: {
      managers,
      tiers,
      bands: (['red', 'amber', 'green'] as const).filter((b) => rows.some((r) => r.band === b)).map((b) => ({ id: b, label: BAND_LABELS[b] })),
      anyUnbanded: rows.some((r) => r.band === null),
    },
    healthBands: { red: bandCount('red'), amber: bandCount('amber'), green: bandCount('green'), any: input.health.length > 0 },
    needsRating: needsRating.length > NEEDS_RATING_NAMES ? [...needsRating.slice(0, NEEDS_RATING_NAMES), { id: '', name: `and ${needsRating.length - NEEDS_RATING_NAMES} more (see the table)` }] : needsRating,
    matrixNote: placed.length > shown.length ? { shown: shown.length, placed: placed.length } : null,
    matrix: {
      ...layout,
      bubbles: layout.bubbles.map((b) => {
        const r = byId.get(b.id)!;
        return { ...b, name: r.name, tier: r.tier, quadrant: r.quadrant, tierClass: tierClass(b.group), health: r.health, band: r.band, bandClass: r.bandClass };
      }),
      key: shown.map((r) => ({ key: r.rank, id: r.id, name: r.name, tier: r.tier, tierClass: r.tierClass, quadrant: r.quadrant, current: r.current, potential: r.potential })),
      threshold: config.scoring.matrix_threshold,
      legend: [...config.scoring.tiers.map((t, i) => ({ name: t.name, tierClass: tierClass(i) })), { name: config.scoring.untiered, tierClass: tierClass(-1) }],
      count: layout.bubbles.length,
    },
  };
}

/** A person's calendar: their name as the repo spells it and the file it goes to. */
export interface PersonCalendar {
  name: string;
  slug: string;
  href: string;
  items: AgendaItem[];
}

/**
 * One calendar per person who owes an item (names matched as kam matches people: case and runs of
 * spaces ignored), each at people/<slug>.ics; two people whose names slug alike get -2, -3, ...
 */
export function personCalendars(items: readonly AgendaItem[]): PersonCalendar[] {
  const byKey = new Map<string, { name: string; items: AgendaItem[] }>();
  for (const item of items) {
    if (item.owner === null) continue;
    const key = personKey(item.owner);
    const entry = byKey.get(key) ?? { name: item.owner.trim(), items: [] };
    entry.items.push(item);
    byKey.set(key, entry);
  }
  const people = [...byKey.values()].sort((a, b) => compareCodeUnits(a.name, b.name));
  const used = new Set<string>();
  return people.map((p) => {
    const base = slugify(p.name) || 'person';
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return { name: p.name, slug, href: `people/${slug}.ics`, items: p.items };
  });
}

export function agendaModel(input: SiteInput, calendars: readonly PersonCalendar[]) {
  const names = new Map(input.repo.accounts.filter((a) => a.value).map((a) => [a.id, a.value!.name]));
  return {
    ...meta(input),
    nav: { base: '', current: 'agenda', organization: input.repo.config.organization ?? null } satisfies PageNav,
    horizon: input.horizon,
    items: input.items.map((i) => ({
      date: i.date,
      overdue: i.overdue,
      kind: KIND_LABELS[i.kind],
      title: i.title,
      owner: i.owner,
      account: i.account,
      accountName: names.get(i.account) ?? i.account,
      href: accountHref(i.account),
    })),
    overdue: input.items.filter((i) => i.overdue).length,
    calendars: calendars.map((c) => ({ name: c.name, href: c.href, count: c.items.length })),
  };
}

export function findingsModel(input: SiteInput) {
  const { repo } = input;
  const changes = bandChanges(input);
  const byAccount = new Map<string, Finding[]>();
  const portfolioWide: Finding[] = [];
  for (const f of input.check.findings) {
    if (f.rule === 'unanswered_question') continue; // the plan's open questions: the plan page lists them
    if (f.account === null) portfolioWide.push(f);
    else pushTo(byAccount, f.account, f);
  }
  const fresh = new Set(input.since?.newFindings ?? []);
  const mark = (findings: Finding[]) => {
    const newMessages = new Set(findings.filter((f) => fresh.has(f)).map((f) => f.message.charAt(0).toUpperCase() + f.message.slice(1)));
    return attentionGroups(findings).map((g) => ({ ...g, items: g.items.map((i) => ({ ...i, new: newMessages.has(i.message) })) }));
  };
  const names = new Map(repo.accounts.filter((a) => a.value).map((a) => [a.id, a.value!]));
  // Accounts in portfolio order (highest ranked first), then any the portfolio does not hold (invalid files).
  const order = [...input.portfolio.accounts.map((a) => a.id), ...[...byAccount.keys()].filter((id) => !names.has(id)).sort(compareCodeUnits)];
  const accounts = order.flatMap((id) => {
    const findings = byAccount.get(id);
    if (!findings) return [];
    const account = names.get(id);
    return [{
      id,
      name: account?.name ?? id,
      manager: account?.manager ?? null,
      href: account ? accountHref(id) : null,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      fresh: findings.filter((f) => fresh.has(f)).length,
      groups: mark(findings),
    }];
  });
  return {
    ...meta(input),
    nav: { base: '', current: 'findings', organization: repo.config.organization ?? null } satisfies PageNav,
    since: input.since && { rev: input.since.rev, commit: input.since.commit, date: input.since.date },
    accounts,
    portfolio: portfolioWide.map((f) => ({ message: f.message.charAt(0).toUpperCase() + f.message.slice(1), error: f.severity === 'error', new: fresh.has(f) })),
    bandChanges: [...changes].map(([id, c]) => ({ id, name: names.get(id)?.name ?? id, href: names.has(id) ? accountHref(id) : null, ...movementOf(c)! })).sort((a, b) => compareCodeUnits(a.id, b.id)),
    summary: input.check.summary,
  };
}

/** Width and height of the trend drawing (viewBox units; it scales to the column). */
const TREND_W = 640;
const TREND_H = 160;
const PAD = { left: 34, right: 12, top: 10, bottom: 22 };

/** A polyline of one series (0..100) over the points, with gaps where there is no value. */
function lines(values: (number | null)[]): string[] {
  const n = values.length;
  const x = (i: number) => round1(PAD.left + (n === 1 ? 0.5 : i / (n - 1)) * (TREND_W - PAD.left - PAD.right));
  const y = (v: number) => round1(PAD.top + (1 - Math.max(0, Math.min(100, v)) / 100) * (TREND_H - PAD.top - PAD.bottom));
  const out: string[] = [];
  let run: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (run.length) out.push(run.join(' '));
      run = [];
    } else run.push(`${x(i)},${y(v)}`);
  });
  if (run.length) out.push(run.join(' '));
  // A lone point is drawn as a short stroke, so it shows.
  return out.map((pts) => (pts.includes(' ') ? pts : `${pts} ${pts.replace(/^([\d.]+)/, (m) => String(round1(Number(m) + 2)))}`));
}

/** The trend section of an account page: score and health at each point since --since. */
export function trendModel(trend: TrendData | null, id: string, since: SiteSince | null) {
  if (!trend || !since) return null;
  const account: TrendAccount | undefined = trend.accounts.find((a) => a.id === id);
  if (!account) return null;
  const points = trend.points.map((p, i) => {
    const e = account.series[i];
    return {
      date: p.date,
      commit: p.commit ?? 'work tree',
      score: e?.score == null ? null : round1(e.score),
      tier: e?.tier ?? null,
      health: e?.health == null ? null : round1(e.health),
      band: e?.band ? BAND_LABELS[e.band] : null,
    };
  });
  if (!points.some((p) => p.score !== null || p.health !== null)) return null;
  const gridY = (v: number) => round1(PAD.top + (1 - v / 100) * (TREND_H - PAD.top - PAD.bottom));
  return {
    rev: since.rev,
    width: TREND_W,
    height: TREND_H,
    left: PAD.left,
    right: TREND_W - PAD.right,
    grid: [0, 50, 100].map((v) => ({ value: v, y: gridY(v), textY: round1(gridY(v) + 4) })),
    first: points[0]!.date,
    last: points.at(-1)!.date,
    labelY: TREND_H - 6,
    score: lines(points.map((p) => p.score)),
    health: lines(points.map((p) => p.health)),
    points,
  };
}
