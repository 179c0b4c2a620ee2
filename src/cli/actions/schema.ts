import { join, relative, resolve } from 'node:path';
import { KamError } from '../../errors.js';
import { findRoot } from '../../repoFs/findRoot.js';
import { loadConfig } from '../../load/loadRepo.js';
import { defaultConfig, type Config } from '../../schema/config.js';
import { jsonSchemaFor, SCHEMA_FILES, SCHEMA_KINDS, type SchemaKind } from '../../schema/jsonSchema.js';
import { writeGenerated } from '../../util/safeWrite.js';
import { OUT_ELSEWHERE, refuseWriteOut } from '../../repoFs/writeGuard.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { configInvalid } from './loadForCli.js';

export async function runSchema(kind: SchemaKind | undefined, opts: GlobalOptions & { out?: string; force?: boolean }, io: Io): Promise<number> {
  const { config, root } = await repoConfig(io, opts);
  if (opts.out === undefined) {
    if (!kind) throw new KamError('name the schema to print (config, account or plan), or write all three with --out <dir>');
    io.stdout.write(`${JSON.stringify(jsonSchemaFor(kind, config), null, 2)}\n`);
    return 0;
  }
  if (opts.out.trim() === '') throw new KamError('--out needs a folder name (it was empty); e.g. --out docs, or leave it out to print to standard output');
  const outDir = resolve(io.cwd, opts.out);
  const kinds = kind ? [kind] : SCHEMA_KINDS;
  // All checked before anything is written: no write through a committed link out of the repo.
  if (root !== undefined) for (const k of kinds) refuseWriteOut(root, join(outDir, SCHEMA_FILES[k]), { fix: OUT_ELSEWHERE });
  let kept = 0;
  for (const k of kinds) {
    const path = join(outDir, SCHEMA_FILES[k]);
    const outcome = writeGenerated(path, `${JSON.stringify(jsonSchemaFor(k, config), null, 2)}\n`, { force: opts.force });
    const shown = relative(io.cwd, path) || path;
    if (outcome === 'kept') {
      kept++;
      io.stderr.write(`kam: kept ${shown}: it was not written by kam (use --force to replace it)\n`);
    } else io.stderr.write(`${outcome} ${shown}\n`);
  }
  return kept > 0 ? 2 : 0;
}

/** The repo's config and root when there is a repo (explicit -C, or found above), else the defaults. */
async function repoConfig(io: Io, opts: GlobalOptions): Promise<{ config: Config; root?: string }> {
  let root: string;
  try {
    root = findRoot(io.cwd, opts.repo);
  } catch (err) {
    if (opts.repo !== undefined) throw err;
    return { config: defaultConfig() };
  }
  const loaded = await loadConfig(root);
  if (loaded.ok) return { config: loaded.config.value!, root };
  throw configInvalid(io, opts, root, loaded.findings);
}
