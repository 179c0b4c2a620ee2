import { Chalk } from 'chalk';
import { parse } from 'yaml';
import type { ScoreReport } from '../../../../src/cli/format/score/types.js';
import { configSchema, type Config } from '../../../../src/schema/config.js';
import type { Portfolio } from '../../../../src/score/portfolio.js';
import { compareScores, scoreAccount } from '../../../../src/score/score.js';
import { account, ACCOUNTS, config, KAM_YAML } from '../../score/fixture.js';

/** The scoring fixture's model with another scoring.min_rated_weight (the fixture's is 0.3). */
export function configWithMinRatedWeight(share: number): Config {
  return configSchema.parse(parse(KAM_YAML.replace(/min_rated_weight: [\d.]+/, `min_rated_weight: ${share}`)));
}

/** A synthetic score report over the hand-computed scoring fixture (tests/unit/score/fixture.ts), scored with `model` (default: the fixture's). */
export function scoreReport(overrides: Partial<ScoreReport> = {}, model: Config = config): ScoreReport {
  const accounts = Object.keys(ACCOUNTS).map((id) => scoreAccount(id, account(id), model)).sort(compareScores);
  const count = (tier: string) => accounts.filter((a) => a.tier === tier).length;
  const portfolio: Portfolio = {
    accounts,
    invalid: [{ id: 'broken', file: 'accounts/broken.yaml', errors: 2 }],
    tiers: [...model.scoring.tiers.map((t) => ({ name: t.name, min: t.min as number | null, count: count(t.name) })), { name: model.scoring.untiered, min: null, count: count(model.scoring.untiered) }],
    unscored: accounts.filter((a) => a.score === null).length,
    needsRating: accounts.filter((a) => a.needsRating).length,
    keyAccounts: { count: 4, limit: 3, over: true },
    managers: [{ manager: 'Ann Lee', accounts: 2, accountIds: ['acme', 'beta'], limit: 1, over: true }],
    unmanaged: 0,
  };
  return { rows: accounts.map((a, i) => ({ ...a, rank: i + 1 })), portfolio, config: model, chalk: new Chalk({ level: 0 }), filtered: false, ...overrides };
}
