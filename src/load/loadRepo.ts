import { realpath } from 'node:fs/promises';
import { REPO_FILE_RE } from '../repoFs/repoFiles.js';
import { join } from 'node:path';
import { accountSchema, type Account } from '../schema/account.js';
import { configSchema, type Config } from '../schema/config.js';
import { SLUG_RE } from '../schema/common.js';
import { planSchema, type Plan } from '../schema/plan.js';
import { compareFindings, type Finding } from '../findings/finding.js';
import { CONFIG_FILE } from '../repoFs/findRoot.js';
import { buildId } from '../version.js';
import { loadText, unreadable, type LoadedFile } from './loadText.js';
import { loadFiles, type LoadOptions } from './loadFiles.js';
import { jitlessFor } from './schemaIssues.js';
import { makeFinding, whereIn } from '../findings/makeFinding.js';
import { insideRepo, readText } from '../repoFs/readText.js';
import { slugify } from '../util/slug.js';
import { pushAll } from '../util/lists.js';

export type LoadedAccount = LoadedFile<Account>;
export type LoadedPlan = LoadedFile<Plan>;
export type LoadedConfig = LoadedFile<Config>;

/** A plan repo as loaded from disk: every file, valid or not, with the findings loading produced. */
export interface Repo {
  root: string;
  config: Config;
  configFile: LoadedConfig;
  /** Sorted by id. Invalid files are kept (without `value`) so other rules know they exist. */
  accounts: LoadedAccount[];
  plans: LoadedPlan[];
  /** Findings of loading: YAML, schema, ids. Sorted. */
  findings: Finding[];
}

export type { LoadOptions } from './loadFiles.js';
export type LoadResult = { ok: true; repo: Repo } | { ok: false; root: string; findings: Finding[] };

/** Loads kam.yaml; an invalid one stops everything else (exit 2), so it comes back as findings. */
export async function loadConfig(root: string): Promise<{ ok: true; config: LoadedConfig; text: string } | { ok: false; findings: Finding[] }> {
  const read = await readConfig(root);
  if ('finding' in read) return { ok: false, findings: [read.finding] };
  // One file: no compiled fast path (see validateWithSchema).
  const loaded = loadText(configSchema, 'kam', CONFIG_FILE, read.text, null, { jitless: true });
  if (!loaded.value) return { ok: false, findings: loaded.findings };
  return { ok: true, config: loaded as LoadedConfig & { value: Config }, text: read.text };
}

/**
 * Loads the repo at `root`: kam.yaml, then every account and plan file (cached, and parsed on
 * worker threads when there are many: see loadFiles), then the cross-file id checks.
 */
export async function loadRepo(root: string, options: LoadOptions = {}): Promise<LoadResult> {
  const cfg = await loadConfig(root);
  if (!cfg.ok) return { ok: false, root, findings: cfg.findings.sort(compareFindings) };
  const config = cfg.config.value!;
  const { accounts, plans } = await loadFiles(root, buildId(), config, cfg.text, options);
  return { ok: true, repo: assembleRepo(root, config, cfg.config, accounts as LoadedAccount[], plans as LoadedPlan[]) };
}

/**
 * One repo file as a source supplies it (the disk, a git revision): its text, or why it could
 * not be read. `file` is repo-relative with `/` separators.
 */
export type SourceFile = { file: string } & ({ text: string } | { finding: Finding });


/**
 * Loads a repo from the texts of kam.yaml and of its account and plan files, whatever source they
 * come from (the disk loader and the git loader share it). Pure: no I/O. Files whose names do not
 * match REPO_FILE_RE are ignored.
 */
export function loadFromSource(root: string, configSource: SourceFile, files: SourceFile[]): LoadResult {
  if ('finding' in configSource) return { ok: false, root, findings: [configSource.finding] };
  const loadedConfig = loadText(configSchema, 'kam', CONFIG_FILE, configSource.text, null, { jitless: true });
  if (!loadedConfig.value) return { ok: false, root, findings: loadedConfig.findings.sort(compareFindings) };
  const config = loadedConfig.value;
  const accountShape = accountSchema(config);
  const planShape = planSchema(config);
  const jitless = jitlessFor(files.length);
  const accounts: LoadedAccount[] = [];
  const plans: LoadedPlan[] = [];
  for (const source of files) {
    const match = REPO_FILE_RE.exec(source.file);
    if (!match) continue;
    const id = match[2]!;
    if (match[1] === 'accounts') accounts.push('finding' in source ? unreadable(id, source.file, source.finding) : loadText(accountShape, id, source.file, source.text, id, { jitless }));
    else plans.push('finding' in source ? unreadable(id, source.file, source.finding) : loadText(planShape, id, source.file, source.text, id, { jitless }));
  }
  return { ok: true, repo: assembleRepo(root, config, loadedConfig, accounts, plans) };
}

/** Cross-file checks of ids: duplicates, id/file-name mismatches, plans for unknown accounts. */
export function assembleRepo(root: string, config: Config, configFile: LoadedConfig, accounts: LoadedAccount[], plans: LoadedPlan[]): Repo {
  const findings: Finding[] = [...configFile.findings];
  const byId = (a: { id: string; file: string }, b: { id: string; file: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.file < b.file ? -1 : 1);
  accounts.sort(byId);
  plans.sort(byId);
  for (const list of [accounts, plans]) {
    list.forEach((f, i) => {
      pushAll(findings, f.findings);
      const prev = list[i - 1];
      if (prev && prev.id === f.id)
        findings.push(makeFinding('duplicate_id', { file: f.file, account: f.id, line: 1, column: 1 }, `"${f.id}" is defined twice: here and in ${prev.file}; remove or rename one of them`));
      if (!SLUG_RE.test(f.id))
        findings.push(makeFinding('id_mismatch', { file: f.file, account: null, line: 1, column: 1 }, `the file name "${f.id}" is not a valid id; rename the file to a lowercase slug such as "${slugify(f.id) || 'account'}.yaml"`));
    });
  }
  for (const a of accounts) {
    if (a.value?.id !== undefined && a.value.id !== a.id)
      findings.push(makeFinding('id_mismatch', whereIn(a, a.id, ['id']), `id "${a.value.id}" does not match the file name "${a.id}"; make them equal (or remove the id line)`));
  }
  const accountIds = new Set(accounts.map((a) => a.id));
  for (const p of plans) {
    if (!p.value) continue;
    const where = whereIn(p, p.id, ['account']);
    if (p.value.account !== p.id)
      findings.push(makeFinding('id_mismatch', where, `this plan names account "${p.value.account}" but its file name says "${p.id}"; plans/<id>.yaml must name account <id>`));
    else if (!accountIds.has(p.value.account))
      findings.push(makeFinding('unknown_account', where, `no account "${p.value.account}" (accounts/${p.value.account}.yaml does not exist); create it with "kam new account" or fix the name`));
  }
  findings.sort(compareFindings);
  return { root, config, configFile, accounts, plans, findings };
}

/** kam.yaml's text; like every repo file, never read through a link that leads out of the repo. */
async function readConfig(root: string): Promise<{ text: string } | { finding: Finding }> {
  const inside = await insideRepo(await realpath(root), join(root, CONFIG_FILE), CONFIG_FILE, null);
  return 'finding' in inside ? inside : readText(join(root, CONFIG_FILE), CONFIG_FILE, null);
}
