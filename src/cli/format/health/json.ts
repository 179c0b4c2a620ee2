import { round1 } from '../../../score/score.js';
import type { HealthFormatter } from './types.js';

/** spec 1.1, section 4: health rounded to one decimal, component values unrounded. */
export const json: HealthFormatter = ({ rows }) => {
  const accounts = rows.map((h) => ({
    id: h.id,
    name: h.name,
    tier: h.tier,
    health: h.health === null ? null : round1(h.health),
    band: h.band,
    components: h.components,
    left_out: h.left_out,
  }));
  return `${JSON.stringify({ accounts }, null, 2)}\n`;
};
