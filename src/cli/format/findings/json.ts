import type { FindingsFormatter } from './types.js';

/** docs/format.md, "JSON outputs": `{ findings, summary }` (plus command-specific fields). */
export const json: FindingsFormatter = ({ findings, summary, completeness, truncated, since }) =>
  `${JSON.stringify({ findings, summary, ...(completeness && { completeness }), ...(truncated ? { truncated } : {}), ...(since && { since }) }, null, 2)}\n`;
