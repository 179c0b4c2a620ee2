import { Command, InvalidArgumentError, Option } from 'commander';
import { addRepoOption, globalOptions, todayOption } from '../options.js';
import type { CommandFactory } from './types.js';

const days = (value: string) => {
  if (!/^\d+$/.test(value) || Number(value) > 3650) throw new InvalidArgumentError(`give a whole number of days from 0 to 3650, not "${value}"`);
  return Number(value);
};

export const siteCommand: CommandFactory = (setExit, io) =>
  addRepoOption(new Command('site'))
    .description('write a static website of the whole repo (portfolio, account plans, agenda with calendars, what needs attention) for people who never open a terminal')
    .option('--out <dir>', 'the folder to write the site into', 'site')
    .option('--since <rev>', 'show movement since this git revision: health band changes, new findings, and each account\'s trend of score and health')
    .addOption(new Option('--within <days>', 'the agenda and calendars list what falls due within this many days (and everything overdue)').argParser(days).default(90))
    .addOption(todayOption())
    .option('--force', 'replace files in --out even if they were not written by kam')
    .addHelpText(
      'after',
      `
Writes index.html (the portfolio: matrix and every account, sortable and filterable), one
accounts/<id>.html per account (the plan document), agenda.html with agenda.ics and one
people/<slug>.ics per person, and findings.html. Links are relative and nothing is loaded from
outside the folder: open it from disk or publish it on any web server or Pages site (kam init
--pages). A rebuild rewrites only files whose bytes change. It is internal: never the customer's
version. See docs/site.md.

Examples:
  $ kam site                                  site/ of the current repo
  $ kam site --out public --since v2026-q3     with movement since a tag

Exit codes: 0 written, 2 a usage, template or I/O problem, or an existing file kam did not write
(kept; use --force).`,
    )
    .action(async (_opts, cmd: Command) => {
      const { runSite } = await import('../actions/site.js');
      setExit(await runSite(globalOptions(cmd), io));
    });
