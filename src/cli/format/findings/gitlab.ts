import { createHash } from 'node:crypto';
import { findingIdentity } from '../../../findings/finding.js';
import { displayPath } from './stylish.js';
import type { FindingsFormatter } from './types.js';

/**
 * GitLab Code Quality (plan-format-1.1.md, section 8): a JSON array the merge request widget
 * reads. The fingerprint is a SHA-256 of the finding's identity (never its line or message), so
 * it stays the same from run to run; a second finding with the same identity gets its ordinal
 * mixed in, so fingerprints are unique within a report.
 */
export const gitlab: FindingsFormatter = ({ findings, root, cwd }) => {
  const seen = new Map<string, number>();
  const issues = findings.map((f) => {
    const identity = findingIdentity(f);
    const n = seen.get(identity) ?? 0;
    seen.set(identity, n + 1);
    return {
      description: f.message,
      check_name: f.rule,
      fingerprint: createHash('sha256').update(n === 0 ? identity : `${identity}\u0000${n}`).digest('hex'),
      severity: f.severity === 'error' ? 'major' : 'minor',
      location: { path: displayPath(root, cwd, f.file), lines: { begin: f.line } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
};
