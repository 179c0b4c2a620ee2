import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/schema/rules.js';
import { EXAMPLE, kam, kamJson } from '../helpers/kamInProcess.js';
import { makeRepo } from '../helpers/tmpRepo.js';

// CommonJS packages: require() gives the class and function themselves under NodeNext typing.
const require = createRequire(import.meta.url);
const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;

const TODAY = ['--today', '2026-11-23'];
const exampleJson = (await kamJson(['check', '-C', EXAMPLE, ...TODAY, '-f', 'json'])).json;

// A repo whose texts need escaping in every format: %, comma, colon, <, &, quotes, a newline.
const TRICKY = makeRepo({
  'accounts/odd.yaml': 'name: "100% <Odd> & Co, \\"Ltd\\": one\\ntwo"\nratings: { current_revenue: 5, growth_potential: 5, renewal_likelihood: 5 }\n',
  'accounts/a,b:c.yaml': 'name: Bad file name\n',
});

describe('--format github', () => {
  it('prints one workflow command per finding, paths relative to the working folder', async () => {
    const run = await kam(['check', ...TODAY, '-f', 'github', 'plans/kestrel-retail.yaml'], { cwd: EXAMPLE });
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toContain('::error file=plans/kestrel-retail.yaml,line=159,col=5,title=kam action_without_owner::action "Hire or assign a customer success manager for the account" has no owner; add owner: <name>');
    expect(lines).toContain('::warning file=plans/kestrel-retail.yaml,line=157,col=10,title=kam action_overdue::action "Present waste reduction business case to Rachel Moss" was due 2026-10-31 (23 days ago) and is still open; mark it done or set a new due date');
    // 12 findings, 3 annotations: the plan's 10 open questions are one.
    expect(lines.filter((l) => l.startsWith('::'))).toHaveLength(3);
    expect(lines[0]).toMatch(/^::error /);
    expect(lines.find((l) => l.includes('unanswered_question'))).toMatch(/^::warning file=plans\/kestrel-retail.yaml,line=46,col=3,title=kam unanswered_question::10 questions open: our_team \(2\), their_team.recent_changes, needs \(3\), /);
    expect(lines.at(-1)).toBe('kam: 1 error, 11 warnings in 0 accounts, 1 plan');
  });

  it('escapes % and line breaks in messages, and also : and , in properties', async () => {
    const run = await kam(['check', '-f', 'github'], { cwd: TRICKY });
    const line = run.stdout.split('\n').find((l) => l.includes('missing_plan'))!;
    expect(line).toBe('::error file=accounts/odd.yaml,line=1,col=1,title=kam missing_plan::100%25 <Odd> & Co, "Ltd": one%0Atwo is Tier 1, a key tier, but has no plan; create plans/odd.yaml');
    expect(run.stdout).toContain('::error file=accounts/a%2Cb%3Ac.yaml,line=1,col=1,title=kam id_mismatch::the file name "a,b:c" is not a valid id');
    const sub = await kam(['check', '-C', '..', '-f', 'github'], { cwd: `${TRICKY}/accounts` });
    expect(sub.stdout).toContain('::error file=odd.yaml,line=1,col=1,');
  });
});

describe('--format junit', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, isArray: (name) => ['testsuite', 'testcase'].includes(name) });

  it('is well-formed XML with a test case per account and rule', async () => {
    const run = await kam(['check', '-C', EXAMPLE, ...TODAY, '-f', 'junit']);
    expect(run.code).toBe(1);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    const doc = parser.parse(run.stdout);
    const suites = doc.testsuites.testsuite as any[];
    const accountIds = ['andes-agro', 'banco-austral', 'brightwater-foods', 'calloway-health', 'cascadia-transport', 'coralsea-telecom', 'halvorsen-industrial', 'ishikari-logistics', 'kestrel-retail', 'meridian-freight', 'oakmont-council', 'polaris-grid', 'ridgeline-power', 'tasman-mutual', 'vantor-pharma'];
    expect(suites.map((s) => s.name)).toEqual([...accountIds, '(portfolio)']);
    const kestrel = suites.find((s) => s.name === 'kestrel-retail');
    expect(kestrel.testcase.map((t: any) => t.name)).toEqual(RULE_IDS.filter((id) => id !== 'too_many_key_accounts'));
    // Warnings do not fail a test case: they are its output.
    const overdue = kestrel.testcase.find((t: any) => t.name === 'action_overdue');
    expect(overdue.failure).toBeUndefined();
    expect(overdue['system-out']).toContain('plans/kestrel-retail.yaml:157:10 warning action "Present waste reduction business case');
    expect(Number(doc.testsuites.failures)).toBe(2);
    const owner = kestrel.testcase.find((t: any) => t.name === 'action_without_owner');
    expect(owner.failure.type).toBe('error');
    expect(owner.failure['#text']).toBe('plans/kestrel-retail.yaml:159:5 error action "Hire or assign a customer success manager for the account" has no owner; add owner: <name>');
    const passing = kestrel.testcase.find((t: any) => t.name === 'no_decision_maker');
    expect(passing.failure).toBeUndefined();
    const portfolio = suites.at(-1);
    expect(portfolio.testcase.map((t: any) => t.name)).toEqual(['too_many_key_accounts']);
    const failures = suites.reduce((n, s) => n + Number(s.failures), 0);
    expect(Number(doc.testsuites.failures)).toBe(failures);
    // One test case per account and rule (all but the portfolio-wide too_many_key_accounts), plus the portfolio's.
    expect(Number(doc.testsuites.tests)).toBe(15 * (RULE_IDS.length - 1) + 1);
  });

  it('escapes user text', async () => {
    const run = await kam(['check', '-f', 'junit'], { cwd: TRICKY });
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    const doc = parser.parse(run.stdout);
    const odd = doc.testsuites.testsuite.find((s: any) => s.name === 'odd');
    const failure = odd.testcase.find((t: any) => t.name === 'missing_plan').failure;
    expect(failure.message).toBe('1 problem: 100% <Odd> & Co, "Ltd": one\ntwo is Tier 1, a key tier, but has no plan; create plans/odd.yaml');
  });

  it('drops rules that are off', async () => {
    const run = await kam(['check', '-C', EXAMPLE, ...TODAY, '-f', 'junit', '--rule', 'stale_plan=off']);
    expect(run.stdout).not.toContain('name="stale_plan"');
  });
});

describe('--format sarif', () => {
  const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }) // the official schema has a pattern that is invalid in unicode mode;
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('validates against the SARIF 2.1.0 schema and carries every finding and rule', async () => {
    const run = await kam(['check', '-C', EXAMPLE, ...TODAY, '-f', 'sarif']);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.version).toBe('2.1.0');
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('kam');
    expect(driver.rules.map((r: any) => r.id)).toEqual(RULE_IDS);
    expect(driver.rules.find((r: any) => r.id === 'missing_role')).toMatchObject({ defaultConfiguration: { level: 'warning' } });
    expect(driver.rules.every((r: any) => r.shortDescription.text && r.help.text)).toBe(true);
    // GitHub's rule kind (Sarif.Multitool --rule-kind "Sarif;Gh"): GH2012 fullDescription,
    // SARIF1001 a name unlike the id, SARIF2005 the tool's informationUri.
    expect(driver.informationUri).toMatch(/^https:\/\//);
    for (const r of driver.rules) {
      expect(r.fullDescription.text, r.id).toMatch(/\S.*How to fix: \S/);
      expect(r.name, r.id).not.toBe(r.id);
      expect(r.name, r.id).toMatch(/^[A-Z][A-Za-z]+$/);
    }
    expect(driver.rules.find((r: any) => r.id === 'missing_role').name).toBe('MissingRole');
    const results = log.runs[0].results;
    expect(results).toHaveLength(exampleJson.findings.length);
    const owner = results.find((r: any) => r.ruleId === 'action_without_owner');
    expect(owner).toMatchObject({
      level: 'error',
      ruleIndex: RULE_IDS.indexOf('action_without_owner'),
      locations: [{ physicalLocation: { artifactLocation: { uri: 'plans/kestrel-retail.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 159, startColumn: 5 } } }],
    });
  });

  it('stays valid with tricky text, and with no findings at all', async () => {
    for (const cwd of [TRICKY, makeRepo({})]) {
      const log = JSON.parse((await kam(['check', '-f', 'sarif'], { cwd })).stdout);
      expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});

describe('--format json', () => {
  it('is the spec object: findings, summary, completeness', async () => {
    expect(Object.keys(exampleJson)).toEqual(['findings', 'summary', 'completeness']);
    // The first finding with a rule field (since spec 1.2, pipeline_short on banco-austral comes first).
    const unrated = exampleJson.findings.find((f: { rule: string }) => f.rule === 'unrated_criterion');
    expect(Object.keys(unrated).slice(0, 9)).toEqual(['rule', 'severity', 'account', 'file', 'line', 'column', 'message', 'path', 'criterion']);
    expect(unrated.path).toEqual(['ratings']);
  });
});
