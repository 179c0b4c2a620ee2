import { Command, InvalidArgumentError, Option } from 'commander';
import { addRepoOption, formatOption, globalOptions, todayOption } from '../options.js';
import type { CommandFactory } from './types.js';

const days = (value: string) => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`give a whole number of days, 0 or more, not "${value}"`);
  return Number(value);
};

export const agendaCommand: CommandFactory = (setExit, io) =>
  addRepoOption(new Command('agenda'))
    .description('what falls due: open actions, plan reviews, stakeholder contacts and health measures, overdue included')
    .addOption(formatOption(['table', 'json', 'markdown', 'ics'], 'table'))
    .addOption(new Option('--within <days>', 'list what falls due within this many days of today').argParser(days).default(14))
    .option('--owner <name>', 'list only what this person owes (any case)')
    .option('--manager <name>', 'list only the accounts this manager owns (any case)')
    .addOption(todayOption())
    .addHelpText(
      'after',
      `
Due dates: an open action's due; a plan's review date (last_reviewed, else its
last commit) plus the cadence; a high-influence stakeholder's last_contact plus
the profile's contact_days (no last_contact: today); a health measure's as_of
plus its max_age_days. See docs/health.md.

Examples:
  $ kam agenda                             the next 14 days, grouped by owner
  $ kam agenda --owner "Omar Haddad" --within 7
  $ kam agenda --manager "Dana Whitfield" --format markdown > digest.md
  $ kam agenda --owner "Omar Haddad" --format ics > omar.ics
      a calendar to subscribe to

Exit codes: 0 listed (also with overdue items), 2 kam.yaml missing or invalid,
an unknown owner or manager, or a usage error.`,
    )
    .action(async (_opts, cmd: Command) => {
      const { runAgenda } = await import('../actions/agenda.js');
      setExit(await runAgenda(globalOptions(cmd), io));
    });
