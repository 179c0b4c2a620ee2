// The meeting pack's documents, in process: the whitespace grid and its totals (plan and
// portfolio), and the QBR with --since on a real git repo.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRepo } from '../../../src/check/checkRepo.js';
import { loadRepo, type Repo } from '../../../src/load/loadRepo.js';
import { analysisOf } from '../../../src/analysis/analyze.js';
import { buildPlanModel, buildPortfolioModel } from '../../../src/render/model.js';
import { buildQbrModel, qbrChanges } from '../../../src/render/qbr.js';
import { loadRevision } from '../../../src/git/snapshot.js';
import { changesBetween } from '../../../src/git/changes.js';
import { createRenderer } from '../../../src/render/render.js';
import { commitAll, gitInit } from '../../helpers/gitRepo.js';
import { makeRepo } from '../../helpers/tmpRepo.js';

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
        - { id: team.budget, text: Who holds the budget? }
offerings:
  - { id: forecasting, label: Demand forecasting }
  - { id: pricing, label: Pricing analytics }
  - { id: routing, label: Route planning }
`;

const PLAN = `account: acme
team:
  - { name: Ann, roles: [lead] }
buying_centers:
  - { id: emea, name: EMEA supply chain }
  - { id: us, name: US retail }
whitespace:
  - { center: emea, offering: forecasting, status: won, value: 400000 }
  - { center: emea, offering: pricing, status: competitor, competitor: Acme Analytics }
  - { center: emea, offering: routing, status: potential, value: 50000 }
  - { center: us, offering: forecasting, status: open, value: 250000 }
  - { center: us, offering: pricing, status: potential, value: 120000 }
  - { center: us, offering: routing, status: not_a_fit, value: 999 }
`;

async function repoOf(files: Record<string, string>): Promise<Repo> {
  const loaded = await loadRepo(makeRepo({ 'kam.yaml': CONFIG, 'accounts/acme.yaml': 'name: Acme\nratings: { revenue: 5, growth: 5 }\n', 'plans/acme.yaml': PLAN, ...files }));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.findings));
  return loaded.repo;
}

describe('whitespace in documents', () => {
  it('the plan model is a centers x offerings grid with won/open/potential totals by column and overall', async () => {
    const repo = await repoOf({});
    const model = buildPlanModel(repo, 'acme', checkRepo(repo, { today: '2026-11-23' }), '2026-11-23');
    const ws = model.plan!.whitespace!;
    expect(ws.centers.map((c) => [c.name, c.cells.map((x) => x.statusLabel)])).toEqual([
      ['EMEA supply chain', ['Won', 'Competitor', 'Potential']],
      ['US retail', ['Open', 'Potential', 'Not a fit']],
    ]);
    expect(ws.totals).toEqual({ won: 400000, open: 250000, potential: 170000 });
    // No cell gives a wallet: no share of wallet (spec 1.2 section 3).
    const noWallet = { wallet: null, wonInWallet: 0, share: null };
    expect(ws.columns).toEqual([
      { offering: 'forecasting', won: 400000, open: 250000, potential: 0, ...noWallet },
      { offering: 'pricing', won: 0, open: 0, potential: 120000, ...noWallet },
      { offering: 'routing', won: 0, open: 0, potential: 50000, ...noWallet },
    ]);
    expect([ws.anyWallet, ws.walletShares]).toEqual([false, []]);
    expect([ws.assessed, ws.cells]).toEqual([6, 6]);
  });

  it('an unassessed cell says so; no grid without offerings or centers', async () => {
    const repo = await repoOf({ 'plans/acme.yaml': PLAN.replace(/  - \{ center: us, offering: routing.*\n/, '') });
    const check = checkRepo(repo, { today: '2026-11-23' });
    const ws = buildPlanModel(repo, 'acme', check, '2026-11-23').plan!.whitespace!;
    expect(ws.centers[1]!.cells[2]).toMatchObject({ status: 'unassessed', statusLabel: 'Not assessed', value: null });
    expect(ws.assessed).toBe(5);
    const bare = await repoOf({ 'plans/acme.yaml': 'account: acme\n' });
    expect(buildPlanModel(bare, 'acme', checkRepo(bare, { today: '2026-11-23' }), '2026-11-23').plan!.whitespace).toBeNull();
  });

  it('HTML draws the grid with a text label and the value in each cell, and the totals; Markdown a table', async () => {
    const repo = await repoOf({});
    const model = buildPlanModel(repo, 'acme', checkRepo(repo, { today: '2026-11-23' }), '2026-11-23');
    const html = createRenderer({ format: 'html', currency: 'USD' }).render('plan', model);
    expect(html).toContain('<td class="ws ws-won"><span class="ws-status">Won</span><span class="ws-value">$400,000</span></td>');
    expect(html).toContain('<td class="ws ws-competitor"><span class="ws-status">Competitor</span><span class="ws-note">Acme Analytics</span></td>');
    expect(html).toMatch(/Won \$400,000<\/span> <span class="ws ws-open">Open \$250,000<\/span> <span class="ws ws-potential">Potential \$170,000/);
    const md = createRenderer({ format: 'md', currency: 'USD' }).render('plan', model);
    expect(md).toContain('| Buying center | Demand forecasting | Pricing analytics | Route planning |');
    expect(md).toContain('| EMEA supply chain | Won $400,000 | Competitor (Acme Analytics) | Potential $50,000 |');
    expect(md).toContain('Won $400,000 · open $250,000 · potential $170,000');
  });

  it('the portfolio sums open and potential value by offering over every plan', async () => {
    const repo = await repoOf({
      'accounts/beta.yaml': 'name: Beta\nratings: { revenue: 2, growth: 2 }\n',
      'plans/beta.yaml': 'account: beta\nbuying_centers: [{ id: hq, name: HQ }]\nwhitespace:\n  - { center: hq, offering: routing, status: open, value: 30000 }\n  - { center: hq, offering: forecasting, status: won, value: 1 }\n',
    });
    const model = buildPortfolioModel(analysisOf(repo, { today: '2026-11-23' }));
    // No cell gives a wallet: no share anywhere (spec 1.2 section 3).
    const noWallet = { wallet: null, wonInWallet: 0, share: null };
    expect(model.whitespace).toEqual({
      offerings: [
        { id: 'forecasting', label: 'Demand forecasting', open: 250000, potential: 0, total: 250000, ...noWallet },
        { id: 'pricing', label: 'Pricing analytics', open: 0, potential: 120000, total: 120000, ...noWallet },
        { id: 'routing', label: 'Route planning', open: 30000, potential: 50000, total: 80000, ...noWallet },
      ],
      open: 280000,
      potential: 170000,
      total: 450000,
      ...noWallet,
      anyWallet: false,
    });
    const md = createRenderer({ format: 'md', currency: 'USD' }).render('portfolio', model);
    expect(md).toContain('| Route planning | $30,000 | $50,000 | $80,000 |');
    expect(md).toContain('| **All offerings** | $280,000 | $170,000 | $450,000 |');
  });
});

describe('the QBR (--template qbr)', () => {
  const account = (growth: number) => `name: Acme\nmanager: Ann\nratings: { revenue: 5, growth: ${growth} }\n`;
  const before = `account: acme
team:
  - { name: Ann, roles: [lead] }
stakeholders:
  - { id: bo, name: Bo Berg, role: decision_maker }
answers:
  team.sponsor: Carl
objectives:
  - { title: Shared roadmap, shared: true }
  - Internal goal
actions:
  - { title: Kick-off, owner: Ann, due: 2026-09-01, status: done }
  - { title: Pilot, owner: Ann, due: 2026-10-01, status: open }
  - { title: Workshop, owner: Ann, due: 2026-12-10, status: open, side: joint }
kpis:
  - { name: Adoption, target: 80%, actual: 55% }
`;
  const after = before
    .replace('  - { id: bo, name: Bo Berg, role: decision_maker }\n', '  - { id: bo, name: Bo Berg, role: decision_maker }\n  - { name: Cy Chen, role: champion }\n')
    .replace('{ title: Pilot, owner: Ann, due: 2026-10-01, status: open }', '{ title: Pilot, owner: Ann, due: 2026-10-01, status: done }')
    .replace('  team.sponsor: Carl\n', '  team.sponsor: Carl\n  team.budget: Dee\n')
    .replace('actions:\n', 'actions:\n  - { title: Renewal memo, owner: Ann, due: 2026-11-01, status: open }\n');

  it('with --since on a git repo: score, tier and completeness then and now, stakeholders added, actions completed', async () => {
    const root = makeRepo({ 'kam.yaml': CONFIG, 'accounts/acme.yaml': account(1), 'plans/acme.yaml': before });
    gitInit(root);
    commitAll(root, 'last quarter', '2026-08-15');
    writeFileSync(join(root, 'accounts/acme.yaml'), account(5));
    writeFileSync(join(root, 'plans/acme.yaml'), after);
    const loaded = await loadRepo(root);
    if (!loaded.ok) throw new Error('invalid');
    const repo = loaded.repo;
    const base = await loadRevision(root, 'HEAD');
    const changes = qbrChanges(base, changesBetween({ repo: base.repo, today: base.date }, { repo, today: '2026-11-23' }), repo, 'acme');
    expect(changes).toMatchObject({
      since: 'HEAD',
      before: { score: 50, tier: 'Silver', completeness: 50 },
      after: { score: 100, tier: 'Gold', completeness: 100 },
      stakeholdersAdded: ['Cy Chen'],
      actionsCompleted: ['Pilot'],
    });
    const model = buildQbrModel(repo, 'acme', checkRepo(repo, { today: '2026-11-23' }), '2026-11-23', changes);
    expect(model.qbr.changes).toMatchObject({ scoreDelta: 50, completenessDelta: 50, tierChanged: true, nothing: false });
    expect(model.qbr.overdue.map((a) => a.title)).toEqual(['Renewal memo']);
    expect(model.qbr.dueNext.map((a) => [a.title, a.sideLabel])).toEqual([['Workshop', 'Joint']]);
    expect(model.qbr.sharedObjectives).toEqual([{ title: 'Shared roadmap' }]);
    const md = createRenderer({ format: 'md', currency: 'USD' }).render('qbr', model);
    expect(md).toContain('| Score | 50.0 | 100.0 | +50.0 |');
    expect(md).toContain('| Tier | Silver | Gold | changed |');
    expect(md).toContain('| Checklist completeness | 50% | 100% | +50.0 pts |');
    expect(md).toContain('**Stakeholders added:** Cy Chen');
    expect(md).toContain('**Actions completed:** Pilot');
    expect(md).toContain('- Renewal memo (Us, Ann): due 2026-11-01, **overdue 22 days**');
    expect(md).toContain('| Adoption | 80% | 55% |');
    const html = createRenderer({ format: 'html', currency: 'USD' }).render('qbr', model);
    expect(html).toContain('<li>Cy Chen</li>');
    expect(html).toContain('<td class="num">+50.0</td>');
  });

  it('without --since it shows the current state and says how to compare', async () => {
    const repo = await repoOf({ 'plans/acme.yaml': after });
    const model = buildQbrModel(repo, 'acme', checkRepo(repo, { today: '2026-11-23' }), '2026-11-23', null);
    const md = createRenderer({ format: 'md', currency: 'USD' }).render('qbr', model);
    expect(md).toContain('The current state only: render with `--since <revision>`');
    expect(md).toContain('## Open questions');
  });
});
