import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_DEFAULTS, RULE_DOCS, type RuleDoc } from '../../../src/check/registry.js';
import { RULE_IDS } from '../../../src/schema/rules.js';

const RULES_PAGE = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');

/** A docs/rules.md table row, generated from the rule registry so the docs cannot drift from the code. */
const row = (r: RuleDoc) => `| \`${r.id}\` | ${r.severity} | ${r.description.replace(/\|/g, '\\|')} | ${r.fix.replace(/\|/g, '\\|')} |`;

describe('docs/rules.md rule table', () => {
  it('the registry describes every rule id, in the spec order', () => {
    expect(RULE_DOCS.map((r) => r.id)).toEqual(RULE_IDS);
    for (const r of RULE_DOCS) {
      expect(r.description.length, r.id).toBeGreaterThan(10);
      expect(r.fix.length, r.id).toBeGreaterThan(10);
      expect(r.example.length, r.id).toBeGreaterThan(10);
      expect(['error', 'warning'], r.id).toContain(r.severity);
    }
  });

  it('RULE_DEFAULTS is read off the rule objects, in the spec order', () => {
    expect(Object.entries(RULE_DEFAULTS)).toEqual(RULE_DOCS.map((r) => [r.id, r.severity]));
  });

  it('has a row for every rule with its default severity, description and fix', () => {
    const table = ['| Rule | Default | What it catches | How to fix |', '| --- | --- | --- | --- |', ...RULE_DOCS.map(row)].join('\n');
    // On failure, paste the expected table into docs/rules.md.
    expect(RULES_PAGE, `docs/rules.md must contain this table:\n${table}\n`).toContain(table);
  });
});
