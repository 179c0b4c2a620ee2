import { InvalidArgumentError, Option, type Command } from 'commander';
import { daysInMonth, isRealDate } from '../util/dates.js';

/** -C/--repo: every command that reads a plan repo takes it. */
export function addRepoOption(cmd: Command): Command {
  return cmd.option('-C, --repo <dir>', 'the plan repo folder (default: the nearest folder above with a kam.yaml)');
}

/** Names of one format that every command accepts alike: `md` and `markdown` are the same. */
const FORMAT_ALIASES: Record<string, string> = { md: 'markdown', markdown: 'md' };

/**
 * -f/--format with its choices, as every command declares it. The one normaliser of format names:
 * where `markdown` is a choice `md` is accepted too (and the other way round), and the action
 * receives the name in `choices`. Help lists `choices` only.
 */
export function formatOption(choices: readonly string[], defaultValue: string | undefined, description = 'output format'): Option {
  const option = new Option('-f, --format <format>', description).choices(choices as string[]);
  option.argParser((arg: string) => {
    if (choices.includes(arg)) return arg;
    const alias = FORMAT_ALIASES[arg];
    if (alias !== undefined && choices.includes(alias)) return alias;
    throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
  });
  return defaultValue ? option.default(defaultValue) : option;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** --today: "today" for date rules, so CI runs and tests are reproducible. */
export function todayOption(): Option {
  return new Option('--today <date>', 'the date to check against, YYYY-MM-DD (default: the local date)').argParser((value) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError(`write the date as YYYY-MM-DD, not "${value}"`);
    // The day must exist in its month (Date.parse rolls 2026-02-30 over to March 2), its year be 0001-9999.
    const [y, m] = value.split('-').map(Number) as [number, number, number];
    if (!isRealDate(value))
      throw new InvalidArgumentError(`"${value}" is not a day of the calendar${y < 1 ? ' (years run from 0001 to 9999)' : m >= 1 && m <= 12 ? ` (${MONTH_NAMES[m - 1]} ${y} has ${daysInMonth(y, m)} days)` : ' (months are 01-12)'}`);
    return value;
  });
}

/** The options every action receives, including the program's own. */
export interface GlobalOptions {
  repo?: string;
  color?: boolean;
  /** false with --no-cache. */
  cache?: boolean;
}

export function globalOptions<T>(cmd: Command): T & GlobalOptions {
  return cmd.optsWithGlobals() as T & GlobalOptions;
}

/** What the terminal formats list by default: enough to work through, few enough to scroll. */
export const DEFAULT_MAX_FINDINGS = 200;

/**
 * --max-findings N|all: list at most N findings. Without it, the stylish format (read in a
 * terminal) lists DEFAULT_MAX_FINDINGS and machine formats (json, github, junit, sarif) list all.
 * The summary and the exit code always count every finding. kam validate and kam check share it.
 */
export function maxFindingsOption(): Option {
  return new Option('--max-findings <n>', `list at most n findings, or "all" (default: ${DEFAULT_MAX_FINDINGS} in stylish output, all in other formats; the summary counts all)`).argParser(
    wholeNumber(0, { all: true }),
  );
}

/**
 * The one parser of whole-number options (--max-findings, --max-warnings, --top): digits only,
 * at least `min`; with `all`, the word "all" is Infinity. Commander names the option in its error.
 */
export function wholeNumber(min: number, opts: { all?: boolean } = {}): (value: string) => number {
  return (value) => {
    if (opts.all && value === 'all') return Infinity;
    if (!/^\d+$/.test(value) || Number(value) < min) throw new InvalidArgumentError(`write a whole number of ${min} or more${opts.all ? ', or "all"' : ''}, not "${value}"`);
    return Number(value);
  };
}
