import { Argument, Command, Option } from 'commander';
import { formatOption, globalOptions } from '../options.js';
import type { CommandFactory } from './types.js';

export const importContactsCommand: CommandFactory = (setExit, io) =>
  new Command('contacts')
    .description("fill plans' stakeholders from a CRM contact export (CSV): names, titles, crm_id and reporting lines")
    .addArgument(new Argument('<file>', 'the CSV file: a header row, then one contact per row'))
    .addOption(new Option('--from <crm>', "the CRM whose contact export this is: its columns map themselves (detected from the header when left out)").choices(['salesforce', 'hubspot', 'dynamics']))
    .option('--map <column=field>', 'map a CSV column to a contact field: crm_id, account, first_name, last_name, name, title, email, manager or ignore; repeatable', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .addOption(new Option('--delimiter <char>', 'the field separator (default: "," or ";", detected); "tab" for tabs'))
    .option('--dry-run', 'report what would change; write nothing')
    .addOption(formatOption(['table', 'json'], undefined, 'table (default) or json'))
    .addHelpText(
      'after',
      `
A contact belongs to the plan of the account whose crm_id is its account id. It
updates the stakeholder with the same crm_id, else the one whose name is the
same person (case and spacing aside), else is added with id, name, title and
crm_id; its manager link becomes reports_to. role, influence, stance, owner and
everything else in the plan stay as they are, comments too. Contacts of no
account, or of an account without a plan, are listed and skipped. Any bad row
(duplicate id, empty name, a manager in another account or unknown, a reporting
cycle, a name that matches two stakeholders) is listed with its line, and then
nothing is written.

Examples:
  $ kam import contacts contacts.csv --from salesforce --dry-run
  $ kam import contacts hubspot-contacts.csv --map "Reports To=manager"

Exit codes: 0 imported (or nothing to do), 1 some rows rejected (nothing
written), 2 a usage problem (no such file, bad --map, no id, account or name
column).`,
    )
    .action(async (file: string, _opts, cmd: Command) => {
      const { runImportContacts } = await import('../actions/importContacts.js');
      setExit(await runImportContacts(file, globalOptions(cmd), io));
    });
