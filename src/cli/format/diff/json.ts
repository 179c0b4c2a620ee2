import type { DiffFormatter } from './types.js';

/** `{ base, head, changes }` exactly (README, "kam diff"). */
export const json: DiffFormatter = ({ diff }) => `${JSON.stringify(diff, null, 2)}\n`;
