// The relationships section of a plan document: the power map (an SVG org chart in HTML, a
// Mermaid flowchart in Markdown) and the coverage map. Flags come from the check's findings, so a
// document and `kam check` never disagree (and a rule set to `off` flags nothing).
import type { Finding } from '../findings/finding.js';
import { buildCoverage } from '../relationships/coverage.js';
import { powerMapMermaid } from '../relationships/draw.js';
import { buildPowerMap } from '../relationships/powerMap.js';
import type { Plan } from '../schema/plan.js';

export function relationshipsModel(plan: Plan, findings: Finding[], today: string) {
  const map = buildPowerMap(plan.stakeholders, today);
  const coverage = buildCoverage(plan, today);
  const fewThreads = findings.find((f) => f.rule === 'too_few_threads');
  const single = findings.find((f) => f.rule === 'single_threaded');
  const about = (rule: Finding['rule']) => new Set(findings.filter((f) => f.rule === rule).map((f) => f.stakeholder));
  const notContacted = about('stakeholder_not_contacted');
  const unowned = about('stakeholder_without_owner');
  return {
    count: map.people.length,
    /** The tree, drawn in HTML by the `powerMapSvg` helper (src/relationships/draw.ts escapes every name). */
    map,
    mermaid: map.people.length ? powerMapMermaid(map) : null,
    people: map.people.map((p) => ({
      name: p.name,
      title: p.title,
      roleLabel: p.roleLabel,
      influence: p.influence,
      stance: p.stance,
      owner: p.owner,
      contacts: p.contacts.join(', '),
      reportsTo: p.manager === null ? null : map.people[p.manager]!.name,
      lastContact: p.lastContact,
      unowned: unowned.has(p.key),
      notContacted: notContacted.has(p.key),
      /** Gone (spec 1.2, section 6): the document strikes the name through and gives the date. */
      gone: p.gone,
      left: p.left,
      successor: p.successor === null ? null : (map.people.find((q) => q.id === p.successor)?.name ?? p.successor),
    })),
    threads: { count: map.threads.count, people: map.threads.people.join(', '), few: fewThreads ? fewThreads.message : null },
    coverage: {
      members: coverage.members,
      rows: coverage.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ owner: c === 'owner', contact: c === 'contact' })) })),
      uncovered: coverage.uncovered,
    },
    singleThreaded: single ? { person: single.person ?? null, message: single.message } : null,
    unownedCount: unowned.size,
    notContactedCount: notContacted.size,
  };
}
