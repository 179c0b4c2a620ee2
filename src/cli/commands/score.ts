import { Command, Option } from 'commander';
import { addRepoOption, formatOption, globalOptions, wholeNumber } from '../options.js';
import type { CommandFactory } from './types.js';

export const scoreCommand: CommandFactory = (setExit, io) =>
  addRepoOption(new Command('score'))
    .description('rank accounts by score, tier them, place them on the key account matrix and check portfolio limits')
    .addOption(formatOption(['table', 'json', 'csv', 'markdown'], 'table'))
    .option('--tier <name>', 'list only accounts in this tier (or the untiered label)')
    .option('--manager <name>', 'list only accounts this manager owns (any case)')
    .addOption(new Option('--top <n>', 'list only the first N accounts (after --tier and --manager)').argParser(wholeNumber(1)))
    .option('--explain <account>', 'why this account has its score, and which rating change would lift it a tier')
    .addHelpText(
      'after',
      `
The score is 100 × Σ(weight × normalized rating) / Σ(weight) over the criteria
an account rates (see docs/scoring.md). Ranks are those of the whole portfolio,
also when filtering; the summary under the table (tiers, key accounts, manager
loads against kam.yaml's limits) always covers the whole portfolio. Accounts
whose files have errors are left out, with a notice on stderr.

Examples:
  $ kam score                          ranked table and portfolio summary
  $ kam score --tier "Tier 1" --format json
  $ kam score --manager "dana whitfield" --top 3
  $ kam score --format csv > scores.csv
      for a spreadsheet
  $ kam score --explain northwind      the arithmetic behind one account's score

Exit codes: 0 scored, 2 kam.yaml missing or invalid, an unknown account, tier or
manager, or a usage error.`,
    )
    .action(async (_opts, cmd: Command) => {
      const { runScore } = await import('../actions/score.js');
      setExit(await runScore(globalOptions(cmd), io));
    });
