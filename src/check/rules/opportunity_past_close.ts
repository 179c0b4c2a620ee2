import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { isOpen } from '../../numbers/pipeline.js';
import { daysBetween } from '../../util/dates.js';
import type { Rule } from '../rule.js';
import { plural } from '../../util/plural.js';

export const opportunityPastClose: Rule = {
  id: 'opportunity_past_close',
  severity: 'warning',
  example: 'an open opportunity with close: 2020-01-01',
  description: 'an open opportunity (stage neither `won` nor `lost`) whose `close` date is before today',
  fix: 'set its `stage` to won or lost, or move `close` to when it will really close',
  check({ plans, today }) {
    return plans.flatMap((plan) =>
      plan.value.opportunities.flatMap((o, i) => {
        if (!isOpen(o) || o.close === undefined || o.close >= today) return [];
        const where = whereIn(plan, plan.id, ['opportunities', i, 'close']);
        return [makeFinding(opportunityPastClose, where, `opportunity "${o.name}" was to close ${o.close} (${plural(daysBetween(o.close, today), 'day')} ago) and is still open; set stage: won or lost, or a new close date`, { opportunity: o.name })];
      }),
    );
  },
};
