import { Command, Option } from 'commander';
import { addRepoOption, formatOption, globalOptions, todayOption } from '../options.js';
import type { CommandFactory } from './types.js';

export const healthCommand: CommandFactory = (setExit, io) =>
  addRepoOption(new Command('health'))
    .description('how well each account plan is kept: completeness, freshness, team, stakeholders, execution and manual measures, worst first')
    .argument('[accounts...]', 'list only these accounts (an id, a file, or an account name)')
    .addOption(formatOption(['table', 'json', 'csv', 'markdown'], 'table'))
    .option('--manager <name>', 'list only accounts this manager owns (any case)')
    .option('--tier <name>', 'list only accounts in this tier (or the untiered label)')
    .addOption(new Option('--band <band>', 'list only accounts in this band').choices(['red', 'amber', 'green']))
    .option('--explain <account>', 'the arithmetic behind one account\'s health, and what would lift it a band')
    .addOption(todayOption())
    .addHelpText(
      'after',
      `
Health is 100 × Σ(weight × component) / Σ(weight) over the components an
account's plan can be measured on (docs/health.md). A component with nothing to
measure is left out, never counted as 0. Bands: green from health.bands.green
(70), amber from health.bands.amber (40), red below. Only accounts with a plan
have a health; files with errors are left out.

Examples:
  $ kam health                       every account with a plan, worst first
  $ kam health --band red --manager "Dana Whitfield"
  $ kam health northwind --format json
  $ kam health --explain northwind   each component's arithmetic and what lifts
                                     the band

Exit codes: 0 listed, 2 kam.yaml missing or invalid, an unknown account, tier or
manager, or a usage error.`,
    )
    .action(async (accounts: string[], _opts, cmd: Command) => {
      const { runHealth } = await import('../actions/health.js');
      setExit(await runHealth(accounts, globalOptions(cmd), io));
    });
