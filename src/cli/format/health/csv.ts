import { HEALTH_COMPONENTS } from '../../../schema/defaults.js';
import { writeCsv } from '../../../util/csvWrite.js';
import { weakestComponent } from '../../../health/health.js';
import { healthText } from './values.js';
import type { HealthFormatter } from './types.js';

/**
 * One row per account, worst first, CRLF line ends, cells safe to open in a spreadsheet; one
 * column per component (empty when left out), values 0..1 to 4 decimals.
 */
export const csv: HealthFormatter = ({ rows, config }) => {
  const components = [...HEALTH_COMPONENTS, ...config.health.measures.map((m) => m.id)];
  const header = ['id', 'name', 'tier', 'manager', 'health', 'band', 'weakest', ...components];
  const lines = rows.map((h) => [
    h.id,
    h.name,
    h.tier,
    h.manager,
    healthText(h.health),
    h.band,
    weakestComponent(h),
    ...components.map((id) => (h.components[id] ? Math.round(h.components[id].value * 10_000) / 10_000 : null)),
  ]);
  return writeCsv(header, lines);
};
