import { Chalk } from 'chalk';
import type { ScoreReport } from '../../../../src/cli/format/score/types.js';
import type { Portfolio } from '../../../../src/score/portfolio.js';
import { compareScores, scoreAccount } from '../../../../src/score/score.js';
import { filterScores } from '../../../../src/score/select.js';
import { account, ACCOUNTS, config } from '../../score/fixture.js';

/** A synthetic score report over the hand-computed scoring fixture (tests/unit/score/fixture.ts). */
export function scoreReport(overrides: Partial<ScoreReport> = {}): ScoreReport {
  const accounts = Object.keys(ACCOUNTS).map((id) => scoreAccount(id, account(id), config)).sort(compareScores);
  const count = (tier: string) => accounts.filter((a) => a.tier === tier).length;
  const portfolio: Portfolio = {
    accounts,
    invalid: [{ id: 'broken', file: 'accounts/broken.yaml', errors: 2 }],
    tiers: [...config.scoring.tiers.map((t) => ({ name: t.name, min: t.min as number | null, count: count(t.name) })), { name: config.scoring.untiered, min: null, count: count(config.scoring.untiered) }],
    unscored: accounts.filter((a) => a.score === null).length,
    needsRating: accounts.filter((a) => a.needsRating).length,
    keyAccounts: { count: 4, limit: 3, over: true },
    managers: [{ manager: 'Ann Lee', accounts: 2, accountIds: ['acme', 'beta'], limit: 1, over: true }],
    unmanaged: 0,
  };
  return { rows: filterScores(accounts, config, {}), portfolio, config, chalk: new Chalk({ level: 0 }), filtered: false, ...overrides };
}
