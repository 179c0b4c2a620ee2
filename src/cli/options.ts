import { InvalidArgumentError, Option, type Command } from 'commander';

/** -C/--repo: every command that reads a plan repo takes it. */
export function addRepoOption(cmd: Command): Command {
  return cmd.option('-C, --repo <dir>', 'the plan repo folder (default: the nearest folder above with a kam.yaml)');
}

export function formatOption(choices: readonly string[], defaultValue: string | undefined, description = 'output format'): Option {
  const option = new Option('-f, --format <format>', description).choices(choices as string[]);
  return defaultValue ? option.default(defaultValue) : option;
}

/** --today: "today" for date rules, so CI runs and tests are reproducible. */
export function todayOption(): Option {
  return new Option('--today <date>', 'the date to check against, YYYY-MM-DD (default: the local date)').argParser((value) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
      throw new InvalidArgumentError(`write the date as YYYY-MM-DD, not "${value}"`);
    }
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
