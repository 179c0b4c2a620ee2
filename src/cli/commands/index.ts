import { agendaCommand } from './agenda.js';
import { checkCommand } from './check.js';
import { codeownersCommand } from './codeowners.js';
import { diffCommand } from './diff.js';
import { digestCommand } from './digest.js';
import { exportCommand } from './export.js';
import { healthCommand } from './health.js';
import { historyCommand } from './history.js';
import { importCommand } from './import.js';
import { initCommand } from './init.js';
import { mapCommand } from './map.js';
import { newCommand } from './new.js';
import { pipelineCommand } from './pipeline.js';
import { renderCommand } from './render.js';
import { schemaCommand } from './schema.js';
import { scoreCommand } from './score.js';
import { trendCommand } from './trend.js';
import { siteCommand } from './site.js';
import { signoffCommand, signoffsCommand } from './signoff.js';
import type { CommandFactory } from './types.js';
import { validateCommand } from './validate.js';

/** Every kam command, in the order `kam --help` lists them. */
export const commandFactories: CommandFactory[] = [
  initCommand,
  newCommand,
  importCommand,
  exportCommand,
  scoreCommand,
  checkCommand,
  healthCommand,
  pipelineCommand,
  agendaCommand,
  digestCommand,
  validateCommand,
  renderCommand,
  siteCommand,
  mapCommand,
  diffCommand,
  historyCommand,
  trendCommand,
  signoffCommand,
  signoffsCommand,
  codeownersCommand,
  schemaCommand,
];
