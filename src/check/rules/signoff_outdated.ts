import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { agreementOf, latestSignoff } from '../../signoff/digest.js';
import type { Rule } from '../rule.js';

export const signoffOutdated: Rule = {
  id: 'signoff_outdated',
  severity: 'warning',
  example: 'the latest sign-off\'s digest differs from the digest of the plan as shared now',
  description: "the latest sign-off's digest (`signoffs`, the one with the latest date) differs from the plan's shared digest: a shared objective, action or KPI changed since the customer agreed",
  fix: 'agree the changed plan with the customer and record it with "kam signoff <account> --by NAME", or undo the change ("kam diff" shows it)',
  check({ plans }) {
    return plans.flatMap((plan) => {
      const a = agreementOf(plan.value);
      if (a.state !== 'changed') return [];
      const index = latestSignoff(plan.value)!.index;
      // At the latest sign-off's digest: that is the value that no longer matches.
      return [
        makeFinding(signoffOutdated,
          whereIn(plan, plan.id, ['signoffs', index, 'digest']),
          `the shared plan changed since ${a.by} agreed on ${a.date}: the shared objectives, actions or KPIs are no longer the version they signed (${a.current.slice(0, 15)}… now); agree it again and run "kam signoff ${plan.id} --by NAME"`,
        ),
      ];
    });
  },
};
