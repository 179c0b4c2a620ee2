import { Command, Option } from 'commander';
import { formatOption, globalOptions } from '../options.js';
import type { CommandFactory } from './types.js';

export const exportContactsCommand: CommandFactory = (setExit, io) =>
  new Command('contacts')
    .description("write every stakeholder with a crm_id as the CRM's contact import expects: record id, title and buying role")
    .addOption(new Option('--to <crm>', 'the CRM whose contact import reads the file (required)').choices(['salesforce', 'hubspot', 'dynamics']))
    .addOption(formatOption(['csv', 'json'], undefined, 'csv (default) or json'))
    .addHelpText(
      'after',
      `
Columns: Salesforce Id, Title (Data Loader update of Contact; Contact has no
buying role); HubSpot Record ID, Job Title, Buying Role; Dynamics contactid,
jobtitle, accountrolecode (Role). A role the CRM has no value for leaves its
cell empty. Names are not written: the CRM owns them.

Examples:
  $ kam export contacts --to hubspot > contacts-back.csv

Exit codes: 0 written, 2 no --to, kam.yaml missing or invalid, or a usage error.`,
    )
    .action(async (_opts, cmd: Command) => {
      const { runExportContacts } = await import('../actions/exportContacts.js');
      setExit(await runExportContacts(globalOptions(cmd), io));
    });
