import { Command, Option } from 'commander';
import { addRepoOption, formatOption, globalOptions, todayOption } from '../options.js';
import type { CommandFactory } from './types.js';

export const signoffCommand: CommandFactory = (setExit, io) => {
  // The same calendar check as --today, under the name the spec gives it.
  const dateOption = new Option('--date <date>', 'the day they agreed, YYYY-MM-DD (default: the local date)').argParser(todayOption().parseArg!);
  return addRepoOption(new Command('signoff'))
    .description("record that the customer agreed to the plan's shared objectives, actions and KPIs (spec 1.2, section 9)")
    .argument('<account>', 'the account: its id, its file path or its name')
    .requiredOption('--by <name>', 'who agreed, on the customer\'s side, e.g. "Dr. Claudia Brenner"')
    .addOption(dateOption)
    .addOption(formatOption(['text', 'json'], 'text'))
    .addHelpText(
      'after',
      `
Appends { by, date, digest } to the plan's signoffs: list, keeping every comment
and line of the file. The digest is the plan's shared digest: a SHA-256 of the
shared objectives' titles, the shared actions' title, side, owner and due, and
the shared KPIs' name and target. Status and actual values are not part of it,
so progress does not undo an agreement; any other change to a shared item does,
and "kam check" then reports signoff_outdated.

Examples:
  $ kam signoff vantor-pharma --by "Dr. Claudia Brenner"
  $ kam signoff vantor-pharma --by "Dr. Claudia Brenner" --date 2026-11-20
  $ kam signoffs       every plan's sign-offs and whether they still hold

Exit codes: 0 recorded (or already recorded), 2 no such account, no valid plan,
or the file cannot be edited in place.`,
    )
    .action(async (account: string, _opts, cmd: Command) => {
      const { runSignoff } = await import('../actions/signoff.js');
      setExit(await runSignoff(account, globalOptions(cmd), io));
    });
};

export const signoffsCommand: CommandFactory = (setExit, io) =>
  addRepoOption(new Command('signoffs'))
    .description('list the customer sign-offs of each plan and whether the latest still matches the shared plan')
    .argument('[accounts...]', 'only these accounts (ids, file paths or names)')
    .addOption(formatOption(['table', 'json', 'markdown'], 'table'))
    .addHelpText(
      'after',
      `
For each plan: agreed (the latest sign-off is of the shared plan as it is now),
changed (shared items changed since) or not yet agreed, then every sign-off with
its date and digest.

Examples:
  $ kam signoffs
  $ kam signoffs vantor-pharma --format json

Exit codes: 0 listed, 2 kam.yaml missing or invalid, or an unknown account.`,
    )
    .action(async (accounts: string[], _opts, cmd: Command) => {
      const { runSignoffs } = await import('../actions/signoff.js');
      setExit(await runSignoffs(accounts, globalOptions(cmd), io));
    });
