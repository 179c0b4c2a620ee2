import { Command, Option } from 'commander';
import { addRepoOption, formatOption, globalOptions, todayOption } from '../options.js';
import type { CommandFactory } from './types.js';

export const trendCommand: CommandFactory = (setExit, io) =>
  addRepoOption(new Command('trend'))
    .description("each account's score, tier, health, band and coverage at points of its git history (spec 1.2, section 8)")
    .argument('[accounts...]', 'only these accounts (ids, also ones that exist only in history, file paths or names)')
    .option('--since <rev|date>', 'start at this revision (it is the first point) or on this date, YYYY-MM-DD (default: the first commit)')
    .addOption(new Option('--every <period>', 'the points: each commit that changed kam.yaml, accounts/ or plans/, or the last commit of each week (ending Sunday) or calendar month').choices(['commit', 'week', 'month']).default('commit'))
    .option('--manager <name>', "only this manager's accounts (as they are at the last point, any case)")
    .option('--tier <name>', 'only the accounts in this tier at the last point')
    .option('--explain <account>', "each health component's points at the first and last point, the change, and the commits that changed it")
    .addOption(formatOption(['table', 'json', 'csv', 'markdown'], 'table'))
    .addOption(todayOption())
    .addHelpText(
      'after',
      `
Every point is evaluated with the kam.yaml of that point and "today" = its date
(the committer date, or the period's last day); the last point is always the
work tree, dated today. Files are read from git objects (nothing is checked out)
and each file version is parsed once however many points share it. A point whose
kam.yaml is invalid is reported as such. On a terminal the table has a sparkline
of each account's health.

Examples:
  $ kam trend                                  every account at each commit
  $ kam trend --every month --since 2026-01-01
  $ kam trend vantor-pharma --every week -f json
  $ kam trend --explain vantor-pharma --since v2026-q3

Exit codes: 0 printed, 2 not a git repo, no commits, an unknown revision,
account, tier or manager.`,
    )
    .action(async (accounts: string[], _opts, cmd: Command) => {
      const { runTrend } = await import('../actions/trend.js');
      setExit(await runTrend(accounts, globalOptions(cmd), io));
    });
