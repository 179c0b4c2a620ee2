import { csv } from './csv.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { table } from './table.js';
import type { ScoreFormatter } from './types.js';

/** `kam score` formatters by name; --format picks one. */
export const scoreFormatters = { table, json, csv, markdown } satisfies Record<string, ScoreFormatter>;
export type ScoreFormat = keyof typeof scoreFormatters;
