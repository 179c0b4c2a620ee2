import { Command } from 'commander';
import { addRepoOption, formatOption, globalOptions } from '../options.js';
import type { CommandFactory } from './types.js';

export const newCommand: CommandFactory = (setExit, io) => {
  const account = addRepoOption(new Command('account'))
    .description('create accounts/<id>.yaml: every criterion of the scoring model listed for rating')
    .argument('<name>', 'the account (customer) name; the id is made from it unless --id is given')
    .option('--id <id>', 'the account id and file name: a lowercase slug such as "acme-corp"')
    .option('--manager <name>', 'the key account manager')
    .option('--force', 'replace the file if it exists')
    .addOption(formatOption(['text', 'json'], 'text'))
    .addHelpText(
      'after',
      `
Examples:
  $ kam new account "Crème Brûlée AG"                writes accounts/creme-brulee-ag.yaml
  $ kam new account "AT&T" --id att --manager "Dana Whitfield"`,
    )
    .action(async (name: string, _opts, cmd: Command) => {
      const { runNewAccount } = await import('../actions/new.js');
      setExit(await runNewAccount(name, globalOptions(cmd), io));
    });

  const plan = addRepoOption(new Command('plan'))
    .description('create plans/<id>.yaml for an account: team, stakeholders and every checklist question to answer')
    .argument('<id>', 'the id of an existing account (its file name in accounts/)')
    .option('--force', 'replace the file if it exists')
    .addOption(formatOption(['text', 'json'], 'text'))
    .addHelpText(
      'after',
      `
The plan file is the checklist form: each question of the repo's checklist is an empty answer
key, grouped by category, with the question as a comment above it.

Examples:
  $ kam new plan creme-brulee-ag`,
    )
    .action(async (id: string, _opts, cmd: Command) => {
      const { runNewPlan } = await import('../actions/new.js');
      setExit(await runNewPlan(id, globalOptions(cmd), io));
    });

  return new Command('new')
    .description('create a new account or plan file from the repo\'s scoring model and checklist')
    .addCommand(account)
    .addCommand(plan)
    .addHelpText(
      'after',
      `
Examples:
  $ kam new account "Northwind Traders" --manager "Dana Whitfield"
  $ kam new plan northwind-traders`,
    );
};
