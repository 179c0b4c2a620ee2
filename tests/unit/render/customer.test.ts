// The customer's version of a plan (spec 1.1, section 6) is an allowlist: this test fills every
// field kam.yaml, the account and the plan can hold, walks every value, and proves that only the
// allowed ones reach the model (all a template can see) and the Markdown and HTML documents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkRepo } from '../../../src/check/checkRepo.js';
import { loadRepo, type Repo } from '../../../src/load/loadRepo.js';
import { buildCustomerModel, buildCustomerQbrModel } from '../../../src/render/customer.js';
import { formatMoney } from '../../../src/render/helpers.js';
import { createRenderer } from '../../../src/render/render.js';
import { planSchema } from '../../../src/schema/plan.js';
import { FULL_ACCOUNT, FULL_CONFIG, FULL_PLAN } from '../../helpers/fullPlan.js';
import { makeRepo } from '../../helpers/tmpRepo.js';

// Values of the allowlist (spec 1.1, section 6) by their path in the files, as regexps.
const ALLOWED = [
  /^kam\.organization$/,
  /^kam\.roles\.\d+\.label$/, // role labels of our team
  /^account\.name$/,
  /^plan\.period$/,
  /^plan\.team\.\d+\.(name|title)$/, // a title is shown instead of the role labels (issue #23)
  /^plan\.objectives\.2\.title$/, // the shared one
  /^plan\.actions\.[01]\.(title|owner|due)$/, // the shared ones
  /^plan\.kpis\.0\.(name|target|actual)$/,
  /^plan\.signoffs\.0\.(by|date)$/, // the latest sign-off: who agreed and when (spec 1.2, section 9)
];

/** Every scalar of a parsed YAML file with its dotted path. */
function leaves(value: unknown, path: string): { path: string; value: string | number | boolean }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}.${i}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, `${path}.${k}`));
  return value === null || value === undefined ? [] : [{ path, value: value as string | number | boolean }];
}

/** The ways a value can show up in a document: as written, and numbers with separators and as money. */
function forms(value: string | number): string[] {
  if (typeof value === 'number') return [String(value), value.toLocaleString('en-US'), formatMoney(value, 'EUR')];
  return [value];
}

const files = { 'kam.yaml': FULL_CONFIG, 'accounts/acme.yaml': FULL_ACCOUNT, 'plans/acme.yaml': FULL_PLAN };

async function fullRepo(): Promise<Repo> {
  const loaded = await loadRepo(makeRepo(files));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.findings));
  return loaded.repo;
}

function allLeaves() {
  return [...leaves(parse(FULL_CONFIG), 'kam'), ...leaves(parse(FULL_ACCOUNT), 'account'), ...leaves(parse(FULL_PLAN), 'plan')];
}

describe('kam render --audience customer: the allowlist', () => {
  it('the fixture is a valid plan that fills every field the plan schema has', async () => {
    const repo = await fullRepo();
    const check = checkRepo(repo, { today: '2031-02-10' });
    expect(check.findings.filter((f) => f.severity === 'error' || f.rule === 'schema')).toEqual([]);
    // Every key of the plan schema is used by the fixture (a new field must be added here, and so be judged).
    const schemaKeys = Object.keys(planSchema(repo.config).shape).filter((k) => k !== '$schema');
    expect(Object.keys(parse(FULL_PLAN)).sort()).toEqual(schemaKeys.sort());
  });

  it('the model holds the allowed values and nothing else', async () => {
    const repo = await fullRepo();
    const model = buildCustomerModel(repo, 'acme', '2031-02-10');
    const text = JSON.stringify(model);
    const all = allLeaves().filter((l) => typeof l.value !== 'boolean');
    const allowed = all.filter((l) => ALLOWED.some((re) => re.test(l.path)));
    expect(allowed.length).toBe(20);
    for (const l of allowed) expect(text, l.path).toContain(String(l.value));
    for (const l of all.filter((l) => !allowed.includes(l) && (typeof l.value === 'number' ? l.value > 9_000_000 : /^[sS][-_]/.test(String(l.value)))))
      for (const form of forms(l.value as string | number)) expect(text, `${l.path} (${form}) must not reach the customer model`).not.toContain(form);
    // The model's shape is exactly the allowlist: no field can carry more.
    expect(Object.keys(model).sort()).toEqual(['account', 'actions', 'agreement', 'audience', 'kpis', 'marker', 'objectives', 'organization', 'period', 'team', 'today']);
    expect(Object.keys(model.account)).toEqual(['name']);
    expect(model.actions.map((a) => Object.keys(a).sort())).toEqual(Array(2).fill(['done', 'due', 'owner', 'side', 'sideLabel', 'status', 'statusLabel', 'title']));
    expect(model.kpis).toEqual([{ name: 'OK_KPI_SHARED', target: 'OK_KPI_TARGET', actual: 'OK_KPI_ACTUAL' }]);
    // The latest sign-off's name and date, never its digest; the digest differs, so: a draft.
    expect(model.agreement).toEqual({ state: 'changed', by: 'OK_SIGNOFF_BY', date: '2031-02-01' });
    expect(text).not.toContain('sha256:');
    expect(model.team).toEqual([
      { name: 'OK_TEAM_ANN', title: null, roles: ['OK_ROLE_LEAD', 'OK_ROLE_EXPERT'] },
      { name: 'OK_TEAM_BO', title: 'OK_TEAM_TITLE', roles: ['OK_ROLE_EXPERT'] },
    ]);
  });

  it.each(['md', 'html'] as const)('the %s document shows every allowed value and no other value of the files', async (format) => {
    const repo = await fullRepo();
    const renderer = createRenderer({ format, currency: 'EUR' });
    const doc = renderer.render('customer', buildCustomerModel(repo, 'acme', '2031-02-10'));
    const all = allLeaves().filter((l) => typeof l.value !== 'boolean');
    const isAllowed = (path: string) => ALLOWED.some((re) => re.test(path));
    for (const l of all.filter((l) => isAllowed(l.path))) expect([String(l.value), String(l.value).replace(/_/g, '\\_')].some((f) => doc.includes(f)), l.path).toBe(true);
    for (const l of all.filter((l) => !isAllowed(l.path))) {
      if (typeof l.value === 'number' ? l.value < 9_000_000 : !/^[sS][-_]/.test(String(l.value))) continue;
      for (const form of forms(l.value as string | number)) {
        expect(doc, `${l.path} must not reach the document`).not.toContain(form);
        expect(doc, `${l.path} must not reach the document`).not.toContain(form.replace(/_/g, '\\_'));
      }
    }
    // Nor anything computed from what is internal: score, tier, quadrant, stage, health, findings.
    const words = doc.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]*>/g, ' ');
    for (const word of ['Score', 'Tier', 'Quadrant', 'Execution', 'Economic buyer', 'Detractor', 'overdue', 'stale', 'Checklist', 'Whitespace', 'SWOT', 'Risk', 'Stakeholder'])
      expect(words.toLowerCase(), word).not.toContain(word.toLowerCase());
  });

  it.each(['md', 'html'] as const)('the %s document names each team member by title when given, by role labels otherwise', async (format) => {
    const repo = await fullRepo();
    const doc = createRenderer({ format, currency: 'EUR' }).render('customer', buildCustomerModel(repo, 'acme', '2031-02-10'));
    const line = (name: string) => doc.split('\n').find((l) => l.includes(name)) ?? '';
    expect(line('OK_TEAM_ANN')).toContain('OK_ROLE_LEAD');
    expect(line('OK_TEAM_ANN')).toContain('OK_ROLE_EXPERT');
    expect(line('OK_TEAM_BO')).toContain('OK_TEAM_TITLE');
    expect(line('OK_TEAM_BO')).not.toContain('OK_ROLE_EXPERT');
  });

  it('the built-in customer template exists for md and html and can be overridden by the repo', async () => {
    const root = makeRepo({ ...files, 'templates/customer.md.hbs': '# {{account.name}} for {{organization}} {{plan.notes}}{{account.notes}}\n' });
    const loaded = await loadRepo(root);
    if (!loaded.ok) throw new Error('invalid');
    const renderer = createRenderer({ format: 'md', currency: 'EUR', userDir: join(root, 'templates') });
    const doc = renderer.render('customer', buildCustomerModel(loaded.repo, 'acme', '2031-02-10'));
    // A template can only reach the model: internal fields render as nothing.
    expect(doc).toContain('# OK_ACCOUNT_NAME for OK_ORG \n');
    expect(readFileSync(join(root, 'plans/acme.yaml'), 'utf8')).toContain('S_plan_notes');
  });
});

describe('kam render --audience customer --template qbr: the customer QBR is the same allowlist', () => {
  // The plan last quarter: the customer's action still open, the joint action not yet there, the
  // shared objective not yet shared, the shared KPI at another value; internal items moved too.
  const BEFORE = FULL_PLAN.replace('due: 2031-03-02, status: done, side: customer', 'due: 2031-03-02, status: open, side: customer')
    .replace(/ {2}- \{ title: OK_ACTION_JOINT.*\n/, '')
    .replace('{ title: OK_OBJECTIVE_SHARED, shared: true }', '{ title: OK_OBJECTIVE_SHARED, shared: false }')
    .replace('actual: OK_KPI_ACTUAL, shared: true', 'actual: OK_KPI_THEN, shared: true')
    .replace('status: blocked, side: us, shared: false', 'status: done, side: us, shared: false');

  async function models() {
    const repo = await fullRepo();
    const then = await loadRepo(makeRepo({ ...files, 'plans/acme.yaml': BEFORE }));
    if (!then.ok) throw new Error(JSON.stringify(then.findings));
    return { repo, base: { rev: 'v2031-q1', repo: then.repo } };
  }

  it('says what changed in the shared items only', async () => {
    const { repo, base } = await models();
    const model = buildCustomerQbrModel(repo, 'acme', '2031-02-10', base, 90);
    expect(model.review.changes).toEqual({
      since: 'v2031-q1',
      actionsCompleted: ['OK_ACTION_CUSTOMER'],
      actionsAdded: ['OK_ACTION_JOINT'],
      objectivesAdded: ['OK_OBJECTIVE_SHARED'],
      kpis: [{ name: 'OK_KPI_SHARED', before: { target: 'OK_KPI_TARGET', actual: 'OK_KPI_THEN' }, target: 'OK_KPI_TARGET', actual: 'OK_KPI_ACTUAL' }],
    });
    // Due next: the open shared action (2031-03-01) is 19 days out; the done one is not listed.
    expect(model.review.dueNext.map((a) => a.title)).toEqual(['OK_ACTION_JOINT']);
    expect(model.review.overdue).toEqual([]);
    expect(Object.keys(model).sort()).toEqual(['account', 'actions', 'agreement', 'audience', 'kpis', 'marker', 'objectives', 'organization', 'period', 'review', 'team', 'today']);
  });

  it.each(['md', 'html'] as const)('the %s customer QBR, with and without --since, holds no value outside the allowlist', async (format) => {
    const { repo, base } = await models();
    const renderer = createRenderer({ format, currency: 'EUR' });
    for (const withSince of [base, undefined]) {
      const doc = renderer.render('customer-qbr', buildCustomerQbrModel(repo, 'acme', '2031-02-10', withSince, 90));
      const isAllowed = (path: string) => ALLOWED.some((re) => re.test(path));
      const all = [...allLeaves(), ...leaves(parse(BEFORE), 'plan')].filter((l) => typeof l.value !== 'boolean');
      for (const l of all.filter((l) => !isAllowed(l.path))) {
        if (typeof l.value === 'number' ? l.value < 9_000_000 : !/^[sS][-_]/.test(String(l.value))) continue;
        for (const form of forms(l.value as string | number)) {
          expect(doc, `${l.path} must not reach the customer QBR`).not.toContain(form);
          expect(doc, `${l.path} must not reach the customer QBR`).not.toContain(form.replace(/_/g, '\\_'));
        }
      }
      const words = doc.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]*>/g, ' ').toLowerCase();
      for (const word of ['Score', 'Tier', 'unscored', 'Quadrant', 'Execution', 'Economic buyer', 'Detractor', 'overdue', 'stale', 'Checklist', 'Whitespace', 'SWOT', 'Risk', 'Stakeholder', 'plans/acme.yaml', 'accounts/acme.yaml', 'competitor', 'buying center', 'manager'])
        expect(words, word).not.toContain(word.toLowerCase());
      if (withSince) {
        expect(doc).toContain('OK_ACTION_CUSTOMER');
        expect(doc).toContain('OK_KPI_THEN');
        expect(doc).toContain('v2031-q1');
      } else expect(doc).not.toContain('OK_KPI_THEN');
    }
  });
});
