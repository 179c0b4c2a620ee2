import { Chalk } from 'chalk';
import type { Finding } from '../../../../src/findings/finding.js';
import { makeFinding } from '../../../../src/findings/makeFinding.js';
import { RULES_BY_ID } from '../../../../src/check/registry.js';
import { summarize } from '../../../../src/findings/severity.js';
import type { FindingsReport } from '../../../../src/cli/format/findings/types.js';

/** Synthetic findings: an error, a warning with a rule field, and one no account owns; a message with characters every format must escape. */
export function findingsFixture(): Finding[] {
  return [
    makeFinding(RULES_BY_ID.action_without_owner, { file: 'plans/acme.yaml', account: 'acme', line: 12, column: 5, path: ['actions', 1, 'owner'] }, 'action "Ship <v2> & co, 100%" has no owner; add owner: <name>'),
    makeFinding(RULES_BY_ID.missing_role, { file: 'plans/acme.yaml', account: 'acme', line: 3, column: 1, path: ['team'] }, 'no one on the team has the role "sponsor"', { role: 'sponsor' }),
    makeFinding(RULES_BY_ID.too_many_key_accounts, { file: 'kam.yaml', account: null, line: 1, column: 1, path: [] }, '13 key accounts, more than 12'),
  ];
}

export const noColor = new Chalk({ level: 0 });

export function findingsReport(overrides: Partial<FindingsReport> = {}): FindingsReport {
  const findings = overrides.findings ?? findingsFixture();
  return { findings, summary: summarize(findings, 2, 1), root: '/repo', cwd: '/repo', chalk: noColor, ...overrides };
}
