import { checkCommand } from './check.js';
import { importCommand } from './import.js';
import { initCommand } from './init.js';
import { newCommand } from './new.js';
import { schemaCommand } from './schema.js';
import { scoreCommand } from './score.js';
import type { CommandFactory } from './types.js';
import { validateCommand } from './validate.js';

/** Every kam command, in the order `kam --help` lists them. */
export const commandFactories: CommandFactory[] = [
  initCommand,
  newCommand,
  scoreCommand,
  checkCommand,
  validateCommand,
  schemaCommand,
  importCommand,
];
