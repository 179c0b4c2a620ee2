import { existsSync } from 'node:fs';
import { pluralWord } from '../../util/plural.js';
import { join } from 'node:path';
import { localToday } from '../../util/dates.js';
import { accountText, planText } from '../../init/formText.js';
import { refuseLinkOut } from '../../init/init.js';
import { lockRepo, withRepoLock } from '../../repoFs/writeLock.js';
import { KamError } from '../../errors.js';
import { findRoot } from '../../repoFs/findRoot.js';
import { loadText } from '../../load/loadText.js';
import { loadConfig } from '../../load/loadRepo.js';
import { readText } from '../../repoFs/readText.js';
import { samePerson } from '../../people/people.js';
import { requirementsFor } from '../../profiles/profile.js';
import { scoreAccount } from '../../score/score.js';
import { accountSchema } from '../../schema/account.js';
import { SLUG_RE } from '../../schema/common.js';
import type { Config } from '../../schema/config.js';
import { resolveAccount } from '../../accounts/resolveAccount.js';
import { updatePlanText } from '../../init/planUpdate.js';
import { atomicWrite } from '../../util/atomicWrite.js';
import { writeNew } from '../../util/safeWrite.js';
import { slugify } from '../../util/slug.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { accountFiles } from '../../repoFs/repoFiles.js';
import { configInvalid } from './loadForCli.js';

interface NewOptions extends GlobalOptions {
  force?: boolean;
  format: 'text' | 'json';
}

export async function runNewAccount(name: string, opts: NewOptions & { id?: string; manager?: string }, io: Io): Promise<number> {
  const displayName = name.trim();
  if (!displayName) throw new KamError('the account name is empty; write it in quotes: kam new account "Acme Corp"');
  const id = opts.id ?? slugify(displayName);
  if (opts.id !== undefined && !SLUG_RE.test(opts.id)) {
    const hint = slugify(opts.id);
    throw new KamError(`--id "${opts.id}" is not a valid id: use lowercase letters a-z, digits and "-"${hint ? `, e.g. --id ${hint}` : ''}`);
  }
  if (!id) throw new KamError(`cannot make an id from the name "${displayName}" (it has no letters or digits); give one with --id, e.g. --id acme`);
  const manager = opts.manager?.trim() || undefined;
  const { root, config } = await repoConfig(io, opts);
  const file = `accounts/${id}.yaml`;
  if (!opts.force) await refuseSameName(root, id, displayName, config);
  refuseExisting(root, file, '--id <other-id>', opts.force);
  refuseLinkOut(root, file);
  withRepoLock(root, 'kam new', () => writeNew(join(root, file), accountText(config, { name: displayName, manager }), { force: opts.force }));
  return report(io, opts, { id, created: file }, [
    `Rate it: fill in each rating in ${file} (${config.scoring.scale.min}-${config.scoring.scale.max}), then run "kam score".`,
    `A key account needs a plan: kam new plan ${id}`,
  ]);
}

export async function runNewPlan(ref: string, opts: NewOptions & { update?: boolean }, io: Io): Promise<number> {
  if (opts.update && opts.force) throw new KamError('--update keeps every answer and --force replaces the file: pick one');
  const { root, config } = await repoConfig(io, opts);
  const ids = accountIds(root);
  // Names need the account files read; ids and paths do not.
  const known = ids.includes(ref) ? ids.map((id) => ({ id })) : await Promise.all(ids.map(async (id) => ({ id, name: (await readAccount(root, id, config)).name })));
  let id: string;
  try {
    id = resolveAccount(ref, { root, cwd: io.cwd, accounts: known }).id;
  } catch (err) {
    if (!(err instanceof KamError) || !err.message.startsWith('no account')) throw err;
    const create = `create it first with: kam new account "Account Name"${SLUG_RE.test(ref) ? ` --id ${ref}` : ''}`;
    throw new KamError(`${err.message}; ${create}`);
  }
  const account = await readAccount(root, id, config);
  const file = `plans/${id}.yaml`;
  const planPath = existsSync(join(root, file)) ? file : existsSync(join(root, `plans/${id}.yml`)) ? `plans/${id}.yml` : undefined;
  if (opts.update && planPath) return updatePlan(root, planPath, config, { account: id, accountName: account.name, today: localToday() }, opts, io);
  refuseExisting(root, file, 'another account', opts.force);
  refuseLinkOut(root, file);
  // The form the account's tier asks for: its profile's roles, cadence and checklist questions.
  const requirements = requirementsFor(config, account.tier);
  const firstRole = requirements.roles[0]?.id ?? config.roles[0]?.id;
  const team = account.manager ? [{ name: account.manager, roles: firstRole ? [firstRole] : [] }] : [];
  withRepoLock(root, 'kam new', () => writeNew(join(root, file), planText(config, { account: id, accountName: account.name, today: localToday(), team, requirements }), { force: opts.force }));
  const asked = requirements.profile ? `the ${requirements.questions.length} checklist questions ${requirements.profile} asks for` : 'every checklist question';
  return report(io, opts, { id, created: file }, [
    `Fill it in: ${file} lists ${asked} as an empty answer key.`,
    'See what is still open: kam check',
  ]);
}

/** --update: add what the plan lacks, keep every byte the user wrote. */
async function updatePlan(root: string, file: string, config: Config, form: { account: string; accountName: string; today: string }, opts: NewOptions, io: Io): Promise<number> {
  refuseLinkOut(root, file);
  const release = lockRepo(root, 'kam new');
  try {
    return await updatePlanLocked(root, file, config, form, opts, io);
  } finally {
    release();
  }
}

async function updatePlanLocked(root: string, file: string, config: Config, form: { account: string; accountName: string; today: string }, opts: NewOptions, io: Io): Promise<number> {
  const read = await readText(join(root, file), file, form.account);
  if (!('text' in read)) throw new KamError(`${file}: ${read.finding.message}`);
  const result = updatePlanText(config, read.text, form);
  if ('reason' in result) throw new KamError(`${file}: ${result.reason}`);
  const changed = result.questions.length > 0 || result.sections.length > 0;
  if (changed) atomicWrite(join(root, file), result.text);
  if (opts.format === 'json') io.stdout.write(`${JSON.stringify({ id: form.account, updated: changed ? file : null, questions: result.questions, sections: result.sections }, null, 2)}\n`);
  else if (!changed) io.stdout.write(`${file} already has every checklist question and section; nothing to add\n`);
  else {
    const parts = [
      ...(result.questions.length > 0 ? [`${result.questions.length} checklist ${pluralWord(result.questions.length, 'question')} (${result.questions.join(', ')})`] : []),
      ...(result.sections.length > 0 ? [`${pluralWord(result.sections.length, 'section')} ${result.sections.join(', ')}`] : []),
    ];
    io.stdout.write(`updated ${file}: added ${parts.join(' and ')}\n  Every answer you wrote is unchanged. See what is still open: kam check ${file}\n`);
  }
  return 0;
}

async function repoConfig(io: Io, opts: NewOptions): Promise<{ root: string; config: Config }> {
  const root = findRoot(io.cwd, opts.repo);
  const loaded = await loadConfig(root);
  if (loaded.ok) return { root, config: loaded.config.value! };
  io.stderr.write(`kam: ${configInvalid(io, opts, root, loaded.findings).message}\n`);
  throw new KamError('kam.yaml must be valid before kam can create files from it');
}

function refuseExisting(root: string, file: string, alternative: string, force: boolean | undefined): void {
  const other = file.replace(/\.yaml$/, '.yml');
  if (existsSync(join(root, other))) throw new KamError(`${other} already exists: that id is taken; pick ${alternative}`);
  if (!force && existsSync(join(root, file)))
    throw new KamError(`${file} already exists and was kept; edit it, pick ${alternative}, or pass --force to replace it`);
}

/**
 * One customer, one account: a file under another id whose name is this name (as people's names
 * are matched, spec 1.1 section 9: samePerson) is refused, as `kam check` would warn
 * duplicate_account. The file of the same id is left to refuseExisting (its message fits).
 */
async function refuseSameName(root: string, id: string, name: string, config: Config): Promise<void> {
  for (const other of accountIds(root)) {
    if (other === id) continue;
    const account = await readAccount(root, other, config);
    if (samePerson(account.name, name))
      throw new KamError(
        `an account named "${account.name}" already exists: ${accountFile(root, other)}; edit that file (or rename the customer there), or pass --force to create a second account with this name`,
      );
  }
}

const accountFile = (root: string, id: string) => (existsSync(join(root, 'accounts', `${id}.yaml`)) ? `accounts/${id}.yaml` : `accounts/${id}.yml`);

/** The ids of the repo's accounts, for a "did you mean" (none when accounts/ cannot be read). */
function accountIds(root: string): string[] {
  try {
    return [...accountFiles(root).keys()];
  } catch {
    return [];
  }
}

/** The account's name and manager; a file with problems still gives its id (kam validate reports them). */
async function readAccount(root: string, id: string, config: Config): Promise<{ name: string; manager?: string; tier: string | null }> {
  const file = accountFile(root, id);
  const read = await readText(join(root, file), file, id);
  const value = 'text' in read ? loadText(accountSchema(config), id, file, read.text, id).value : undefined;
  return { name: value?.name ?? id, manager: value?.manager, tier: value ? scoreAccount(id, value, config).tier : null };
}

function report(io: Io, opts: NewOptions, result: { id: string; created: string }, hints: string[]): number {
  if (opts.format === 'json') io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else io.stdout.write(`created ${result.created}\n${hints.map((h) => `  ${h}`).join('\n')}\n`);
  return 0;
}
