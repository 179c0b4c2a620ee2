import { mkdirSync, readFileSync } from 'node:fs';
import { pluralWord } from '../../util/plural.js';
import { dirname, join, relative, resolve } from 'node:path';
import { codeowners, currentBlock, withBlock } from '../../codeowners/codeowners.js';
import { KamError } from '../../errors.js';
import { GitError } from '../../git/git.js';
import { atomicWrite } from '../../util/atomicWrite.js';
import { refuseWriteOut } from '../../repoFs/writeGuard.js';
import { escapeControl } from '../../util/terminal.js';
import { displayPath } from '../format/findings/stylish.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { analyzeForCli } from './loadForCli.js';
import { localToday } from '../../util/dates.js';

export interface CodeownersOptions extends GlobalOptions {
  write?: boolean;
  check?: boolean;
  format: 'text' | 'json';
}

export const CODEOWNERS_FILE = '.github/CODEOWNERS';

export async function runCodeowners(opts: CodeownersOptions, io: Io): Promise<number> {
  if (opts.write && opts.check) throw new KamError('use --write or --check, not both');
  const { repo, portfolio } = await analyzeForCli(io, opts, { today: localToday(), dates: false });
  const { top, prefix } = await gitTop(repo.root);
  const result = codeowners(repo, prefix, portfolio);
  for (const warning of result.warnings) io.stderr.write(`kam: warning: ${escapeControl(warning)}\n`);
  const path = join(top, CODEOWNERS_FILE);
  const shown = relative(io.cwd, path) || path;

  if (!opts.write && !opts.check) {
    io.stdout.write(opts.format === 'json' ? `${JSON.stringify({ file: shown, entries: result.entries, warnings: result.warnings }, null, 2)}\n` : result.block);
    return 0;
  }
  // .github or CODEOWNERS committed as a link out of the work tree: writing would land elsewhere,
  // and reading would copy an outside file into the repo. Refused before either, as init does.
  refuseWriteOut(top, path);
  // An account or plan that did not load has no manager (or no id) to own it by: writing now would
  // take owners off files until it is fixed, so nothing is written (issue 24).
  const errors = repo.findings.filter((f) => f.severity === 'error');
  if (opts.write && errors.length > 0) {
    const listed = errors.slice(0, 10).map((f) => `  ${escapeControl(displayPath(repo.root, io.cwd, f.file))}:${f.line}:${f.column}  ${escapeControl(f.message)}`);
    if (errors.length > 10) listed.push(`  ... and ${errors.length - 10} more`);
    io.stderr.write(`${listed.join('\n')}\n`);
    throw new KamError(`${shown} not written: ${errors.length} file ${pluralWord(errors.length, 'error')} above change who owns what; fix ${errors.length === 1 ? 'it' : 'them'} (kam validate), then run kam codeowners --write again`);
  }
  const existing = readIfThere(path, shown);
  if (opts.check) {
    const current = existing === undefined ? undefined : currentBlock(existing);
    const upToDate = current === result.block;
    if (opts.format === 'json') io.stdout.write(`${JSON.stringify({ file: shown, upToDate, missing: current === undefined }, null, 2)}\n`);
    if (upToDate) {
      if (opts.format === 'text') io.stdout.write(`${shown}: kam's block is up to date\n`);
      return 0;
    }
    const want = new Set(result.block.split('\n'));
    const have = new Set((current ?? '').split('\n'));
    const changes = [...[...have].filter((l) => l && !want.has(l)).map((l) => `  - ${escapeControl(l)}`), ...[...want].filter((l) => l && !have.has(l)).map((l) => `  + ${escapeControl(l)}`)];
    io.stderr.write(
      current === undefined
        ? `kam: ${shown} has no kam codeowners block; run "kam codeowners --write" and commit it\n`
        : `kam: ${shown} is out of date (a manager, handle, tier or approver changed); run "kam codeowners --write" and commit it:\n${changes.join('\n')}\n`,
    );
    return 1;
  }
  const next = withBlock(existing, result.block);
  if ('problem' in next) throw new KamError(`${shown}: ${next.problem}; fix the marker lines by hand, then run kam codeowners --write again`);
  if (next.text === existing) {
    io.stdout.write(`${shown}: unchanged\n`);
    return 0;
  }
  try {
    mkdirSync(dirname(path), { recursive: true });
    atomicWrite(path, next.text);
  } catch (err) {
    throw new KamError(`cannot write ${shown} (${(err as NodeJS.ErrnoException).code ?? String(err)}); check that the folder is writable`);
  }
  io.stdout.write(`${shown}: ${existing === undefined ? 'created' : 'updated'} (${result.entries.length} files owned)\n`);
  return 0;
}

/** The git work tree's top folder and the plan repo's path inside it; the plan repo itself outside git. */
async function gitTop(root: string): Promise<{ top: string; prefix: string }> {
  const { openGitRepo } = await import('../../git/git.js');
  try {
    const git = await openGitRepo(root);
    const up = git.prefix.split('/').filter(Boolean).map(() => '..');
    return { top: resolve(root, ...up), prefix: git.prefix };
  } catch (err) {
    if (err instanceof KamError || err instanceof GitError) return { top: root, prefix: '' };
    throw err;
  }
}

function readIfThere(path: string, shown: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new KamError(`cannot read ${shown} (${code ?? String(err)}); check that it is a readable file`);
  }
}
