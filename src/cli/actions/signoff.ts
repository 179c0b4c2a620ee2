import { join } from 'node:path';
import { accountContext } from '../../accounts/repoAccounts.js';
import { resolveAccount } from '../../accounts/resolveAccount.js';
import { localToday } from '../../util/dates.js';
import { KamError } from '../../errors.js';
import { refuseLinkOut } from '../../init/init.js';
import type { LoadedPlan, Repo } from '../../load/loadRepo.js';
import { readText } from '../../repoFs/readText.js';
import type { Plan } from '../../schema/plan.js';
import { appendSignoff } from '../../signoff/appendSignoff.js';
import { agreementOf, latestSignoff } from '../../signoff/digest.js';
import { atomicWrite } from '../../util/atomicWrite.js';
import { escapeControl } from '../../util/terminal.js';
import { mdCell } from '../format/score/markdown.js';
import { renderTable } from '../format/table.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { loadRepoForCli } from './loadForCli.js';

type ValidPlan = LoadedPlan & { value: Plan };

/** `kam signoff <account> --by NAME [--date D]`: appends the current shared digest. */
export async function runSignoff(ref: string, opts: GlobalOptions & { by: string; date?: string; format: 'text' | 'json' }, io: Io): Promise<number> {
  const by = opts.by.trim();
  if (!by) throw new KamError('--by is empty; name who agreed, e.g. --by "Dr. Claudia Brenner"');
  const repo = await loadRepoForCli(io, opts);
  const plan = validPlan(repo, resolveAccount(ref, accountContext(repo, io.cwd)).id);
  const date = opts.date ?? localToday();
  const digest = agreementOf(plan.value).current;
  const entry = { by, date, digest };
  // The same entry twice says nothing more: it is kept once.
  const known = plan.value.signoffs.some((s) => s.by === by && s.date === date && s.digest === digest);
  if (!known) {
    refuseLinkOut(repo.root, plan.file);
    const read = await readText(join(repo.root, plan.file), plan.file, plan.id);
    if (!('text' in read)) throw new KamError(`${plan.file}: ${read.finding.message}`);
    const result = appendSignoff(read.text, entry);
    if ('reason' in result) throw new KamError(`${plan.file}: ${result.reason}`);
    atomicWrite(join(repo.root, plan.file), result.text);
  }
  if (opts.format === 'json') {
    io.stdout.write(`${JSON.stringify({ account: plan.id, file: plan.file, ...entry, added: !known }, null, 2)}\n`);
    return 0;
  }
  const latest = latestSignoff({ signoffs: [...plan.value.signoffs, entry] })!;
  const note = latest.date !== date ? `\n  Note: an earlier sign-off (${latest.by}, ${latest.date}) has a later date, so it stays the latest.` : '';
  io.stdout.write(
    known
      ? `${plan.file} already records ${escapeControl(by)}'s agreement of ${date} to this version; nothing added\n`
      : `recorded in ${plan.file}: ${escapeControl(by)} agreed on ${date} to the shared plan ${digest.slice(0, 19)}…\n  The customer version now says "Agreed with ${escapeControl(by)} on ${date}" until a shared item changes.${note}\n`,
  );
  return 0;
}

/** One row of `kam signoffs --format json`. */
export interface SignoffListing {
  account: string;
  file: string;
  /** The plan's shared digest now. */
  digest: string;
  state: 'agreed' | 'changed' | 'none';
  signoffs: { by: string; date: string; digest: string; current: boolean; latest: boolean }[];
}

/** `kam signoffs [accounts...]`: each plan's sign-offs, and whether the latest still holds. */
export async function runSignoffs(refs: string[], opts: GlobalOptions & { format: 'table' | 'json' | 'markdown' | 'md' }, io: Io): Promise<number> {
  const repo = await loadRepoForCli(io, opts);
  const ctx = accountContext(repo, io.cwd);
  const ids = refs.map((r) => resolveAccount(r, ctx).id);
  const plans = ids.length > 0 ? ids.map((id) => validPlan(repo, id)) : repo.plans.filter((p): p is ValidPlan => p.value !== undefined);
  const rows: SignoffListing[] = plans.map((p) => {
    const a = agreementOf(p.value);
    const latest = latestSignoff(p.value);
    return {
      account: p.id,
      file: p.file,
      digest: a.current,
      state: a.state,
      signoffs: p.value.signoffs.map((s, i) => ({ ...s, current: s.digest === a.current, latest: latest?.index === i })),
    };
  });
  if (opts.format === 'json') {
    io.stdout.write(`${JSON.stringify({ plans: rows }, null, 2)}\n`);
    return 0;
  }
  const STATE = { agreed: 'agreed', changed: 'changed since', none: 'not yet agreed' } as const;
  const cells = rows.flatMap((r) =>
    r.signoffs.length === 0
      ? [[r.account, STATE.none, '–', '–', '–']]
      : r.signoffs.map((s) => [r.account, s.latest ? STATE[r.state] : '', s.by, s.date, `${s.digest.slice(0, 15)}…${s.current ? ' (current)' : ''}`]),
  );
  const head = ['Account', 'Agreement', 'By', 'Date', 'Digest'];
  if (opts.format === 'table') {
    io.stdout.write(rows.length === 0 ? 'no valid plans\n' : `${renderTable(head, cells.map((c) => c.map(escapeControl)))}\n`);
    return 0;
  }
  io.stdout.write(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|\n${cells.map((c) => `| ${c.map(mdCell).join(' | ')} |`).join('\n')}\n`);
  return 0;
}

function validPlan(repo: Repo, id: string): ValidPlan {
  const plan = repo.plans.find((p) => p.id === id);
  if (!plan) throw new KamError(`"${id}" has no plan, so there is nothing to sign off; write plans/${id}.yaml first ("kam new plan ${id}")`);
  if (!plan.value) throw new KamError(`${plan.file} has errors, so its shared digest cannot be computed; fix them first ("kam validate ${plan.file}")`);
  return plan as ValidPlan;
}
