import { Command, Option } from 'commander';
import { addRepoOption, formatOption, globalOptions, todayOption } from '../options.js';
import type { CommandFactory } from './types.js';

export const renderCommand: CommandFactory = (setExit, io) =>
  addRepoOption(new Command('render'))
    .description('render account plan documents (and a portfolio overview, the customer\'s version of a plan, a QBR) in Markdown, HTML or PDF for meetings')
    .argument('[accounts...]', 'accounts to render: ids, account or plan file paths, or account names')
    .option('-a, --all', 'render every account that has a plan')
    .option('--manager <name>', "with --all or names: only this manager's accounts")
    .option('--tier <name>', 'with --all or names: only the accounts of this tier')
    .option('-p, --portfolio', 'also render the portfolio overview (portfolio.md|html|pdf): tiers, manager load, findings, key account matrix, whitespace by offering')
    .addOption(formatOption(['md', 'html', 'pdf'], 'md', 'document format (md or markdown; pdf: the HTML printed by an installed Chromium, Chrome or Edge)'))
    .option('--out <dir>', 'write <id>.md|html|pdf (and portfolio.md|html|pdf) into this folder; without it one document goes to stdout')
    .addOption(new Option('-t, --template <name>', 'render accounts with templates/<name>.<format>.hbs instead of plan.<format>.hbs, written to <id>.<name>.<ext> (qbr: the quarterly business review)'))
    .addOption(new Option('--audience <who>', 'internal: the whole plan; customer: only what may leave the company, written to <id>.customer.<ext>').choices(['internal', 'customer']).default('internal'))
    .option('--since <rev>', 'with --template qbr: the quarter in review since this git revision (for --audience customer, the shared items only); with --portfolio: where each account was on the matrix there, an arrow to now, and the tier changes')
    .addOption(new Option('--paper <size>', 'with --format pdf: the paper size').choices(['a4', 'letter']).default('a4'))
    .option('--browser <path>', 'with --format pdf: the Chromium, Chrome or Edge to print with (default: KAM_BROWSER, else one found on PATH or where it usually installs)')
    .addOption(todayOption())
    .option('--force', 'replace files in --out even if they were not written by kam')
    .addHelpText(
      'after',
      `
An account without a plan renders its account details and score only. Templates:
a plan repo's templates/ folder overrides kam's built-in templates and partials
by file name (templates/plan.html.hbs, templates/partials/header.md.hbs, ...).

Examples:
  $ kam render banco-austral          Markdown plan document on stdout
  $ kam render banco-austral -f html > plan.html
  $ kam render --all --portfolio -f html --out docs
      every plan and the overview into docs/
  $ kam render --portfolio --today 2026-11-23
      the overview as of a given date
  $ kam render --portfolio --since v2026-q3 -f html > portfolio.html
      the matrix moves since a tag
  $ kam render banco-austral -f pdf --out out
      out/banco-austral.pdf (A4, page numbers)
  $ kam render banco-austral --audience customer -f pdf --out out
      out/banco-austral.customer.pdf
  $ kam render banco-austral --template qbr --since v2026-q3 -f html --out out
      out/banco-austral.qbr.html
  $ kam render banco-austral --audience customer --template qbr \\
      --since v2026-q3 --out out


The customer version holds only the account's name, our organization, the
period, the date, our team with their titles (else role labels), and the
objectives, actions and KPIs marked shared: true (docs/meetings.md).

Exit codes: 0 written, 1 some accounts skipped (their files have errors), 2
usage, template or I/O problem, no browser for --format pdf, or an existing file
that kam did not write (use --force).`,
    )
    .action(async (ids: string[], _opts, cmd: Command) => {
      const { runRender } = await import('../actions/render.js');
      setExit(await runRender(ids, globalOptions(cmd), io));
    });
