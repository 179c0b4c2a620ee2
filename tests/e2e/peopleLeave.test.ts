import { describe, expect, it } from 'vitest';
import { kam, kamJson } from '../helpers/kamInProcess.js';
import { makeRepo } from '../helpers/tmpRepo.js';

// A gone stakeholder (format 1.2, section 6) in every output that shows people: kam map's four
// formats, the plan document (Markdown and HTML), the agenda and kam check.
const CONFIG = `version: 1
scoring:
  criteria:
    - { id: fit, label: Fit, weight: 1, axis: potential }
  tiers:
    - { name: Key, min: 50 }
roles:
  - { id: lead, label: Lead }
checklist:
  categories:
    - id: needs
      title: Needs
      questions:
        - { id: needs.pain, text: What hurts? }
profiles:
  Key:
    contact_days: 30
    min_threads: 3
`;

const PLAN = `account: acme
last_reviewed: 2026-11-20
team:
  - { name: Ann, roles: [lead] }
  - { name: Cy, roles: [] }
stakeholders:
  - { id: bo, name: Bo Berg, role: decision_maker, influence: high, owner: Ann, last_contact: 2026-11-25 }
  - { id: old, name: Olga <Old> Ode, role: champion, influence: high, owner: Cy, reports_to: bo, left: 2026-11-01, successor: new }
  - { id: new, name: Nils New, role: champion, reports_to: bo, owner: Ann }
answers:
  needs.pain: Slow
actions:
  - { title: Call, owner: Ann, due: 2026-12-10 }
`;

const root = () => makeRepo({ 'kam.yaml': CONFIG, 'accounts/acme.yaml': 'name: Acme\nmanager: Ann\nratings: { fit: 5 }\n', 'plans/acme.yaml': PLAN });
const TODAY = ['--today', '2026-12-02'];

describe('a stakeholder who left', () => {
  it('kam map: struck through with the date in every format, out of the threads and the coverage map', async () => {
    const r = root();
    const text = await kam(['map', 'acme', '--no-color', ...TODAY], { cwd: r });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('├─ Olga <Old> Ode [left 2026-11-01, successor new] (Champion, high influence) · stance unknown · owner Cy\n');
    expect(text.stdout).toContain('Threads: 1 (Ann): people of ours who own or contact a present stakeholder\n');
    const color = await kam(['map', 'acme', '--color', ...TODAY], { cwd: r });
    expect(color.stdout).toContain('\u001b[9mOlga <Old> Ode\u001b[29m');
    const { json } = await kamJson(['map', 'acme', '-f', 'json', ...TODAY], { cwd: r });
    expect(json.threads).toEqual({ count: 1, people: ['Ann'], present_stakeholders: 2 });
    expect(json.stakeholders[1]).toMatchObject({ key: 'old', left: '2026-11-01', gone: true, successor: 'new', needs_owner: false });
    expect(json.coverage.members.map((m: any) => m.name)).toEqual(['Ann', 'Cy']);
    expect(json.coverage.stakeholders.map((s: any) => s.key)).toEqual(['bo', 'new']);
    const svg = await kam(['map', 'acme', '-f', 'svg', ...TODAY], { cwd: r });
    expect(svg.stdout).toMatch(/text-decoration="line-through">Olga &lt;Old&gt; Ode<\/text>/);
    const mermaid = await kam(['map', 'acme', '-f', 'mermaid', ...TODAY], { cwd: r });
    expect(mermaid.stdout).toContain('<s>Olga #lt;Old#gt; Ode</s><br/>left 2026-11-01, successor new');
    // Before they left, they are there: Cy is a thread.
    const before = await kamJson(['map', 'acme', '-f', 'json', '--today', '2026-10-31'], { cwd: r });
    expect(before.json.threads.count).toBe(2);
  });

  it('kam check: too_few_threads (min_threads 3) instead of single_threaded, no relationship rule about the gone person', async () => {
    const { json } = await kamJson(['check', '-f', 'json', ...TODAY], { cwd: root() });
    expect(json.findings.map((f: any) => [f.rule, f.stakeholder ?? null])).toEqual([['too_few_threads', null]]);
  });

  it('the plan document strikes them through with the date and shows the threads', async () => {
    const md = await kam(['render', 'acme', '--format', 'md', ...TODAY], { cwd: root() });
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('| ~~Olga &lt;Old&gt; Ode~~ (left 2026-11-01) |');
    expect(md.stdout).toContain('**Threads:** 1 (Ann)');
    expect(md.stdout).toContain('⚠ **Too few threads:** only Ann holds the relationships with the 2 present stakeholders');
    const html = await kam(['render', 'acme', '--format', 'html', ...TODAY], { cwd: root() });
    expect(html.stdout).toContain('<s>Olga &lt;Old&gt; Ode</s> <span class="muted">(left 2026-11-01)</span>');
    expect(html.stdout).toContain('<strong>Threads: 1</strong> (Ann)');
  });

  it('the agenda lists no contact with them', async () => {
    const { json } = await kamJson(['agenda', '-f', 'json', '--within', '60', ...TODAY], { cwd: root() });
    expect(json.items.filter((i: any) => i.kind === 'contact').map((i: any) => i.title)).toEqual(['Contact Bo Berg']);
  });
});
