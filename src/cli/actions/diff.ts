import { localToday } from '../../util/dates.js';
import { diffRevisions } from '../../git/diff.js';
import { findRoot } from '../../repoFs/findRoot.js';
import { makeChalk } from '../color.js';
import { diffFormatters, type DiffFormat } from '../format/diff/index.js';
import { cacheWanted, type Io } from '../io.js';
import type { GlobalOptions } from '../options.js';

export async function runDiff(base: string, head: string | undefined, opts: GlobalOptions & { format: DiffFormat; today?: string }, io: Io): Promise<number> {
  const root = findRoot(io.cwd, opts.repo);
  const diff = await diffRevisions(root, { base, head, today: opts.today ?? localToday(), cache: cacheWanted(opts, io) });
  io.stdout.write(diffFormatters[opts.format]({ diff, chalk: makeChalk(io, opts.color) }));
  return 0;
}
