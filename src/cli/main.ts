import { Command, CommanderError } from 'commander';
import { KamError } from '../errors.js';
import { fsProblem } from '../util/fsError.js';
import { commandFactories } from './commands/index.js';
import { crashForTest, EXIT_INTERNAL, internalErrorText } from './crash.js';
import { processIo, type Io } from './io.js';
import { VERSION } from '../version.js';
import { escapeControl } from '../util/terminal.js';
import { helpWidth, wrapHelp } from './helpWrap.js';

/** Exit codes: 0 clean, 1 error findings, 2 usage/config/IO, 70 internal error. */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: EXIT_INTERNAL } as const;

export { installProcessHandlers } from './crash.js';

/** Runs kam with `argv` (without node and script) and returns the exit code. Never throws. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('kam')
    .description('Key account management plans as code: validate, score, check and render account plans kept as YAML.')
    .version(VERSION, '-V, --version', 'print the kam version')
    .option('--color', 'force coloured output')
    .option('--no-color', 'never colour output (also: NO_COLOR=1)')
    .option('--no-cache', 'do not read or write the cache of parsed files (.kam/cache or node_modules/.cache/kam)')
    .exitOverride()
    .configureOutput({
      // Help fits a terminal of 80 columns (or a narrower one): see helpWrap.ts. Error messages
      // (stderr) are left whole, so a message stays on one line for those who search it.
      writeOut: (s) => io.stdout.write(wrapHelp(s, helpWidth(io.stdout))),
      writeErr: (s) => io.stderr.write(s),
      getOutHelpWidth: () => helpWidth(io.stdout),
      getErrHelpWidth: () => helpWidth(io.stderr),
      // Error messages are one line each, never rewrapped: people grep them and CI logs keep them whole.
      outputError: (s) => io.stderr.write(s.startsWith('error:') ? `kam: ${s}` : s),
    })
    .showHelpAfterError('(run "kam --help" for the commands, "kam <command> --help" for one of them)')
    .showSuggestionAfterError()
    .addHelpText(
      'after',
      `
Examples:
  $ kam init my-plans            create a plan repo with a worked example
  $ kam score                    rank accounts and tier them
  $ kam check --format github    review every plan in CI
  $ kam render northwind         an account plan document for a meeting

Exit codes: 0 clean, 1 error findings, 2 usage, configuration or I/O problem.`,
    );

  for (const factory of commandFactories) {
    const cmd = factory((code) => {
      exitCode = code;
    }, io);
    program.addCommand(inheritSettings(cmd, program));
  }

  try {
    if (io.env.KAM_TEST_CRASH) crashForTest(io.env.KAM_TEST_CRASH);
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    return handleError(err, io);
  }
}

/** Commander's addCommand copies no settings: copy them down, subcommands (kam new account) included. */
function inheritSettings(cmd: Command, parent: Command, path = `kam ${cmd.name()}`): Command {
  cmd.copyInheritedSettings(parent);
  // A usage error names the real command: "kam check --help", "kam new plan --help".
  cmd.showHelpAfterError(`(run "${path} --help" for usage and examples)`);
  for (const sub of cmd.commands) inheritSettings(sub, cmd, `${path} ${sub.name()}`);
  return cmd;
}

function handleError(err: unknown, io: Io): number {
  if (err instanceof CommanderError) {
    // Help and version "errors" are successful exits; the rest are usage errors.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.ok;
    // Help shown because a subcommand is missing ("kam new") is a usage error; asked-for help is not.
    if (err.code === 'commander.help') return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (err.code === 'commander.executeSubCommandAsync') return EXIT.ok;
    return EXIT.usage;
  }
  if (err instanceof KamError) {
    io.stderr.write(`kam: ${escapeControl(err.message)}\n`);
    return err.exitCode;
  }
  // A full disk, a read-only folder, a file where a folder should be: the user's to fix, exit 2.
  const problem = fsProblem(err, io.cwd);
  if (problem) {
    io.stderr.write(`kam: ${escapeControl(problem)}\n`);
    return EXIT.usage;
  }
  io.stderr.write(internalErrorText(err, io.env));
  return EXIT.internal;
}
