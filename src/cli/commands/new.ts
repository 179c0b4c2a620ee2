import { Command } from 'commander';
import { addRepoOption, formatOption, globalOptions } from '../options.js';
import type { CommandFactory } from './types.js';

export const newCommand: CommandFactory = (setExit, io) => {
  const account = addRepoOption(new Command('account'))
    .description('create accounts/<id>.yaml: every criterion of the scoring model listed for rating')
    .argument('<name>', 'the account (customer) name; the id is made from it unless --id is given')
    .option('--id <id>', 'the account id and file name: a lowercase slug such as "acme-corp"')
    .option('--manager <name>', 'the key account manager')
    .option('--force', 'replace the file if it exists; create the account even when another has its name')
    .addOption(formatOption(['text', 'json'], 'text'))
    .addHelpText(
      'after',
      `
Examples:
  $ kam new account "Crème Brûlée AG"   writes accounts/creme-brulee-ag.yaml
  $ kam new account "AT&T" --id att --manager "Dana Whitfield"`,
    )
    .action(async (name: string, _opts, cmd: Command) => {
      const { runNewAccount } = await import('../actions/new.js');
      setExit(await runNewAccount(name, globalOptions(cmd), io));
    });

  const plan = addRepoOption(new Command('plan'))
    .description('create plans/<id>.yaml for an account: team, stakeholders and every checklist question to answer')
    .argument('<account>', 'an existing account: its id, its file (accounts/<id>.yaml) or its name')
    .option('--update', 'add the checklist questions and sections an existing plan lacks, keeping every answer as written')
    .option('--force', 'replace the file if it exists (every answer is lost; --update keeps them)')
    .addOption(formatOption(['text', 'json'], 'text'))
    .addHelpText(
      'after',
      `
The plan file is the checklist form: each question of the repo's checklist is an
empty answer key, grouped by category, with the question as a comment above it.

After the checklist or a profile changed, --update adds the missing answer keys
(with their questions as comments) and sections to an existing plan; nothing you
wrote changes.

Examples:
  $ kam new plan creme-brulee-ag
  $ kam new plan "Crème Brûlée AG"
  $ kam new plan creme-brulee-ag --update`,
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
