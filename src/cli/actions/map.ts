import { KamError } from '../../errors.js';
import { plural } from '../../util/plural.js';
import { buildCoverage } from '../../relationships/coverage.js';
import { localToday } from '../../util/dates.js';
import { powerMapMermaid, powerMapSvg, powerMapText, threadsNote } from '../../relationships/draw.js';
import { buildPowerMap } from '../../relationships/powerMap.js';
import { select } from '../../analysis/select.js';
import { makeChalk } from '../color.js';
import type { Io } from '../io.js';
import type { GlobalOptions } from '../options.js';
import { analyzeForCli } from './loadForCli.js';
import { escapeControl } from '../../util/terminal.js';

/** The drawings kam map writes (the command's --format choices). */
type MapFormat = 'text' | 'svg' | 'mermaid' | 'json';

export interface MapOptions extends GlobalOptions {
  format: MapFormat;
  /** YYYY-MM-DD: who is gone is judged on this day (spec 1.2, section 6). */
  today?: string;
}

export async function runMap(ref: string, opts: MapOptions, io: Io): Promise<number> {
  const today = opts.today ?? localToday();
  const analysis = await analyzeForCli(io, { ...opts, format: opts.format === 'json' ? 'json' : undefined }, { today, dates: false });
  const { repo } = analysis;
  // An account id, an account or plan file path, or the account's name, as every command takes them.
  const [id] = select(analysis.index, { accounts: [ref] }, { root: repo.root, cwd: io.cwd }).resolved.accounts as [string];
  const plan = repo.plans.find((p) => p.id === id);
  if (!plan) throw new KamError(`account "${id}" has no plan (plans/${id}.yaml), so no power map; create it with "kam new plan ${id}"`);
  if (!plan.value) throw new KamError(`${plan.file} has errors; run "kam validate" and fix them first`);
  const map = buildPowerMap(plan.value.stakeholders, today);
  const name = repo.accounts.find((a) => a.id === id)?.value?.name ?? id;
  switch (opts.format) {
    case 'svg':
      io.stdout.write(powerMapSvg(map, { title: `Power map of ${name}: ${map.people.length} stakeholders` }));
      break;
    case 'mermaid':
      io.stdout.write(powerMapMermaid(map));
      break;
    case 'json': {
      const people = map.people.map((p) => ({
        key: p.key,
        id: p.id,
        name: p.name,
        title: p.title,
        role: p.role,
        influence: p.influence,
        stance: p.stance,
        owner: p.owner,
        contacts: p.contacts,
        last_contact: p.lastContact,
        reports_to: p.manager === null ? null : map.people[p.manager]!.key,
        reports: p.reports.map((r) => map.people[r]!.key),
        depth: p.depth,
        needs_owner: p.unowned,
        left: p.left,
        gone: p.gone,
        successor: p.successor,
      }));
      const coverage = buildCoverage(plan.value, today);
      const json = {
        account: id,
        file: plan.file,
        today,
        roots: map.roots.map((r) => map.people[r]!.key),
        threads: { count: map.threads.count, people: map.threads.people, present_stakeholders: map.threads.present },
        stakeholders: people,
        coverage: {
          members: coverage.members.map((m) => ({ name: m.name, on_team: m.onTeam, owns: m.owns, contacts: m.contacts })),
          stakeholders: coverage.rows.map((r) => ({ key: r.key, cells: Object.fromEntries(coverage.members.map((m, i) => [m.name, r.cells[i] ?? 'none'])) })),
          single_threaded: coverage.singleThreaded,
          uncovered: coverage.uncovered,
        },
      };
      io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
      break;
    }
    default: {
      const chalk = makeChalk(io, opts.color);
      const paint = (stance: string | null, text: string) =>
        stance === 'supporter' ? chalk.green(text) : stance === 'detractor' ? chalk.red(text) : stance === 'neutral' ? chalk.yellow(text) : chalk.dim(text);
      const tree = powerMapText(map, paint, (t) => chalk.strikethrough(t)).replace(/⚠ no owner/g, (m) => chalk.red.bold(m));
      io.stdout.write(`${chalk.bold(`${escapeControl(name)}: power map`)} (${escapeControl(plan.file)}, ${plural(map.people.length, 'stakeholder')})\n`);
      io.stdout.write(tree || 'no stakeholders listed: add them under stakeholders: in the plan\n');
      if (tree) io.stdout.write(`${escapeControl(threadsNote(map))}: people of ours who own or contact a present stakeholder\n`);
    }
  }
  return 0;
}
