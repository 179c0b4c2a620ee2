import { Command, InvalidArgumentError, Option } from 'commander';
import { dateProblem } from '../../util/dates.js';
import { addRepoOption, formatOption, globalOptions } from '../options.js';
import type { CommandFactory } from './types.js';

export const historyCommand: CommandFactory = (setExit, io) =>
  addRepoOption(new Command('history'))
    .description("an account's score, tier and checklist completeness at every commit that changed it")
    .argument('<account>', 'the account: its id (also one that no longer exists), its file path or its name')
    .addOption(
      new Option('--since <date>', 'only commits from this date on, YYYY-MM-DD').argParser((value) => {
        const problem = dateProblem(value);
        if (problem) throw new InvalidArgumentError(problem);
        return value;
      }),
    )
    .addOption(formatOption(['table', 'json'], 'table'))
    .addHelpText(
      'after',
      `
Lists the commits that touched accounts/<id>.yaml, plans/<id>.yaml or kam.yaml,
oldest first, read from git objects (nothing is checked out). On a terminal a
sparkline of the score follows.

Examples:
  $ kam history northwind
  $ kam history northwind --since 2026-01-01 -f json

Exit codes: 0 printed, 2 not a git repo, no commits, or no commit touches the
account.`,
    )
    .action(async (id: string, _opts, cmd: Command) => {
      const { runHistory } = await import('../actions/history.js');
      setExit(await runHistory(id, globalOptions(cmd), io));
    });
