import { describe, expect, it } from 'vitest';
import type { AccountState } from '../../../src/git/accountState.js';
import { compareAccounts as compareSnapshots, type Snapshot } from '../../../src/git/changes.js';
import { findingIdentity, type Finding } from '../../../src/findings/finding.js';
import { makeFinding } from '../../../src/findings/makeFinding.js';
import { RULES_BY_ID } from '../../../src/check/registry.js';

const st = (score: number | null, completeness: number | null = 50): AccountState => ({ score, tier: score === null ? null : score >= 75 ? 'Tier 1' : 'Not key', quadrant: null, completeness, health: null, band: null });
const snap = (states: Record<string, AccountState>, findings: Finding[] = []): Snapshot => ({ states: new Map(Object.entries(states)), findings });
const unanswered = (account: string, question: string, line: number) =>
  makeFinding(RULES_BY_ID.unanswered_question, { file: `plans/${account}.yaml`, account, line, column: 3 }, `unanswered: ${question}`, { question });

describe('compareSnapshots', () => {
  it('classifies added, removed and changed accounts, sorted by id, leaving unchanged ones out', () => {
    const before = snap({ b: st(80), a: st(50), same: st(60) });
    const after = snap({ c: st(40), a: st(52.5), same: st(60) });
    expect(compareSnapshots(before, after).map((c) => [c.id, c.kind, c.before?.score ?? null, c.after?.score ?? null])).toEqual([
      ['a', 'changed', 50, 52.5],
      ['b', 'removed', 80, null],
      ['c', 'added', null, 40],
    ]);
  });

  it('matches findings across line shifts and severity changes, not across questions', () => {
    const moved = unanswered('a', 'q1', 9);
    const promoted = { ...unanswered('a', 'q2', 4), severity: 'error' as const };
    const before = snap({ a: st(50) }, [unanswered('a', 'q1', 4), unanswered('a', 'q2', 5), unanswered('a', 'q3', 6)]);
    const after = snap({ a: st(50) }, [moved, promoted, unanswered('a', 'q4', 6)]);
    const [change] = compareSnapshots(before, after);
    expect(change!.findings).toEqual({ new: [unanswered('a', 'q4', 6)], resolved: [unanswered('a', 'q3', 6)] });
  });

  it('counts identical findings: a second copy is new', () => {
    const f = unanswered('a', 'q1', 4);
    const [change] = compareSnapshots(snap({ a: st(50) }, [f]), snap({ a: st(50) }, [f, { ...f, line: 8 }]));
    expect(change!.findings.new).toEqual([{ ...f, line: 8 }]);
    expect(change!.findings.resolved).toEqual([]);
  });

  it('reports an account whose only change is its findings, and ignores findings about no account', () => {
    const portfolio = makeFinding(RULES_BY_ID.too_many_key_accounts, { file: 'kam.yaml', account: null, line: 1, column: 1 }, 'too many');
    const changes = compareSnapshots(snap({ a: st(50), b: st(60) }), snap({ a: st(50), b: st(60) }, [unanswered('b', 'q1', 3), portfolio]));
    expect(changes.map((c) => [c.id, c.kind, c.findings.new.length])).toEqual([['b', 'changed', 1]]);
  });

  it('treats a reworded message as the same finding, as check --since does (one identity)', () => {
    const before = snap({ a: st(50) }, [unanswered('a', 'q1', 4)]);
    const after = snap({ a: st(50) }, [{ ...unanswered('a', 'q1', 4), message: 'open question: q1' }]);
    expect(compareSnapshots(before, after)).toEqual([]);
    expect(findingIdentity(unanswered('a', 'q1', 4))).toBe(findingIdentity({ ...unanswered('a', 'q1', 4), message: 'open question: q1' }));
  });

  it('keys a finding without its position or severity', () => {
    const f = unanswered('a', 'q1', 4);
    expect(findingIdentity(f)).toBe(findingIdentity({ ...f, line: 40, column: 1, severity: 'error' }));
    expect(findingIdentity(f)).not.toBe(findingIdentity({ ...f, file: 'plans/b.yaml' }));
  });
});
