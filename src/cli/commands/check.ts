import { Command, InvalidArgumentError, Option } from 'commander';
import { RULE_IDS, SEVERITIES, type RuleId, type SeveritySetting } from '../../schema/rules.js';
import { didYouMean } from '../../util/didYouMean.js';
import { addRepoOption, formatOption, globalOptions, maxFindingsOption, todayOption, wholeNumber } from '../options.js';
import type { CommandFactory } from './types.js';

/** Must equal the keys of findingsFormatters (a test holds them equal; commands stay light to load). */
const CHECK_FORMATS = ['stylish', 'json', 'github', 'gitlab', 'junit', 'sarif'] as const;

export const checkCommand: CommandFactory = (setExit, io) =>
  addRepoOption(new Command('check'))
    .description('review every plan like a sales leader would: unanswered questions, missing roles, overdue actions, stale plans... (schema problems included)')
    .argument('[paths...]', 'report only findings in these files or folders, or about these accounts (id or name); the rules still see the whole repo')
    .addOption(formatOption(CHECK_FORMATS, 'stylish', 'output format'))
    .addOption(new Option('--max-warnings <n>', 'exit 1 when there are more than n warnings (default: no limit)').argParser(wholeNumber(0)))
    .addOption(maxFindingsOption())
    .addOption(todayOption())
    .addOption(
      new Option('--rule <id=severity>', 'set a rule to error, warning or off for this run (repeatable; overrides kam.yaml rules:)')
        .argParser(parseRuleSetting),
    )
    .option('-o, --output <file>', 'write the report to this file instead of standard output')
    .option('--since <rev>', 'report only findings not found at this git revision (its own kam.yaml included): what a change adds')
    .option('-q, --quiet', 'list errors only (the summary still counts warnings)')
    .option('--verbose', 'stylish: list every finding on its own line (no grouped questions or roles, nothing held back)')
    .option('--manager <name>', "only the accounts this manager manages: a manager's own to-do list")
    .option('--tier <name>', 'only the accounts of this tier')
    .addHelpText(
      'after',
      `
Examples:
  $ kam check                          every finding, grouped by file
  $ kam check plans/northwind.yaml     only what concerns one plan
  $ kam check --format github          annotations on a GitHub pull request
  $ kam check --format github --since origin/main
      a pull request: only what it adds
  $ kam check --format sarif -o kam.sarif
      for GitHub code scanning
  $ kam check --format gitlab -o gl-code-quality-report.json
      GitLab Code Quality
  $ kam check --manager "Dana Whitfield" --quiet
      one manager's errors
  $ kam check --rule stale_plan=off --max-warnings 20 --today 2026-11-23

Exit codes: 0 no errors and warnings within --max-warnings, 1 otherwise (with
--since: new findings only), 2 usage error, or kam.yaml missing or invalid.`,
    )
    .action(async (paths: string[], _opts, cmd: Command) => {
      const { runCheck } = await import('../actions/check.js');
      setExit(await runCheck(paths, globalOptions(cmd), io));
    });

/** `--rule ID=severity`, accumulated over repeats into one settings object. */
function parseRuleSetting(value: string, previous: Partial<Record<RuleId, SeveritySetting>> | undefined): Partial<Record<RuleId, SeveritySetting>> {
  const match = /^([^=]+)=(.*)$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError(`write it as --rule <id>=<${SEVERITIES.join('|')}>, e.g. --rule stale_plan=off`);
  const [, id, severity] = match as unknown as [string, string, string];
  if (!(RULE_IDS as readonly string[]).includes(id)) throw new InvalidArgumentError(`unknown rule "${id}"${didYouMean(id, RULE_IDS) || `; rules are ${RULE_IDS.join(', ')}`}`);
  if (!(SEVERITIES as readonly string[]).includes(severity))
    throw new InvalidArgumentError(`"${severity}" is not a severity for ${id}; use ${SEVERITIES.join(', ')}`);
  return { ...previous, [id]: severity as SeveritySetting };
}
