import { Argument, Command, Option } from 'commander';
import { CI_KINDS } from '../../init/ciKinds.js';
import { formatOption, globalOptions } from '../options.js';
import type { CommandFactory } from './types.js';

export const initCommand: CommandFactory = (setExit, io) =>
  new Command('init')
    .description('create a plan repo: a commented kam.yaml, a worked example account and plan, a CI workflow')
    .addArgument(new Argument('[dir]', 'the folder to create it in (default: the current folder)'))
    .option('--organization <name>', 'your organization (the supplier), written to kam.yaml')
    .option('--currency <code>', 'three-letter ISO 4217 currency code of revenue figures (default: USD)')
    .option('-y, --yes', 'ask nothing: take the defaults for what the options do not give')
    .option('--with-checklist', 'write the built-in planning checklist into kam.yaml so you can edit it')
    .option('--no-git', 'do not run git init')
    .addOption(new Option('--ci <kind>', 'the CI pipeline to write: github (.github/workflows/kam.yml), gitlab (.gitlab-ci.yml) or none').choices([...CI_KINDS]).default('github'))
    .option('--pages', 'also publish the portfolio site (kam site) from the default branch: GitHub Pages (.github/workflows/kam-pages.yml) or, with --ci gitlab, a pages job; Pages of a public repo are public (docs/site.md)')
    .option('--dry-run', 'list the files that would be written; write nothing')
    .option('--force', 'replace existing files (otherwise they are kept)')
    .addOption(formatOption(['text', 'json'], 'text'))
    .addHelpText(
      'after',
      `
Writes kam.yaml (every default written out and commented), accounts/ and plans/
with a worked example, schema/ (JSON Schemas for editor autocompletion), a CI
pipeline (--ci: GitHub Actions .github/workflows/kam.yml by default, or GitLab
.gitlab-ci.yml), README.md and .gitignore, then runs git init unless the folder
is already in a git repo. Existing files are never replaced without --force:
they are listed and kept, and kam exits 2. On a terminal, kam asks for the
organization and currency unless --yes is given (never in CI or when stdin is
not a terminal).

Examples:
  $ kam init my-plans
  $ kam init --organization "Contoso Analytics" --currency EUR --yes
  $ kam init --dry-run                 see what would be written
  $ kam init --ci gitlab               a GitLab pipeline with a Code Quality report
  $ kam init --pages                   and a workflow that publishes kam site with GitHub Pages

Exit codes: 0 written, 2 some files already existed (kept) or a usage problem.`,
    )
    .action(async (dir: string | undefined, _opts, cmd: Command) => {
      const { runInit } = await import('../actions/init.js');
      setExit(await runInit(dir, globalOptions(cmd), io));
    });
