import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { FindingsFormatter } from './types.js';

/** Formatters by name; --format picks one. */
export const findingsFormatters = { stylish, json, github, gitlab, junit, sarif } satisfies Record<string, FindingsFormatter>;
export type FindingsFormat = keyof typeof findingsFormatters;
