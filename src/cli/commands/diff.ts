import { Command } from 'commander';
import { addRepoOption, formatOption, globalOptions, todayOption } from '../options.js';
import type { CommandFactory } from './types.js';

export const diffCommand: CommandFactory = (setExit, io) =>
  addRepoOption(new Command('diff'))
    .description('what a change does to the portfolio: scores, tiers, quadrants, checklist completeness and findings per account between two git revisions')
    .argument('[base]', 'the revision to compare from', 'HEAD')
    .argument('[head]', 'the revision to compare to (default: the working tree, uncommitted changes included)')
    .addOption(formatOption(['table', 'json', 'markdown'], 'table'))
    .addOption(todayOption())
    .addHelpText(
      'after',
      `
Both sides are read straight from git objects: nothing is checked out, the
working tree and the index are left untouched. Accounts that did not change are
left out.

Examples:
  $ kam diff                               uncommitted changes (HEAD → tree)
  $ kam diff main                          this branch against main
  $ kam diff origin/main HEAD -f markdown  a pull-request comment
  $ kam diff HEAD~5 HEAD -f json

Exit codes: 0 the comparison was printed, 2 not a git repo, an unknown revision,
a shallow clone without the base revision, or an invalid kam.yaml.`,
    )
    .action(async (base: string, head: string | undefined, _opts, cmd: Command) => {
      const { runDiff } = await import('../actions/diff.js');
      setExit(await runDiff(base, head, globalOptions(cmd), io));
    });
