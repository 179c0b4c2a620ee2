import { Chalk } from 'chalk';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { github } from '../../../../src/cli/format/findings/github.js';
import { json } from '../../../../src/cli/format/findings/json.js';
import { junit } from '../../../../src/cli/format/findings/junit.js';
import { sarif } from '../../../../src/cli/format/findings/sarif.js';
import { stylish } from '../../../../src/cli/format/findings/stylish.js';
import type { Completeness } from '../../../../src/check/completeness.js';
import { summarize } from '../../../../src/findings/severity.js';
import { RULE_IDS } from '../../../../src/schema/rules.js';
import { findingsFixture, findingsReport } from './fixtures.js';

const completeness: Record<string, Completeness> = {
  acme: {
    answered: 1, not_applicable: 0, unanswered: 1, total: 2, percent: 50,
    categories: [{ id: 'basics', title: 'Basics', answered: 1, not_applicable: 0, unanswered: 1, total: 2, percent: 50, open: ['basics.goal'] }],
  },
};
const clean = () => findingsReport({ findings: [], summary: summarize([], 2, 1) });

describe('stylish', () => {
  it('groups findings by file with file:line:col, severity, message and rule, then the summary', () => {
    expect(stylish(findingsReport())).toBe(
      [
        'plans/acme.yaml',
        '  plans/acme.yaml:12:5  error    action "Ship <v2> & co, 100%" has no owner; add owner: <name>  action_without_owner',
        '  plans/acme.yaml:3:1  warning  no one on the team has the role "sponsor"  missing_role',
        '',
        'kam.yaml',
        '  kam.yaml:1:1  warning  13 key accounts, more than 12  too_many_key_accounts',
        '',
        '✖ 3 problems (1 error, 2 warnings) in 2 accounts, 1 plan',
        '',
      ].join('\n'),
    );
  });

  it('prints paths relative to the working folder, so a terminal can open them', () => {
    expect(stylish(findingsReport({ cwd: '/repo/plans' }))).toContain('  acme.yaml:12:5  error');
  });

  it('shows completeness per account and says how many findings --max-findings left out', () => {
    const out = stylish(findingsReport({ completeness, truncated: 4 }));
    expect(out).toContain('Checklist completeness (answered or not applicable)\n  acme     50%  1 answered, 0 n/a, 1 open of 2  (basics 1/2)\n');
    expect(out).toMatch(/4 more/);
  });

  it('is one green line when there is nothing to report, and colours only when asked', () => {
    expect(stylish(clean())).toBe('✔ no problems (2 accounts, 1 plan)\n');
    expect(stylish(findingsReport())).not.toContain('\u001b[');
    expect(stylish(findingsReport({ chalk: new Chalk({ level: 1 }) }))).toContain('\u001b[31m');
  });
});

describe('json', () => {
  it('prints version 1 of the findings report: findings with their YAML path, summary, optional completeness and truncated', () => {
    const out = JSON.parse(json(findingsReport()));
    expect(Object.keys(out)).toEqual(['findings', 'summary']);
    expect(out.summary).toEqual({ errors: 1, warnings: 2, accounts: 2, plans: 1 });
    expect(out.findings[0]).toEqual({
      rule: 'action_without_owner', severity: 'error', account: 'acme', file: 'plans/acme.yaml', line: 12, column: 5,
      message: 'action "Ship <v2> & co, 100%" has no owner; add owner: <name>', path: ['actions', 1, 'owner'],
    });
    expect(out.findings[1]).toMatchObject({ role: 'sponsor', path: ['team'] });
    expect(out.findings[2]).toMatchObject({ account: null, path: [] });
    const more = JSON.parse(json(findingsReport({ completeness, truncated: 2 })));
    expect(more.completeness).toEqual(completeness);
    expect(more.truncated).toBe(2);
  });
});

describe('github', () => {
  it('writes one workflow annotation per finding, escaping what the command syntax reserves', () => {
    const lines = github(findingsReport()).trimEnd().split('\n');
    expect(lines).toEqual([
      '::error file=plans/acme.yaml,line=12,col=5,title=kam action_without_owner::action "Ship <v2> & co, 100%25" has no owner; add owner: <name>',
      '::warning file=plans/acme.yaml,line=3,col=1,title=kam missing_role::no one on the team has the role "sponsor"',
      '::warning file=kam.yaml,line=1,col=1,title=kam too_many_key_accounts::13 key accounts, more than 12',
      'kam: 1 error, 2 warnings in 2 accounts, 1 plans',
    ]);
  });

  it('keeps a message on one line: line breaks are escaped', () => {
    const [finding] = findingsFixture();
    const out = github(findingsReport({ findings: [{ ...finding!, message: 'one\ntwo\rthree' }] }));
    expect(out.split('\n')[0]).toContain('one%0Atwo%0Dthree');
  });
});

describe('junit', () => {
  const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml);

  it('makes a suite per account (and one for the portfolio) with a test case per rule, failures for findings', () => {
    const xml = junit(findingsReport({ accounts: ['acme', 'beta'], rules: ['action_without_owner', 'missing_role', 'too_many_key_accounts', 'schema'] }));
    const doc = parse(xml);
    expect(doc.testsuites).toMatchObject({ name: 'kam check', tests: '7', failures: '3' });
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s: { name: string }) => s.name)).toEqual(['acme', 'beta', '(portfolio)']);
    const acme = suites[0].testcase;
    expect(acme.map((c: { name: string }) => c.name)).toEqual(['action_without_owner', 'missing_role', 'schema']);
    expect(acme[0].failure).toMatchObject({ type: 'error', message: '1 problem: action "Ship <v2> & co, 100%" has no owner; add owner: <name>' });
    expect(acme[2].failure).toBeUndefined();
    expect(suites[1].failures).toBe('0');
    expect(xml).not.toContain('<v2>'); // escaped, never markup
  });
});

describe('sarif', () => {
  it('describes every rule once and reports each finding as a located result', () => {
    const log = JSON.parse(sarif(findingsReport()));
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('kam');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(RULE_IDS));
    expect(run.results).toHaveLength(3);
    const [first] = run.results;
    expect(first).toMatchObject({
      ruleId: 'action_without_owner',
      level: 'error',
      message: { text: 'action "Ship <v2> & co, 100%" has no owner; add owner: <name>' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'plans/acme.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 12, startColumn: 5 } } }],
      properties: { account: 'acme' },
    });
    expect(run.tool.driver.rules[first.ruleIndex].id).toBe('action_without_owner');
    expect(JSON.parse(sarif(clean())).runs[0].results).toEqual([]);
  });
});
