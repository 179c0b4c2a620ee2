import type { FindingsFormatter } from './types.js';

/** plan-format.md, "JSON outputs": `{ findings, summary }` (plus command-specific fields). */
export const json: FindingsFormatter = ({ findings, summary, completeness, truncated, extra }) =>
  `${JSON.stringify({ findings, summary, ...(completeness && { completeness }), ...(truncated ? { truncated } : {}), ...extra }, null, 2)}\n`;
