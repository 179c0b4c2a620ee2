import { select } from '../../analysis/select.js';
import { localToday } from '../../util/dates.js';
import { makeChalk } from '../color.js';
import { agendaFormatters, type AgendaFormat } from '../format/agenda/index.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { analyzeForCli } from './loadForCli.js';

export interface AgendaCliOptions extends GlobalOptions {
  format: AgendaFormat;
  within: number;
  owner?: string;
  manager?: string;
  today?: string;
}

/** `kam agenda`: the analysis's agenda, selected by --manager and --owner, then formatted. */
export async function runAgenda(opts: AgendaCliOptions, io: Io): Promise<number> {
  const today = opts.today ?? localToday();
  const analysis = await analyzeForCli(io, opts, { today });
  const index = { ...analysis.index, people: analysis.people({ customerSide: true }) };
  const selection = select(index, { manager: opts.manager, owner: opts.owner }, { root: analysis.repo.root, cwd: io.cwd });
  const items = analysis.agenda(opts.within).filter(selection.hasItem);
  const { manager, owner } = selection.resolved;
  const scope = [manager !== undefined && `accounts of ${manager}`, owner !== undefined && `owed by ${owner}`].filter(Boolean).join(', ') || null;
  io.stdout.write(agendaFormatters[opts.format]({ items, today, within: opts.within, scope, chalk: makeChalk(io, opts.color) }));
  return 0;
}
