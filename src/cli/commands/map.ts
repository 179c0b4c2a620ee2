import { Command } from 'commander';
import { addRepoOption, formatOption, globalOptions, todayOption } from '../options.js';
import type { CommandFactory } from './types.js';

export const MAP_FORMATS = ['text', 'svg', 'mermaid', 'json'] as const;

export const mapCommand: CommandFactory = (setExit, io) =>
  addRepoOption(new Command('map'))
    .description("print an account's power map: its stakeholders by reporting line, with stance and who of ours holds them")
    .argument('<account>', 'the account: its id, its account or plan file path, or its name')
    .addOption(formatOption(MAP_FORMATS, 'text', 'text (an indented tree), svg (an org chart), mermaid (a flowchart for Markdown) or json'))
    .addOption(todayOption())
    .addHelpText(
      'after',
      `
The tree comes from each stakeholder's reports_to (the id of another stakeholder
of the plan); people without a manager are at the top. Someone whose left: date
is today or earlier is gone: drawn struck through with the date, and out of the
coverage map and the thread count (threads: the people of ours who own or
contact a stakeholder who is still there). JSON also holds the coverage map
(team members x stakeholders: owner, contact or none).

Examples:
  $ kam map banco-austral
  $ kam map banco-austral -f svg > power-map.svg
  $ kam map banco-austral -f mermaid    paste into a \`\`\`mermaid block on GitHub

Exit codes: 0 printed, 2 unknown account, no or invalid plan, usage or I/O problem.`,
    )
    .action(async (id: string, _opts, cmd: Command) => {
      const { runMap } = await import('../actions/map.js');
      setExit(await runMap(id, globalOptions(cmd), io));
    });
