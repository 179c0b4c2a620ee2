import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { ACTION_STAGES } from '../../health/health.js';
import type { Rule } from '../rule.js';

export const noActions: Rule = {
  id: 'no_actions',
  severity: 'warning',
  example: 'actions: []',
  description: 'a plan at stage `action_plan`, `execution` or `review` with no action of status `open` or `blocked`',
  fix: 'add the next actions under `actions:` (title, owner, due), or set `stage:` back to where the plan really is',
  check({ plans }) {
    return plans.flatMap((plan) => {
      const { stage, actions } = plan.value;
      if (stage === undefined || !ACTION_STAGES.includes(stage)) return [];
      if (actions.some((a) => a.status === 'open' || a.status === 'blocked')) return [];
      const done = actions.length ? ` (all ${actions.length} are done)` : '';
      return [makeFinding(noActions, whereIn(plan, plan.id, ['actions']), `the plan is at stage ${stage} but has no open or blocked action${done}; add the next actions with an owner and a due date`)];
    });
  },
};
