import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import type { Rule } from '../rule.js';

export const unratedCriterion: Rule = {
  id: 'unrated_criterion',
  severity: 'warning',
  example: 'ratings:\n  revenue_potential: 4  # strategic_fit is not rated',
  description: 'a scoring criterion the account does not rate (its score leaves it out); one finding for an account that rates none',
  fix: 'add the criterion under the account\'s `ratings:` (a whole number on the scale)',
  check({ repo, accounts, scores }) {
    const { criteria, scale } = repo.config.scoring;
    return accounts.flatMap((account) => {
      const unrated = scores.get(account.id)?.unrated ?? [];
      if (unrated.length === 0) return [];
      // At the `ratings:` line, or the account's root mapping when it has none.
      const where = whereIn(account, account.id, ['ratings'], true);
      // An account that rates nothing gets one finding, not one per criterion: the fix is one step.
      if (unrated.length === criteria.length)
        return [makeFinding(unratedCriterion, where, `rates none of the ${criteria.length} criteria, so it has no score or tier; add ratings: with ${criteria.map((c) => c.id).join(', ')} (${scale.min}-${scale.max})`)];
      return unrated.map((id) => {
        const label = criteria.find((c) => c.id === id)?.label ?? id;
        return makeFinding(unratedCriterion, where, `${label} (${id}) is not rated, so the score leaves it out; add ${id}: <${scale.min}-${scale.max}> under ratings:`, { criterion: id });
      });
    });
  },
};
