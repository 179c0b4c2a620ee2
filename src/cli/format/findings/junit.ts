import { RULE_DOCS } from '../../../check/registry.js';
import type { Finding } from '../../../findings/finding.js';
import type { RuleId } from '../../../schema/rules.js';
import type { FindingsFormatter } from './types.js';
import { pushTo } from '../../../util/group.js';
import { plural } from '../../../util/plural.js';
import { escapeXml, escapeXmlAttribute } from '../../../util/xml.js';

const PORTFOLIO = '(portfolio)';
const portfolioRules = new Set(RULE_DOCS.filter((r) => r.portfolio).map((r) => r.id));

/**
 * JUnit XML for CI test reports: a test suite per account with one test case per rule, and a
 * "(portfolio)" suite for repo-wide findings. A test case fails when its rule found an error;
 * one that found only warnings passes, with the warnings as its <system-out>.
 */
export const junit: FindingsFormatter = ({ findings, accounts, rules }) => {
  const ruleIds = rules ?? [...new Set(findings.map((f) => f.rule))];
  const byCase = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.account ?? PORTFOLIO}\u0000${f.rule}`;
    pushTo(byCase, key, f);
  }
  const suiteNames = [...new Set([...(accounts ?? []), ...findings.map((f) => f.account).filter((a): a is string => a !== null)])].sort();
  const suites = suiteNames.map((account) => suite(account, ruleIds.filter((r) => !portfolioRules.has(r)), byCase));
  const repoWide = [...new Set([...ruleIds.filter((r) => portfolioRules.has(r)), ...findings.filter((f) => f.account === null).map((f) => f.rule)])];
  if (repoWide.length > 0) suites.push(suite(PORTFOLIO, repoWide, byCase));
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kam check" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
};

function suite(name: string, ruleIds: RuleId[], byCase: Map<string, Finding[]>): { xml: string; tests: number; failures: number } {
  let failures = 0;
  const cases = ruleIds.map((rule) => {
    const found = byCase.get(`${name}\u0000${rule}`) ?? [];
    const file = found[0] ? ` file="${escapeXmlAttribute(found[0].file)}"` : '';
    const open = `    <testcase classname="${escapeXmlAttribute(name)}" name="${escapeXmlAttribute(rule)}"${file}`;
    if (found.length === 0) return `${open}/>`;
    const body = found.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`).join('\n');
    // Warnings do not fail a test: a job that passes must not show a red test report. They are
    // kept as the test case's output, which CI test report viewers show beside it.
    if (!found.some((f) => f.severity === 'error')) return `${open}>\n      <system-out>${escapeXml(body)}</system-out>\n    </testcase>`;
    failures++;
    const errors = found.filter((f) => f.severity === 'error');
    const summary = `${plural(errors.length, 'problem')}: ${errors[0]!.message}`;
    return `${open}>\n      <failure type="error" message="${escapeXmlAttribute(summary)}">${escapeXml(body)}</failure>\n    </testcase>`;
  });
  const xmlText = [`  <testsuite name="${escapeXmlAttribute(name)}" tests="${ruleIds.length}" failures="${failures}" errors="0">`, ...cases, '  </testsuite>'].join('\n');
  return { xml: xmlText, tests: ruleIds.length, failures };
}
