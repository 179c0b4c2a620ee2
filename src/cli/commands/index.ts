import { checkCommand } from './check.js';
import { renderCommand } from './render.js';
import { schemaCommand } from './schema.js';
import { scoreCommand } from './score.js';
import type { CommandFactory } from './types.js';
import { validateCommand } from './validate.js';

/** Every kam command, in the order `kam --help` lists them. */
export const commandFactories: CommandFactory[] = [
  scoreCommand,
  checkCommand,
  renderCommand,
  validateCommand,
  schemaCommand,
];
