import { Argument, Command, Option } from 'commander';
import { addRepoOption, formatOption, globalOptions, todayOption } from '../options.js';
import { importContactsCommand } from './importContacts.js';
import type { CommandFactory } from './types.js';

export const importCommand: CommandFactory = (setExit, io) =>
  addRepoOption(new Command('import'))
    .description('create accounts/<id>.yaml files from a CRM export (CSV), or update their mapped fields')
    .addArgument(new Argument('<file>', 'the CSV file: a header row, then one account per row'))
    .addOption(new Option('--from <crm>', 'the CRM whose standard export this is: its columns map themselves (detected from the header when left out)').choices(['salesforce', 'hubspot', 'dynamics']))
    .option('--map <column=field>', 'map a CSV column to one or more account fields, e.g. "Account Name=name"; repeatable', collect)
    .option('--bands <criterion=thresholds>', 'turn a number into a rating through ascending thresholds, e.g. current_revenue=100000,250000,500000,1000000; repeatable', collect)
    .addOption(new Option('--delimiter <char>', 'the field separator (default: "," or ";", detected from the header line); "tab" for tabs'))
    .option('--decimal-comma', 'numbers write decimals with "," and group thousands with "." (12.500.000,00); default: decimal point')
    .option('--update', 'also change the mapped fields of accounts that already exist (everything else in their files stays byte for byte)')
    .option('--dry-run', 'report what would happen; write nothing')
    .addOption(importDateOption())
    .addOption(formatOption(['table', 'json'], 'table'))
    .addHelpText(
      'after',
      `
Fields: id, crm_id, name, industry, region, manager, revenue.current,
revenue.potential, notes, ratings.<criterion>, or ignore. A column named like a
field (Name, Industry...) maps itself. Mappings and bands can also live in
kam.yaml under "import:" (the options override them). Presets (--from) map a
CRM's export columns, record id included (docs/crm.md lists them); --map
overrides any of them. Rows match existing accounts by crm_id first, then by id
or name, so a rename in the CRM updates the same file. Rows are reported by the
CSV line they start on. An existing account is skipped unless --update.

Examples:
  $ kam import crm.csv --map "Account Name=name" --map "Owner=manager" --dry-run
  $ kam import crm.csv \\
      --map "Annual Revenue=revenue.current,ratings.current_revenue" \\
      --bands current_revenue=100000,250000,500000,1000000
  $ kam import accounts.csv --from salesforce --update --dry-run
  $ kam import crm.csv --update -f json

Exit codes: 0 every row imported, updated, unchanged or skipped; 1 some rows
rejected; 2 a usage problem (no such file, bad --map or --bands, unknown column
or field).`,
    )
    // kam import contacts <file>: stakeholders from the CRM's contacts (commands/importContacts.ts).
    .addCommand(importContactsCommand(setExit, io))
    .action(async (file: string, _opts, cmd: Command) => {
      const { runImport } = await import('../actions/import.js');
      setExit(await runImport(file, globalOptions(cmd), io));
    });

/** Repeatable options: each use adds one value (so the file name can come anywhere). */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** --today, worded for import: the date new files' "Imported ... on" comment carries. */
function importDateOption(): Option {
  const option = todayOption();
  option.description = 'the date written in the "Imported from" comment of new files, YYYY-MM-DD (default: the local date)';
  return option;
}
