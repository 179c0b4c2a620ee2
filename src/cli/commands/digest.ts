import { Command, InvalidArgumentError, Option } from 'commander';
import { addRepoOption, formatOption, globalOptions, todayOption } from '../options.js';
import type { CommandFactory } from './types.js';

const whole = (what: string, max: number) => (value: string) => {
  if (!/^\d+$/.test(value) || Number(value) > max) throw new InvalidArgumentError(`give a whole number of ${what} from 0 to ${max}, not "${value}"`);
  return Number(value);
};

export const digestCommand: CommandFactory = (setExit, io) =>
  addRepoOption(new Command('digest'))
    .description("one person's week: what falls due, new findings on their accounts, health band changes; for chat (Slack, Teams) or e-mail")
    .option('--person <name>', 'whose digest: a manager, or an owner of actions or relationships (any case or spacing)')
    .option('--all', 'one digest for everyone who has something due')
    .option('--since <rev>', 'new findings and band changes since this git revision (without it: every current finding)')
    .addOption(new Option('--within <days>', 'what falls due within this many days of today').argParser(whole('days', 3650)).default(7))
    .addOption(formatOption(['text', 'markdown', 'json', 'slack', 'teams'], 'text', 'output format (md is markdown)'))
    .option('--post [url]', 'send it (HTTP POST) to this webhook, or to KAM_WEBHOOK_URL when the URL is left out; with -f slack or teams')
    .addOption(new Option('--timeout <seconds>', 'with --post: give up after this many seconds').argParser(whole('seconds', 600)).default(10))
    .option('--out <dir>', 'with --all: write <person>.<ext> into this folder')
    .option('--force', 'with --out: replace files kam did not write')
    .addOption(todayOption())
    .addHelpText(
      'after',
      `
A digest lists what falls due for the person (as kam agenda --owner), the
findings on the accounts they manage or own items in (new since --since; every
current one without it), and health band changes since --since. Webhook URLs are
secrets: keep them in your CI's secret store and pass them as KAM_WEBHOOK_URL;
kam never prints them. See docs/health.md.

Examples:
  $ kam digest --person "Dana Whitfield"
  $ kam digest --person "Dana Whitfield" --since main@{7.days.ago} -f markdown
  $ kam digest --person "Dana Whitfield" -f slack --post
      posts to KAM_WEBHOOK_URL
  $ kam digest --all -f teams --post

Exit codes: 0 printed, written or posted; 2 an unknown person, a usage error, or
a webhook that refused the message (the HTTP status is named) or did not answer.`,
    )
    .action(async (_opts, cmd: Command) => {
      const { runDigest } = await import('../actions/digest.js');
      setExit(await runDigest(globalOptions(cmd), io));
    });
