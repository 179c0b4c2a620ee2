import { describe, expect, it } from 'vitest';
import { configText } from '../../../src/init/configText.js';
import { EXAMPLE_ID, exampleAccount, examplePlan } from '../../../src/init/example.js';
import { accountText, planText } from '../../../src/init/formText.js';
import { initConfig, initFiles } from '../../../src/init/init.js';
import { loadText } from '../../../src/load/loadText.js';
import { accountSchema } from '../../../src/schema/account.js';
import { configSchema, defaultConfig, type Config } from '../../../src/schema/config.js';
import { planSchema } from '../../../src/schema/plan.js';
import { requirementsFor } from '../../../src/profiles/profile.js';
import { scoreAccount } from '../../../src/score/score.js';

const loadConfigText = (text: string) => loadText(configSchema, 'kam', 'kam.yaml', text, null);

describe('kam.yaml written by init', () => {
  it('loads back as exactly the defaults', () => {
    const loaded = loadConfigText(configText(defaultConfig()));
    expect(loaded.findings).toEqual([]);
    expect(loaded.value).toEqual(defaultConfig());
  });

  it('loads back as exactly the defaults with the checklist written out', () => {
    const text = configText(defaultConfig(), { withChecklist: true });
    expect(text).toMatch(/^checklist:\n {2}categories:\n/m);
    expect(text).toContain('our_team.executive_sponsor');
    const loaded = loadConfigText(text);
    expect(loaded.findings).toEqual([]);
    expect(loaded.value).toEqual(defaultConfig());
  });

  it('keeps the organization and currency, and the checklist stays built-in by default', () => {
    const config = initConfig('Crème: "Brûlée" #1', 'EUR');
    const text = configText(config);
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=schema/kam.schema.json');
    expect(text).not.toMatch(/^checklist:/m);
    expect(text).toContain('built-in planning checklist applies (8 categories, 57 questions');
    expect(loadConfigText(text).value).toEqual({ ...defaultConfig(), organization: 'Crème: "Brûlée" #1', currency: 'EUR' });
  });

  it('writes a customised config back faithfully (values come from the config, not from constants)', () => {
    const custom: Config = configSchema.parse({
      version: 1,
      scoring: {
        scale: { min: 0, max: 10 },
        criteria: [{ id: 'size', label: 'Size: "big" or small?', weight: 1.5, axis: 'current', description: 'How big' }, { id: 'pain', label: 'Pain', weight: 2, axis: 'potential', inverse: true }],
        tiers: [{ name: 'Gold', min: 80 }, { name: 'Silver', min: 50 }],
      },
      key_tiers: ['Gold'],
      roles: [{ id: 'owner', label: 'Owner' }],
      rules: { stale_plan: 'off' },
    });
    expect(loadConfigText(configText(custom)).value).toEqual(custom);
  });

  it('shows a commented profile per tier, lighter for lower tiers, valid once uncommented', () => {
    const text = configText(defaultConfig());
    expect(text).not.toMatch(/^profiles:/m);
    expect(text).toContain('#   Tier 1:\n#     stakeholder_roles: [ decision_maker, economic_buyer, champion ]\n');
    expect(text).toContain('#   Tier 3:\n#     roles: [ relationship_lead ]\n#     cadence_days: 180\n');
    const uncommented = text.replace(/^# profiles:\n(?:# .*\n)*/m, (block) => block.replace(/^# /gm, ''));
    const loaded = loadConfigText(uncommented);
    expect(loaded.findings).toEqual([]);
    expect(Object.keys(loaded.value!.profiles!)).toEqual(['Tier 1', 'Tier 2', 'Tier 3']);
    expect(loaded.value!.profiles!['Tier 1']).toMatchObject({ contact_days: 45, checklist: 'all' });
    // A config with profiles writes them out and loads back the same.
    expect(loadConfigText(configText(loaded.value!)).value).toEqual(loaded.value);
  });

  it('shows plan health commented with its defaults and an example measure, valid once uncommented', () => {
    const text = configText(defaultConfig());
    expect(text).not.toMatch(/^health:/m);
    expect(text).toContain('# health:\n#   weights: { completeness: 3, freshness: 2, team: 1, stakeholders: 2, execution: 2 }\n#   bands: { green: 70, amber: 40 }\n');
    const uncommented = text.replace(/^# health:\n(?:# .*\n)*/m, (block) => block.replace(/^# /gm, ''));
    const loaded = loadConfigText(uncommented);
    expect(loaded.findings).toEqual([]);
    expect(loaded.value!.health.measures).toEqual([{ id: 'nps', label: 'Net Promoter Score', weight: 2, min: -100, max: 100, max_age_days: 180 }]);
    // A config with its own health section writes it out and loads back the same.
    expect(loadConfigText(configText(loaded.value!)).value).toEqual(loaded.value);
  });
});

describe('the numbers in kam.yaml', () => {
  it('shows pipeline and renewals commented, valid once uncommented, and writes a repo\'s own back', () => {
    const text = configText(defaultConfig());
    expect(text).not.toMatch(/^pipeline:/m);
    expect(text).toContain('# renewals: { assess_days: 180 }\n');
    const uncommented = text.replace(/^# pipeline:\n(?:# .*\n)*/m, (b) => b.replace(/^# /gm, '')).replace('# renewals:', 'renewals:');
    const loaded = loadConfigText(uncommented);
    expect(loaded.findings).toEqual([]);
    expect(loaded.value!.pipeline).toEqual({ stages: [{ id: 'qualify', probability: 0.1 }, { id: 'propose', probability: 0.4 }, { id: 'negotiate', probability: 0.7 }], min_coverage: 1 });
    expect(loadConfigText(configText(loaded.value!)).value).toEqual(loaded.value);
  });
});

describe('account and plan forms', () => {
  const config = defaultConfig();

  it('a new account lists every criterion, empty, and validates with no rating', () => {
    const text = accountText(config, { name: 'AT&T' });
    for (const c of config.scoring.criteria) expect(text).toMatch(new RegExp(`^  ${c.id}: +# ${c.label}: weight ${c.weight}, ${c.axis} axis`, 'm'));
    expect(text).toMatch(/^ {2}effort: +# .*1 is best$/m);
    const loaded = loadText(accountSchema(config), 'att', 'accounts/att.yaml', text, 'att');
    expect(loaded.findings).toEqual([]);
    expect(loaded.value?.ratings).toEqual({});
    const score = scoreAccount('att', loaded.value!, config);
    expect(score.score).toBeNull();
    expect(score.unrated).toEqual(config.scoring.criteria.map((c) => c.id));
  });

  it('an empty rating counts as unrated in the score, a filled one counts', () => {
    const text = accountText(config, { name: 'Acme' }).replace(/^ {2}current_revenue:/m, '  current_revenue: 5');
    const loaded = loadText(accountSchema(config), 'acme', 'accounts/acme.yaml', text, 'acme');
    expect(loaded.value?.ratings).toEqual({ current_revenue: 5 });
    const score = scoreAccount('acme', loaded.value!, config);
    expect(score.score).toBe(100);
    expect(score.unrated).not.toContain('current_revenue');
  });

  it('a new plan lists every checklist question as an empty answer key under its question text', () => {
    const text = planText(config, { account: 'acme', accountName: 'Acme', today: '2026-11-23' });
    for (const category of config.checklist.categories) {
      expect(text).toContain(`# ==== ${category.title} ====`);
      for (const q of category.questions) expect(text).toMatch(new RegExp(`^  ${q.id.replace('.', '\\.')}:$`, 'm'));
    }
    expect(text).toContain('# Who is our executive sponsor for this account,');
    const loaded = loadText(planSchema(config), 'acme', 'plans/acme.yaml', text, 'acme');
    expect(loaded.findings).toEqual([]);
    expect(loaded.value).toMatchObject({ account: 'acme', stage: 'strategy', last_reviewed: '2026-11-23', period: 'FY2026', team: [], actions: [] });
  });

  it('a new plan follows the profile of its tier: its roles, cadence and checklist questions', () => {
    const withProfiles = configSchema.parse({ version: 1, profiles: { 'Tier 2': { roles: ['relationship_lead'], stakeholder_roles: ['champion'], cadence_days: 120, contact_days: 30, checklist: ['needs', 'value.proposition'] } } });
    const text = planText(withProfiles, { account: 'acme', accountName: 'Acme', today: '2026-11-23', requirements: requirementsFor(withProfiles, 'Tier 2') });
    const keys = [...text.matchAll(/^  ([a-z_]+\.[a-z_]+):$/gm)].map((m) => m[1]);
    expect(keys).toEqual([...withProfiles.checklist.categories.find((c) => c.id === 'needs')!.questions.map((q) => q.id), 'value.proposition']);
    expect(text.replace(/\n# /g, ' ')).toContain("Tier 2's profile asks for 8 of the 57 checklist questions");
    expect(text).toContain('stale after 120 days');
    expect(text).toMatch(/Roles \(what Tier 2 asks for\): relationship_lead \(Relationship Lead\)\./);
    const comments = text.replace(/\n# /g, ' ');
    expect(comments).toContain('Tier 2 asks for someone in each of: champion.');
    expect(comments).toContain('Tier 2 asks for contact with high-influence people every 30 days.');
    expect(loadText(planSchema(withProfiles), 'acme', 'plans/acme.yaml', text, 'acme').findings).toEqual([]);
    // Without a profile for the tier, the whole checklist.
    const tier1 = planText(withProfiles, { account: 'acme', accountName: 'Acme', today: '2026-11-23', requirements: requirementsFor(withProfiles, 'Tier 1') });
    expect([...tier1.matchAll(/^  ([a-z_]+\.[a-z_]+):$/gm)]).toHaveLength(57);
  });

  it('the worked example validates, is a tiered account and follows an edited config', () => {
    const files = initFiles(config, { today: '2026-11-23', version: '1.2.3' });
    const account = loadText(accountSchema(config), EXAMPLE_ID, '', files.find((f) => f.path.startsWith('accounts/'))!.content, EXAMPLE_ID);
    const plan = loadText(planSchema(config), EXAMPLE_ID, '', files.find((f) => f.path.startsWith('plans/'))!.content, EXAMPLE_ID);
    expect(account.findings).toEqual([]);
    expect(plan.findings).toEqual([]);
    expect(scoreAccount(EXAMPLE_ID, account.value!, config).tier).toBe('Tier 1');
    expect(plan.value!.actions.every((a) => a.owner && a.due)).toBe(true);
    expect(files.find((f) => f.path === '.github/workflows/kam.yml')!.content).toContain('#v1.2.3');

    const edited = configSchema.parse({ version: 1, scoring: { scale: { min: 1, max: 3 }, criteria: [{ id: 'logo', label: 'Logo', weight: 1, axis: 'potential' }] }, roles: [{ id: 'innovator', label: 'Innovator' }] });
    expect(loadText(accountSchema(edited), EXAMPLE_ID, '', accountText(edited, exampleAccount(edited)), EXAMPLE_ID).findings).toEqual([]);
    expect(loadText(planSchema(edited), EXAMPLE_ID, '', planText(edited, examplePlan(edited, '2026-11-23')), EXAMPLE_ID).findings).toEqual([]);
  });
});

describe('the plan form survives a newcomer', () => {
  const config = defaultConfig();
  const form = planText(config, { account: 'acme', accountName: 'Acme', today: '2026-11-23' });
  const load = (text: string) => loadText(planSchema(config), 'acme', 'plans/acme.yaml', text, 'acme');

  it('writes empty lists as "key:" with a commented example below, never "key: []" before an example', () => {
    expect(form).toMatch(/^stakeholders: +# uncomment the example below and edit it\n {2}# - \{ id: jane-doe, name: Jane Doe/m);
    expect(form).not.toMatch(/: \[\]\s*(#.*)?\n\s+# -/);
    expect(load(form).findings).toEqual([]);
  });

  it('validates with every example uncommented, and keeps the examples', () => {
    const uncommented = form.replace(/^( *)# - /gm, '$1- ');
    expect(uncommented).not.toBe(form);
    const loaded = load(uncommented);
    expect(loaded.findings).toEqual([]);
    expect(loaded.value!.stakeholders).toEqual([
      { id: 'jane-doe', name: 'Jane Doe', title: 'CFO', role: 'decision_maker', influence: 'high', stance: 'neutral', owner: 'Your Name', last_contact: '2026-11-23' },
    ]);
    expect(loaded.value!.actions).toHaveLength(1);
    expect(loaded.value!.risks).toHaveLength(1);
    expect(loaded.value!.kpis).toHaveLength(1);
    expect(loaded.value!.opportunities).toHaveLength(1);
    expect(loaded.value!.objectives).toHaveLength(1);
  });

  it('validates with any one example uncommented', () => {
    const examples = [...form.matchAll(/^( *)# - .*$/gm)];
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const m of examples) {
      const one = form.slice(0, m.index) + m[0].replace('# - ', '- ') + form.slice(m.index! + m[0].length);
      expect(load(one).findings, m[0]).toEqual([]);
    }
  });
});
