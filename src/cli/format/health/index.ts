import { csv } from './csv.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { table } from './table.js';
import type { HealthFormatter } from './types.js';

/** `kam health` formatters by name; --format picks one. */
export const healthFormatters = { table, json, csv, markdown } satisfies Record<string, HealthFormatter>;
export type HealthFormat = keyof typeof healthFormatters;
