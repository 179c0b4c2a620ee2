// kam render --template qbr in process: the QBR's own file, stakeholders compared as people, and
// the customer's QBR (--audience customer --template qbr --since) on a real git repo.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, gitInit } from '../helpers/gitRepo.js';
import { kam } from '../helpers/kamInProcess.js';
import { makeRepo } from '../helpers/tmpRepo.js';

const TODAY = ['--today', '2026-11-23'];

const CONFIG = `version: 1
organization: Contoso
scoring:
  criteria:
    - { id: revenue, label: Revenue, weight: 1, axis: current }
    - { id: growth, label: Growth, weight: 1, axis: potential }
  tiers:
    - { name: Gold, min: 75 }
    - { name: Silver, min: 40 }
roles:
  - { id: lead, label: Lead }
checklist:
  categories:
    - id: team
      title: Team
      questions:
        - { id: team.sponsor, text: Who sponsors? }
`;
const ACCOUNT = 'name: Acme\nmanager: Ann Lee\nratings: { revenue: 5, growth: 3 }\n';
const PLAN = `account: acme
team:
  - { name: Ann Lee, roles: [lead] }
stakeholders:
  - { name: Bo Berg, role: decision_maker, owner: Ann Lee }
  - { name: Cy Chen, role: champion, owner: Ann Lee }
answers:
  team.sponsor: Bo
objectives:
  - { title: Shared roadmap, shared: true }
  - Internal goal kept to ourselves
actions:
  - { title: Joint workshop, owner: Ann Lee, due: 2026-12-10, status: open, side: joint, shared: true }
  - { title: Pricing memo for our deal desk, owner: Ann Lee, due: 2026-12-01, status: open }
kpis:
  - { name: Adoption, target: 80%, actual: 40%, shared: true }
  - { name: Internal margin, target: 30%, actual: 12% }
`;

function repoWithHistory(): string {
  const root = makeRepo({ 'kam.yaml': CONFIG, 'accounts/acme.yaml': ACCOUNT, 'plans/acme.yaml': PLAN });
  gitInit(root);
  commitAll(root, 'Q3 review', '2026-08-20');
  // This quarter: the stakeholders get ids (one respelled), the workshop is done, the internal
  // memo too, the shared KPI moved.
  writeFileSync(
    join(root, 'plans/acme.yaml'),
    PLAN.replace('{ name: Bo Berg,', '{ id: bo, name: Bo Berg,')
      .replace('{ name: Cy Chen,', '{ id: cy, name: cy  chen,')
      .replace('due: 2026-12-10, status: open, side: joint', 'due: 2026-12-10, status: done, side: joint')
      .replace('due: 2026-12-01, status: open }', 'due: 2026-12-01, status: done }')
      .replace('actual: 40%, shared: true', 'actual: 55%, shared: true'),
  );
  return root;
}

describe('kam render --template qbr', () => {
  it('writes <id>.qbr.<ext> beside the plan document, never over it', async () => {
    const root = repoWithHistory();
    expect((await kam(['render', 'acme', '--out', 'out', ...TODAY], { cwd: root })).code).toBe(0);
    const plan = readFileSync(join(root, 'out/acme.md'), 'utf8');
    const run = await kam(['render', 'acme', '--template', 'qbr', '--out', 'out', ...TODAY], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('created out/acme.qbr.md');
    expect(readFileSync(join(root, 'out/acme.md'), 'utf8')).toBe(plan);
    expect(readFileSync(join(root, 'out/acme.qbr.md'), 'utf8')).toContain('quarterly business review');
  });

  it('giving existing stakeholders ids, or respelling a name, adds no stakeholder', async () => {
    const run = await kam(['render', 'acme', '--template', 'qbr', '--since', 'HEAD', ...TODAY], { cwd: repoWithHistory() });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('**Stakeholders added:** none');
    expect(run.stdout).toContain('**Actions completed:** Joint workshop, Pricing memo for our deal desk');
  });
});

describe('kam render --audience customer --template qbr', () => {
  it('is built from the customer allowlist, with what changed in the shared items since --since', async () => {
    const root = repoWithHistory();
    const run = await kam(['render', 'acme', '--audience', 'customer', '--template', 'qbr', '--since', 'HEAD', '--out', 'out', ...TODAY], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('created out/acme.qbr.customer.md');
    const doc = readFileSync(join(root, 'out/acme.qbr.customer.md'), 'utf8');
    expect(doc).toContain('## What changed since HEAD');
    expect(doc).toContain('**Shared actions completed:** Joint workshop');
    expect(doc).toContain('| Adoption | 80% | 40% | 80% | 55% |');
    for (const internal of ['Pricing memo', 'Internal goal', 'Internal margin', 'Tier', 'unscored', 'Gold', 'Silver', 'Score', 'Ann Lee', 'plans/acme.yaml', 'Bo Berg', 'Stakeholder', 'Checklist', 'Who sponsors'])
      expect(doc, internal).not.toContain(internal);
    expect(existsSync(join(root, 'out/acme.customer.md'))).toBe(false);
  });

  it('without --since it shows where things stand; HTML too', async () => {
    const run = await kam(['render', 'acme', '--audience', 'customer', '--template', 'qbr', '-f', 'html', ...TODAY], { cwd: repoWithHistory() });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Where we stand today.');
    expect(run.stdout).toContain('<td>Adoption</td>');
    expect(run.stdout).not.toMatch(/Tier|Internal margin|Ann Lee/);
  });
});
