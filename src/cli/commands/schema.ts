import { Argument, Command } from 'commander';
import { addRepoOption, globalOptions } from '../options.js';
import type { CommandFactory } from './types.js';

export const schemaCommand: CommandFactory = (setExit, io) =>
  addRepoOption(new Command('schema'))
    .description('print or write JSON Schemas for kam.yaml, account and plan files (for editor autocompletion)')
    .addArgument(new Argument('[kind]', 'which schema').choices(['config', 'account', 'plan']))
    .option('--out <dir>', 'write kam.schema.json, account.schema.json and plan.schema.json into this folder')
    .option('--force', 'replace schema files even if they were not written by kam')
    .addHelpText(
      'after',
      `
The schemas follow the repo's kam.yaml (its criteria, roles and checklist) when
run inside a plan repo, and the built-in defaults elsewhere.

Examples:
  $ kam schema plan                 print the plan schema
  $ kam schema --out schema         write all three into ./schema/
  # then start each YAML file with (for plans):
  # yaml-language-server: $schema=../schema/plan.schema.json`,
    )
    .action(async (kind: string | undefined, _opts, cmd: Command) => {
      const { runSchema } = await import('../actions/schema.js');
      setExit(await runSchema(kind as never, globalOptions(cmd), io));
    });
