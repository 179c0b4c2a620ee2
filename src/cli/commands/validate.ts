import { Command } from 'commander';
import { addRepoOption, formatOption, globalOptions, maxFindingsOption } from '../options.js';
import type { CommandFactory } from './types.js';

export const validateCommand: CommandFactory = (setExit, io) =>
  addRepoOption(new Command('validate'))
    .description('check every file of the plan repo against the schema: YAML syntax, keys, types, ids')
    .addOption(formatOption(['stylish', 'json'], 'stylish'))
    .addOption(maxFindingsOption())
    .addHelpText(
      'after',
      `
Examples:
  $ kam validate                      validate the repo around this folder
  $ kam validate -C plans-repo -f json
  $ kam validate --max-findings all   list every finding, however many

Exit codes: 0 no errors, 1 errors found, 2 kam.yaml missing or invalid, or a
usage error.`,
    )
    .action(async (_opts, cmd: Command) => {
      const { runValidate } = await import('../actions/validate.js');
      setExit(await runValidate(globalOptions(cmd), io));
    });
