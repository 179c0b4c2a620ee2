import type { Repo } from '../load/loadRepo.js';
import { compareCodeUnits } from '../util/compare.js';
import { compareScores, scoreAccount, type AccountScore } from './score.js';

export interface ManagerLoad {
  manager: string;
  /** Tiered accounts this manager owns. */
  accounts: number;
  limit: number;
  over: boolean;
}

export interface Portfolio {
  /** Valid accounts, ranked (score descending, null last, ties by id). */
  accounts: AccountScore[];
  /** Accounts left out because their files have errors, with how many. */
  invalid: { id: string; file: string; errors: number }[];
  /** Tier name (and the untiered label) -> number of accounts, in tier order. */
  tiers: { name: string; min: number | null; count: number }[];
  unscored: number;
  keyAccounts: { count: number; limit: number; over: boolean };
  managers: ManagerLoad[];
  /** Tiered accounts without a manager (they count towards no manager's load). */
  unmanaged: number;
}

/** Scores every valid account of the repo and sums up the portfolio against its limits. */
export function scorePortfolio(repo: Repo): Portfolio {
  const { config } = repo;
  // An account is left out when its file has any error: a schema error leaves no value, and a
  // duplicate id would score one account twice.
  const errors = new Map<string, number>();
  for (const f of repo.findings) if (f.severity === 'error') errors.set(f.file, (errors.get(f.file) ?? 0) + 1);
  const isValid = (a: (typeof repo.accounts)[number]) => a.value !== undefined && !errors.has(a.file);
  const accounts = repo.accounts.filter(isValid).map((a) => scoreAccount(a.id, a.value!, config)).sort(compareScores);
  const invalid = repo.accounts
    .filter((a) => !isValid(a))
    .map((a) => ({ id: a.id, file: a.file, errors: Math.max(1, errors.get(a.file) ?? 0) }));
  const count = (tier: string) => accounts.filter((a) => a.tier === tier).length;
  const tiers = [
    ...config.scoring.tiers.map((t) => ({ name: t.name, min: t.min as number | null, count: count(t.name) })),
    { name: config.scoring.untiered, min: null, count: count(config.scoring.untiered) },
  ];
  const tiered = accounts.filter((a) => a.tiered);
  const limit = config.limits.max_accounts_per_manager;
  const loads = new Map<string, number>();
  for (const a of tiered) if (a.manager) loads.set(a.manager, (loads.get(a.manager) ?? 0) + 1);
  const managers = [...loads]
    .map(([manager, n]) => ({ manager, accounts: n, limit, over: n > limit }))
    .sort((a, b) => b.accounts - a.accounts || compareCodeUnits(a.manager, b.manager));
  return {
    accounts,
    invalid,
    tiers,
    unscored: accounts.filter((a) => a.score === null).length,
    keyAccounts: { count: tiered.length, limit: config.limits.max_key_accounts, over: tiered.length > config.limits.max_key_accounts },
    managers,
    unmanaged: tiered.filter((a) => !a.manager).length,
  };
}
