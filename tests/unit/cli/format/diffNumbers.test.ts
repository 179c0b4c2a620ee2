import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { numbersChange } from '../../../../src/cli/format/diff/cells.js';
import { markdown } from '../../../../src/cli/format/diff/markdown.js';
import { table } from '../../../../src/cli/format/diff/table.js';
import type { AccountState, StateNumbers } from '../../../../src/git/accountState.js';
import { compareAccounts as compareSnapshots, type AccountChange } from '../../../../src/git/changes.js';

const numbers = (over: Partial<StateNumbers> = {}): StateNumbers => ({
  currency: 'USD',
  target: 3_400_000,
  coverage: 0.621,
  renewing: 500_000,
  at_risk: 0,
  next_renewal: { id: 'planning-suite', end: '2027-09-30', renewal: 'likely' },
  ...over,
});
const state = (n?: StateNumbers): AccountState => ({ score: 70, tier: 'Tier 1', quadrant: 'Strategic', completeness: 50, health: 60, band: 'amber', ...(n ? { numbers: n } : {}) });
const change = (before: StateNumbers | undefined, after: StateNumbers | undefined, kind: AccountChange['kind'] = 'changed'): AccountChange => ({
  id: 'acme',
  kind,
  before: kind === 'added' ? null : state(before),
  after: kind === 'removed' ? null : state(after),
  findings: { new: [], resolved: [] },
});

describe('numbers in a diff', () => {
  it.each([
    ['a higher target lowers coverage', numbers(), numbers({ target: 3_800_000, coverage: 0.466 }), ['target 3,400,000 USD → 3,800,000 USD', 'coverage 62.1% → 46.6%']],
    ['a renewal goes at risk', numbers(), numbers({ at_risk: 500_000, next_renewal: { id: 'planning-suite', end: '2027-09-30', renewal: 'at_risk' } }), ['at risk 0 USD → 500,000 USD', 'next renewal planning-suite ending 2027-09-30 (likely) → planning-suite ending 2027-09-30 (at risk)']],
    ['the target is met: no division, words', numbers(), numbers({ coverage: null }), ['coverage 62.1% → target met']],
    ['a target set for the first time', undefined, numbers({ renewing: null, at_risk: null, next_renewal: null }), ['target – → 3,400,000 USD', 'coverage – → 62.1%']],
    ['the last contract renewed', numbers(), numbers({ renewing: 0, next_renewal: null }), ['renewing 500,000 USD → 0 USD', 'next renewal planning-suite ending 2027-09-30 (likely) → none']],
    ['coverage that rounds the same is no change', numbers({ coverage: 0.62101 }), numbers({ coverage: 0.62104 }), []],
  ])('%s', (_name, before, after, words) => {
    expect(numbersChange(change(before, after))).toEqual(words);
  });

  it('says nothing for an added or removed account, or one without numbers', () => {
    expect(numbersChange(change(undefined, numbers(), 'added'))).toEqual([]);
    expect(numbersChange(change(numbers(), undefined, 'removed'))).toEqual([]);
    expect(numbersChange(change(undefined, undefined))).toEqual([]);
  });

  it('makes an account whose only change is its numbers a change', () => {
    const before = { states: new Map([['acme', state(numbers())]]), findings: [] };
    const same = { states: new Map([['acme', state(numbers())]]), findings: [] };
    const moved = { states: new Map([['acme', state(numbers({ target: 3_800_000, coverage: 0.466 }))]]), findings: [] };
    expect(compareSnapshots(before, same)).toEqual([]);
    expect(compareSnapshots(before, moved).map((c) => c.id)).toEqual(['acme']);
  });

  it('lists the numbers under the table in the terminal and in a pull-request comment', () => {
    const diff = { base: 'main', head: 'worktree', changes: [change(numbers(), numbers({ target: 3_800_000, coverage: 0.466 }))] };
    const chalk = new Chalk({ level: 0 });
    expect(table({ diff, chalk })).toContain('\nNumbers\n  acme: target 3,400,000 USD → 3,800,000 USD, coverage 62.1% → 46.6%\n');
    expect(markdown({ diff, chalk })).toContain('\n**Numbers**\n\n- `acme`: target 3,400,000 USD → 3,800,000 USD, coverage 62.1% → 46.6%\n');
  });
});
