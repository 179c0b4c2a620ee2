import { Command, Option } from 'commander';
import { addRepoOption, formatOption, globalOptions, todayOption } from '../options.js';
import { exportContactsCommand } from './exportContacts.js';
import type { CommandFactory } from './types.js';

export const exportCommand: CommandFactory = (setExit, io) =>
  addRepoOption(new Command('export'))
    .description("write each account's tier, score, quadrant, checklist completeness and plan health for the CRM, keyed by its crm_id")
    .addOption(new Option('--to <crm>', "name the record id and name columns as this CRM's import expects").choices(['salesforce', 'hubspot', 'dynamics']))
    .addOption(formatOption(['csv', 'json'], 'csv'))
    .addOption(todayOption())
    .addHelpText(
      'after',
      `
One row per valid account, ranked like "kam score": crm_id (named "Account ID"
for Salesforce, "Record ID" for HubSpot, "(Do Not Modify) Account" for Dynamics
with --to), id, name, manager, score, tier, quadrant, checklist_completeness
(percent of what the tier's profile asks; empty without a plan), health and
health_band (docs/health.md; empty without a plan). Accounts without crm_id have
an empty first cell. CSV cells are safe to open in a spreadsheet: text that
starts with = + - @ gets a leading ' (plain negative numbers stay numbers). "kam
import" reads the file back (docs/crm.md: the monthly round trip).

Examples:
  $ kam export --to salesforce > kam-tiers.csv
  $ kam export --format json

Exit codes: 0 written, 2 kam.yaml missing or invalid, or a usage error.`,
    )
    // kam export contacts --to <crm>: stakeholders back to the CRM (commands/exportContacts.ts).
    .addCommand(exportContactsCommand(setExit, io))
    .action(async (_opts, cmd: Command) => {
      const { runExport } = await import('../actions/export.js');
      setExit(await runExport(globalOptions(cmd), io));
    });
