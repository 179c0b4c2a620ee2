import type { FindingsFormatter } from './types.js';

/** plan-format.md, "JSON outputs": `{ findings, summary }` (plus command-specific fields). */
export const json: FindingsFormatter = ({ findings, summary, extra }) =>
  `${JSON.stringify({ findings, summary, ...extra }, null, 2)}\n`;
