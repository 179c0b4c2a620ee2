import type { Repo } from '../load/loadRepo.js';
import { applySeverities, configRuleSettings } from '../findings/severity.js';
import { compareCodeUnits } from '../util/compare.js';
import { declaredPeople, personKey } from '../people/people.js';
import { compareScores, scoreAccount, type AccountScore } from './score.js';

export interface ManagerLoad {
  /** The person's name as kam.yaml's people: writes it, else the spelling most accounts use. */
  manager: string;
  /** The tiered accounts this manager owns, by id. */
  accountIds: string[];
  /** Tiered accounts this manager owns. */
  accounts: number;
  limit: number;
  over: boolean;
}

export interface Portfolio {
  /** Valid accounts, ranked (score descending, null last, ties by id). */
  accounts: AccountScore[];
  /**
   * Account files left out of the ranking: files with errors (with how many, as kam.yaml's
   * `rules:` rate them), and second files for an id already ranked from another file
   * (`rankedFrom`: that file). An id is never both ranked and left out "with errors".
   */
  invalid: { id: string; file: string; errors: number; rankedFrom?: string }[];
  /** Tier name (and the untiered label) -> number of accounts, in tier order. */
  tiers: { name: string; min: number | null; count: number }[];
  unscored: number;
  /** Accounts without a tier because they rate too little of the model (unscored ones included). */
  needsRating: number;
  keyAccounts: { count: number; limit: number; over: boolean };
  managers: ManagerLoad[];
  /** Tiered accounts without a manager (they count towards no manager's load). */
  unmanaged: number;
}

/**
 * Scores every valid account of the repo and sums up the portfolio against its limits. `score`
 * scores one account (scoreAccount, a pure function of id, account and config): kam trend passes
 * a memo of it, so an account unchanged between points of history is scored once.
 */
export function scorePortfolio(repo: Repo, score: typeof scoreAccount = scoreAccount): Portfolio {
  const { config } = repo;
  const { valid, invalid } = partitionAccounts(repo);
  const accounts = valid.map((a) => score(a.id, a.value!, config)).sort(compareScores);
  return summarise(config, accounts, invalid);
}

/**
 * The scores scorePortfolio ranks (the same accounts, each scored by `score`), in the repo's
 * order, neither ranked nor summed up: for kam trend, which needs each account's score and tier
 * at many points, not the portfolio's order or totals.
 */
export function portfolioScores(repo: Repo, score: typeof scoreAccount = scoreAccount): AccountScore[] {
  return partitionAccounts(repo).valid.map((a) => score(a.id, a.value!, repo.config));
}

/** How many of `findings` are errors at the severity kam.yaml's `rules:` gives them, by file (an account file with one is left out of the ranking). */
export function errorsByFile(findings: Repo['findings'], config: Repo['config']): Map<string, number> {
  const errors = new Map<string, number>();
  for (const f of applySeverities(findings, configRuleSettings(config)))
    if (f.severity === 'error') errors.set(f.file, (errors.get(f.file) ?? 0) + 1);
  return errors;
}

/** The accounts scorePortfolio ranks (valid, one per id) and those it leaves out. */
function partitionAccounts(repo: Repo): { valid: Repo['accounts']; invalid: Portfolio['invalid'] } {
  const { config } = repo;
  // An account is left out when its file has an error at the severity kam.yaml gives it (a
  // schema error leaves no value). One id is ranked once: a second valid file for an id already
  // ranked (duplicate_id turned off, or down to a warning) is left out as a duplicate.
  const errors = errorsByFile(repo.findings, config);
  const isValid = (a: (typeof repo.accounts)[number]) => a.value !== undefined && !errors.has(a.file);
  const rankedFrom = new Map<string, string>();
  const invalid: Portfolio['invalid'] = [];
  const valid: (typeof repo.accounts)[number][] = [];
  for (const a of repo.accounts) {
    if (!isValid(a)) continue;
    const first = rankedFrom.get(a.id);
    if (first === undefined) {
      rankedFrom.set(a.id, a.file);
      valid.push(a);
    } else invalid.push({ id: a.id, file: a.file, errors: errors.get(a.file) ?? 0, rankedFrom: first });
  }
  for (const a of repo.accounts) {
    if (isValid(a)) continue;
    const first = rankedFrom.get(a.id);
    invalid.push({ id: a.id, file: a.file, errors: Math.max(1, errors.get(a.file) ?? 0), ...(first ? { rankedFrom: first } : {}) });
  }
  invalid.sort((a, b) => compareCodeUnits(a.file, b.file));
  return { valid, invalid };
}

/** The portfolio's totals over its ranked scores. */
function summarise(config: Repo['config'], accounts: AccountScore[], invalid: Portfolio['invalid']): Portfolio {
  const count = (tier: string) => accounts.filter((a) => a.tier === tier).length;
  const tiers = [
    ...config.scoring.tiers.map((t) => ({ name: t.name, min: t.min as number | null, count: count(t.name) })),
    { name: config.scoring.untiered, min: null, count: count(config.scoring.untiered) },
  ];
  const tiered = accounts.filter((a) => a.tiered);
  const limit = config.limits.max_accounts_per_manager;
  // Capacity counts people, not strings: "Dana Whitfield" and "dana  whitfield" are one manager.
  const loads = new Map<string, { ids: string[]; spellings: Map<string, number> }>();
  for (const a of tiered) {
    if (!a.manager) continue;
    const key = personKey(a.manager);
    const load = loads.get(key) ?? { ids: [], spellings: new Map<string, number>() };
    load.ids.push(a.id);
    load.spellings.set(a.manager, (load.spellings.get(a.manager) ?? 0) + 1);
    loads.set(key, load);
  }
  const declared = new Map((declaredPeople(config) ?? []).map((n) => [personKey(n), n]));
  const managers = [...loads]
    .map(([key, { ids, spellings }]) => {
      const manager = declared.get(key) ?? [...spellings].sort((a, b) => b[1] - a[1] || compareCodeUnits(a[0], b[0]))[0]![0];
      return { manager, accountIds: ids.sort(compareCodeUnits), accounts: ids.length, limit, over: ids.length > limit };
    })
    .sort((a, b) => b.accounts - a.accounts || compareCodeUnits(a.manager, b.manager));
  return {
    accounts,
    invalid,
    tiers,
    unscored: accounts.filter((a) => a.score === null).length,
    needsRating: accounts.filter((a) => a.needsRating).length,
    keyAccounts: { count: tiered.length, limit: config.limits.max_key_accounts, over: tiered.length > config.limits.max_key_accounts },
    managers,
    unmanaged: tiered.filter((a) => !a.manager).length,
  };
}
