import { Command, Option } from 'commander';
import { addRepoOption, formatOption, globalOptions, todayOption } from '../options.js';
import type { CommandFactory } from './types.js';

export const renderCommand: CommandFactory = (setExit, io) =>
  addRepoOption(new Command('render'))
    .description('render account plan documents (and a portfolio overview) in Markdown or HTML for meetings')
    .argument('[accounts...]', 'accounts to render: ids, account or plan file paths, or account names')
    .option('-a, --all', 'render every account that has a plan')
    .option('-p, --portfolio', 'also render the portfolio overview (portfolio.md|html): tiers, manager load, findings, key account matrix')
    .addOption(formatOption(['md', 'html'], 'md', 'document format'))
    .option('--out <dir>', 'write <id>.md|html (and portfolio.md|html) into this folder; without it one document goes to stdout')
    .addOption(new Option('-t, --template <name>', 'render accounts with templates/<name>.<format>.hbs instead of plan.<format>.hbs'))
    .addOption(todayOption())
    .option('--force', 'replace files in --out even if they were not written by kam')
    .addHelpText(
      'after',
      `
An account without a plan renders its account details and score only. Templates: a plan repo's
templates/ folder overrides kam's built-in templates and partials by file name
(templates/plan.html.hbs, templates/partials/header.md.hbs, ...).

Examples:
  $ kam render banco-austral                      Markdown plan document on stdout
  $ kam render banco-austral -f html > plan.html
  $ kam render --all --portfolio -f html -o docs   every plan and the overview into docs/
  $ kam render --portfolio --today 2026-11-23     the overview as of a given date

Exit codes: 0 written, 1 some accounts skipped (their files have errors), 2 usage, template or I/O
problem, or an existing file that kam did not write (use --force).`,
    )
    .action(async (ids: string[], _opts, cmd: Command) => {
      const { runRender } = await import('../actions/render.js');
      setExit(await runRender(ids, globalOptions(cmd), io));
    });
