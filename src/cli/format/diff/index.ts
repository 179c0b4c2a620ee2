import { json } from './json.js';
import { markdown } from './markdown.js';
import { table } from './table.js';
import type { DiffFormatter } from './types.js';

/** Formatters by name; --format picks one. */
export const diffFormatters = { table, json, markdown } satisfies Record<string, DiffFormatter>;
export type DiffFormat = keyof typeof diffFormatters;
