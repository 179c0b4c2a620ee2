// kam's answer back to the CRM: one row per account with its CRM record id, so the CRM's own
// import tool can update its records (docs/crm.md). Pure: a loaded repo in, rows out.
import { completeness } from '../plan/completeness.js';
import type { Band } from '../health/health.js';
import { requirementsByTier } from '../profiles/profile.js';
import type { Repo } from '../load/loadRepo.js';
import { PRESETS, type PresetId } from '../crm/index.js';
import type { Portfolio } from '../score/portfolio.js';
import { round1 } from '../score/score.js';
import { localToday } from '../util/dates.js';
import { repoNumbers } from '../numbers/portfolio.js';
import { nextRenewal, renewalFigures } from '../numbers/renewals.js';

export interface ExportRow {
  /** The account's `crm_id`, or null when it has none (the CRM cannot match that row). */
  crm_id: string | null;
  id: string;
  name: string;
  manager: string | null;
  /** One decimal; null when the account rates no criterion. */
  score: number | null;
  tier: string | null;
  quadrant: string | null;
  /** Checklist completeness of the account's plan in percent (one decimal); null without a valid plan. */
  checklist_completeness: number | null;
  /** Plan health (0..100, one decimal) and its band; null without a valid plan. */
  health: number | null;
  health_band: Band | null;
  /** The account's revenue target (spec 1.2, section 2); null without one. */
  target: number | null;
  /** Pipeline coverage of the gap, a ratio as in `kam pipeline --format json`; null without a plan, a target, or when the target is met. */
  coverage: number | null;
  /** End date of the unsettled contract that ends first (spec 1.2, section 4); null without one. */
  next_renewal: string | null;
  /** The renewing value whose renewal is unknown or at risk (`at_risk` of `kam pipeline`); null without contracts. */
  value_at_risk: number | null;
}

/** What export needs of each account's plan health (docs/health.md), by account id. */
export type HealthById = ReadonlyMap<string, { health: number | null; band: Band | null }>;

/** Every valid account, in the portfolio's ranking (score descending, ties by id). */
export function exportRows(repo: Repo, portfolio: Portfolio, health: HealthById = new Map(), today: string = localToday()): ExportRow[] {
  const accounts = new Map(repo.accounts.map((a) => [a.id, a]));
  const errors = new Set(repo.findings.filter((f) => f.severity === 'error').map((f) => f.file));
  const plans = new Map(repo.plans.filter((p) => p.value !== undefined && !errors.has(p.file)).map((p) => [p.id, p.value!]));
  // Completeness counts what the account's tier profile asks for, as kam check does.
  const required = requirementsByTier(repo.config);
  // The numbers as `kam pipeline` computes them, for the accounts it lists (a valid plan).
  const numbers = new Map(repoNumbers(repo, today, portfolio).accounts.map((n) => [n.id, n]));
  return portfolio.accounts.map((a) => {
    const plan = plans.get(a.id);
    const h = health.get(a.id);
    const account = accounts.get(a.id)?.value;
    const next = nextRenewal(account?.contracts);
    return {
      crm_id: accounts.get(a.id)?.value?.crm_id ?? null,
      id: a.id,
      name: a.name,
      manager: a.manager ?? null,
      score: a.score === null ? null : round1(a.score),
      tier: a.tier,
      quadrant: a.quadrant,
      checklist_completeness: plan ? completeness(plan, repo.config, required(a.tier)).percent : null,
      health: h?.health == null ? null : round1(h.health),
      health_band: h?.band ?? null,
      target: account?.revenue?.target ?? null,
      coverage: numbers.get(a.id)?.coverage ?? null,
      next_renewal: next?.end ?? null,
      value_at_risk: account ? renewalFigures(account.contracts, repo.config.renewals.assess_days, today).at_risk : null,
    };
  });
}

/**
 * The CSV columns of an export: the CRM's own names for the record id and the account name
 * (`--to`), so its import tool matches the records without mapping; kam's names for the rest,
 * which `kam import` reads back (id, name, manager, crm_id map themselves).
 */
export function exportHeader(to: PresetId | undefined): string[] {
  const preset = to ? PRESETS[to] : undefined;
  return [preset?.exportIdColumn ?? 'crm_id', 'id', preset?.exportNameColumn ?? 'name', 'manager', 'score', 'tier', 'quadrant', 'checklist_completeness', 'health', 'health_band', 'target', 'coverage', 'next_renewal', 'value_at_risk'];
}

export function exportCells(row: ExportRow): (string | number | null)[] {
  return [row.crm_id, row.id, row.name, row.manager, row.score === null ? null : row.score.toFixed(1), row.tier, row.quadrant, row.checklist_completeness, row.health === null ? null : row.health.toFixed(1), row.health_band, row.target, row.coverage === null ? null : row.coverage.toFixed(3), row.next_renewal, row.value_at_risk];
}
