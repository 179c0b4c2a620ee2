import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { daysBetween } from '../../util/dates.js';
import type { Rule } from '../rule.js';
import { plural } from '../../util/plural.js';

export const stalePlan: Rule = {
  id: 'stale_plan',
  severity: 'warning',
  example: 'last_reviewed: 2020-01-01  # more than cadence_days before today',
  description: 'a plan whose `last_reviewed` is more than `review.cadence_days` (default 90), or the `cadence_days` of the profile of the account\'s tier, before today, or that has none',
  fix: 'review the plan with the account team and set `last_reviewed:` to the review date',
  check({ plans, today, lastCommitDate, requirements }) {
    return plans.flatMap((plan) => {
      const { cadenceDays: cadence, profile } = requirements(plan.id);
      const rhythm = `the review cadence${profile ? ` of ${profile}` : ''} is ${plural(cadence, 'day')}`;
      const at = (path: string[]) => whereIn(plan, plan.id, path);
      const reviewed = plan.value.last_reviewed;
      if (reviewed) {
        const age = daysBetween(reviewed, today);
        // A review date after today is a typo (2062 for 2026) and says nothing about staleness.
        if (age < 0)
          return [makeFinding(stalePlan, at(['last_reviewed']), `last_reviewed ${reviewed} is in the future (${plural(-age, 'day')} after ${today}); set it to the date of the last review`)];
        if (age <= cadence) return [];
        return [makeFinding(stalePlan, at(['last_reviewed']), `last reviewed ${reviewed}, ${plural(age, 'day')} ago (${rhythm}); review the plan and update last_reviewed`)];
      }
      // No review date: the last commit that touched the plan is the best evidence there is.
      const changed = lastCommitDate?.(plan.file);
      if (changed) {
        const age = daysBetween(changed, today);
        if (age <= cadence) return [];
        return [makeFinding(stalePlan, at([]), `no last_reviewed, and the plan last changed in git on ${changed}, ${plural(age, 'day')} ago (${rhythm}); review it and add last_reviewed: YYYY-MM-DD`)];
      }
      return [makeFinding(stalePlan, at([]), `the plan has never been reviewed (no last_reviewed${lastCommitDate ? ' and no commit in git history' : ''}); review it and add last_reviewed: YYYY-MM-DD`)];
    });
  },
};
