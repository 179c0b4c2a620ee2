import { json } from './json.js';
import { stylish } from './stylish.js';
import type { FindingsFormatter } from './types.js';

/** Formatters by name; --format picks one. */
export const findingsFormatters = { stylish, json } satisfies Record<string, FindingsFormatter>;
export type FindingsFormat = keyof typeof findingsFormatters;
