import { Command } from 'commander';
import { addRepoOption, formatOption, globalOptions } from '../options.js';
import type { CommandFactory } from './types.js';

export const codeownersCommand: CommandFactory = (setExit, io) =>
  addRepoOption(new Command('codeowners'))
    .description("who must approve each plan file: a CODEOWNERS block from managers' handles (people:) and tier approvers (approvals:)")
    .option('--write', 'update the block in .github/CODEOWNERS (between its marker lines; every other line is kept)')
    .option('--check', 'exit 1 when the block in .github/CODEOWNERS is missing or out of date (for CI)')
    .addOption(formatOption(['text', 'json'], 'text'))
    .addHelpText(
      'after',
      `
Each accounts/<id>.yaml and plans/<id>.yaml is owned by its manager's handle
(kam.yaml people:) plus the approvers of the account's tier (kam.yaml
approvals:); kam.yaml by the approvers of the highest tier. With branch
protection's "Require review from Code Owners", a change to a plan then needs
their approval to merge.

Examples:
  $ kam codeowners           print the block
  $ kam codeowners --write   put it into .github/CODEOWNERS
  $ kam codeowners --check   in CI: fail when a manager or tier changed and the
                             block did not

Exit codes: 0 done (or up to date), 1 --check found the block out of date, 2
usage or config problem.`,
    )
    .action(async (_opts, cmd: Command) => {
      const { runCodeowners } = await import('../actions/codeowners.js');
      setExit(await runCodeowners(globalOptions(cmd), io));
    });
