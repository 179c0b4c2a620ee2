import { importCommand } from './import.js';
import { schemaCommand } from './schema.js';
import type { CommandFactory } from './types.js';
import { validateCommand } from './validate.js';

/** Every kam command, in the order `kam --help` lists them. */
export const commandFactories: CommandFactory[] = [validateCommand, schemaCommand, importCommand];
