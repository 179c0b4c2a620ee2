import type { CiKind } from './ciKinds.js';
import { existsSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { KamError } from '../errors.js';
import { refuseWriteOut } from '../repoFs/writeGuard.js';
import { configSchema, type Config } from '../schema/config.js';
import { jsonSchemaFor, SCHEMA_FILES, SCHEMA_KINDS } from '../schema/jsonSchema.js';
import { writeGenerated, writeNew, type WriteOutcome } from '../util/safeWrite.js';
import { configText } from './configText.js';
import { EXAMPLE_ID, exampleAccount, examplePlan } from './example.js';
import { accountText, planText } from './formText.js';
import { fillTemplate, packageTemplate } from './templates.js';

export const DEFAULT_ORGANIZATION = 'My Company';

export interface InitFile {
  /** Relative to the repo root, with `/`. */
  path: string;
  content: string;
  /** Generated files (the JSON Schemas) may be rewritten; the others belong to the user. */
  generated: boolean;
}

/** The config `kam init` writes: the defaults, with the user's organization and currency. */
export function initConfig(organization: string, currency: string): Config {
  return configSchema.parse({ version: 1, organization, currency });
}

/**
 * Every file of a new plan repo. `config` is what kam.yaml holds: the new one, or the existing
 * kam.yaml's when it is kept, so the example and the schemas always match the repo's config.
 */
export function initFiles(config: Config, opts: { withChecklist?: boolean; today: string; version: string; ci?: CiKind; pages?: boolean }): InitFile[] {
  const organization = config.organization ?? DEFAULT_ORGANIZATION;
  const user = (path: string, content: string): InitFile => ({ path, content, generated: false });
  const ci = opts.ci ?? 'github';
  const pipeline = CI_FILES[ci];
  return [
    user('kam.yaml', configText(config, { withChecklist: opts.withChecklist })),
    user(`accounts/${EXAMPLE_ID}.yaml`, accountText(config, exampleAccount(config))),
    user(`plans/${EXAMPLE_ID}.yaml`, planText(config, examplePlan(config, opts.today))),
    ...SCHEMA_KINDS.map((kind) => ({
      path: `schema/${SCHEMA_FILES[kind]}`,
      content: `${JSON.stringify(jsonSchemaFor(kind, config), null, 2)}\n`,
      generated: true,
    })),
    ...(pipeline ? [user(pipeline.path, fillTemplate(pipelineText(ci, pipeline.template, opts.pages), { version: opts.version }))] : []),
    ...(opts.pages && ci === 'github' ? [user(GITHUB_PAGES_FILE, fillTemplate(packageTemplate('init/kam-pages.yml'), { version: opts.version }))] : []),
    user('README.md', fillTemplate(packageTemplate('init/README.md'), { organization, ciNote: CI_NOTES[ci] })),
    user('.gitignore', packageTemplate('init/gitignore')),
  ];
}

/** Which CI pipeline `kam init --ci` writes. */


/** `kam init --pages` on GitHub: a workflow of its own (it needs the Pages permissions the check job must not have). */
export const GITHUB_PAGES_FILE = '.github/workflows/kam-pages.yml';

/** The pipeline's text; with --pages on GitLab, the `pages` job is one more job of the same file. */
function pipelineText(ci: CiKind, template: string, pages: boolean | undefined): string {
  const text = packageTemplate(template);
  return pages && ci === 'gitlab' ? `${text}${packageTemplate('init/gitlab-pages.yml')}` : text;
}

/** The pipeline file of each CI and the template it comes from. */
export const CI_FILES: Record<CiKind, { path: string; template: string } | undefined> = {
  github: { path: '.github/workflows/kam.yml', template: 'init/kam.yml' },
  gitlab: { path: '.gitlab-ci.yml', template: 'init/gitlab-ci.yml' },
  none: undefined,
};

const CI_NOTES: Record<CiKind, string> = {
  github:
    '`kam check` runs on every push and pull request (`.github/workflows/kam.yml`); set `KAM_PACKAGE`\nin that file to where your organisation installs kam from.',
  gitlab:
    '`kam check` runs in every pipeline (`.gitlab-ci.yml`, its report shown by GitLab Code Quality); set\n`KAM_PACKAGE` in that file to where your organisation installs kam from.',
  none: 'Run `kam check` before you commit; `kam init --ci github` or `--ci gitlab` writes a CI pipeline.',
};

export interface InitWriteResult {
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Files that exist and were left alone (never overwritten without --force). */
  kept: string[];
}

/** Writes the files atomically, never replacing a user's file unless `force`. */
export function writeInitFiles(root: string, files: InitFile[], opts: { force?: boolean; dryRun?: boolean }): InitWriteResult {
  const result: InitWriteResult = { created: [], updated: [], unchanged: [], kept: [] };
  const lists: Record<WriteOutcome, string[]> = result;
  // All checked before anything is written: a folder that is a link out of the repo stops init.
  for (const file of files) refuseLinkOut(root, file.path);
  // A write that fails (full disk, read-only folder) must not leave a half-made repo: what this
  // run created (files, then the folders it made) is removed again before the error is reported.
  const madeDirs = opts.dryRun ? [] : missingFolders(root, files);
  try {
    for (const file of files) {
      const write = file.generated ? writeGenerated : writeNew;
      lists[write(join(root, file.path), file.content, opts)].push(file.path);
    }
  } catch (err) {
    for (const path of result.created) rmSync(join(root, path), { force: true });
    for (const dir of madeDirs) {
      try {
        rmdirSync(dir);
      } catch {
        // not empty (something else is in it) or already gone: leave it
      }
    }
    throw err;
  }
  return result;
}

/** Folders (the root included) that writing `files` would create, deepest first. */
function missingFolders(root: string, files: InitFile[]): string[] {
  const missing = new Set<string>();
  const note = (dir: string) => {
    for (let d = dir; !existsSync(d) && !missing.has(d); d = dirname(d)) {
      missing.add(d);
      if (dirname(d) === d) break;
    }
  };
  note(root);
  for (const file of files) note(dirname(join(root, file.path)));
  return [...missing].sort((a, b) => b.length - a.length);
}

/** Throws when writing `file` (repo-relative) would go through a symbolic link that leads out of `root`. */
export function refuseLinkOut(root: string, file: string): void {
  refuseWriteOut(root, dirname(join(root, file)), { folder: true });
}
