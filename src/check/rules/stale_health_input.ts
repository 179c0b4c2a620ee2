import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { measureInput, measureStale } from '../../health/health.js';
import { daysBetween } from '../../util/dates.js';
import type { Rule } from '../rule.js';
import { plural } from '../../util/plural.js';

export const staleHealthInput: Rule = {
  id: 'stale_health_input',
  severity: 'warning',
  example: 'a health measure of the account older than its max_age_days (kam.yaml health)',
  description: 'a health measure of an account (`health:`) whose `as_of` is more than its `max_age_days` before today; it no longer counts towards health',
  fix: 'measure it again and update `value` and `as_of` under the account\'s `health:`',
  check({ accounts, repo, today }) {
    const measures = repo.config.health.measures.filter((m) => m.max_age_days !== undefined);
    if (measures.length === 0) return [];
    return accounts.flatMap((account) =>
      measures.flatMap((m) => {
        const input = measureInput(account.value, m.id);
        if (!input || !measureStale(m, input.as_of, today)) return [];
        const where = whereIn(account, account.id, ['health', m.id, 'as_of']);
        const age = plural(daysBetween(input.as_of, today), 'day');
        return [makeFinding(staleHealthInput, where, `${m.label} (${m.id}) was measured ${input.as_of}, ${age} ago, more than its max_age_days of ${m.max_age_days}; it is left out of health until you measure it again and update value and as_of`, { measure: m.id })];
      }),
    );
  },
};
