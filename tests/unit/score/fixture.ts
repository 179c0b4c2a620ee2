// A custom scoring model whose scores are easy to work out by hand: scale 0..10 (n = rating / 10),
// four criteria of weights 4, 1, 3, 2 (Σw = 10), one inverse, custom tier and quadrant names.
import { accountSchema, type Account } from '../../../src/schema/account.js';
import { configSchema } from '../../../src/schema/config.js';
import { parse } from 'yaml';

export const KAM_YAML = `version: 1
scoring:
  scale: { min: 0, max: 10 }
  criteria:
    - { id: revenue, label: Revenue today, weight: 4, axis: current }
    - { id: loyalty, label: Loyalty, weight: 1, axis: current }
    - { id: upside, label: Upside, weight: 3, axis: potential }
    - { id: hassle, label: Hassle, weight: 2, axis: potential, inverse: true }
  tiers:
    - { name: Gold, min: 70 }
    - { name: Silver, min: 40 }
  untiered: Watch list
  matrix_threshold: 60
  min_rated_weight: 0.3    # low enough for the formula tests: foxtrot rates 0.4 of the weight
  quadrants:
    high_current_high_potential: Invest
    low_current_high_potential: Nurture
    high_current_low_potential: Harvest
    low_current_low_potential: Exit
limits: { max_key_accounts: 3, max_accounts_per_manager: 1 }
`;

export const config = configSchema.parse(parse(KAM_YAML));

/** Accounts of the fixture: the ratings, and the manager when there is one. */
export const ACCOUNTS: Record<string, { manager?: string; ratings: Record<string, number> }> = {
  // 100 × (4·1 + 1·.5 + 3·.8 + 2·(1-.2)) / 10 = 85; current 100 × 4.5/5 = 90; potential 100 × 4/5 = 80.
  alpha: { manager: 'Ann Lee', ratings: { revenue: 10, loyalty: 5, upside: 8, hassle: 2 } },
  // Every n = .7: exactly 70, the Gold threshold.
  bravo: { manager: 'Ann Lee', ratings: { revenue: 7, loyalty: 7, upside: 7, hassle: 3 } },
  // 100 × (4 + 0 + 1.8 + 1.2) / 10 = 70: ties with bravo, sorted after it by id; potential exactly 60.
  golf: { manager: 'Bob Ng', ratings: { revenue: 10, loyalty: 0, upside: 6, hassle: 4 } },
  // Every n = .4: exactly 40, the Silver boundary; both axes 40 < 60: Exit.
  charlie: { manager: 'Bob Ng', ratings: { revenue: 4, loyalty: 4, upside: 4, hassle: 6 } },
  // loyalty and hassle unrated: 100 × (4·.2 + 3·.9) / 7 = 50; current 20, potential 90: Nurture.
  delta: { ratings: { revenue: 2, upside: 9 } },
  // Rates nothing: score null, no tier, no quadrant.
  echo: { manager: 'Cy Oh', ratings: {} },
  // Only the current axis: score = current = 30, potential null, so no quadrant; Watch list.
  foxtrot: { manager: 'Cy Oh', ratings: { revenue: 3 } },
};

export function account(id: string): Account {
  const a = ACCOUNTS[id]!;
  return accountSchema(config).parse({ name: `${id[0]!.toUpperCase()}${id.slice(1)} Corp`, manager: a.manager, ratings: a.ratings });
}

/** The fixture as repo files, for tests that go through loading. */
export function repoFiles(): Record<string, string> {
  const files: Record<string, string> = { 'kam.yaml': KAM_YAML };
  for (const [id, a] of Object.entries(ACCOUNTS)) {
    const ratings = Object.entries(a.ratings).map(([k, v]) => `  ${k}: ${v}\n`).join('');
    files[`accounts/${id}.yaml`] = `name: ${id[0]!.toUpperCase()}${id.slice(1)} Corp\n${a.manager ? `manager: ${a.manager}\n` : ''}ratings:${ratings ? `\n${ratings}` : ' {}\n'}`;
  }
  return files;
}
