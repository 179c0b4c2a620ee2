import { describe, expect, it } from 'vitest';
import { KamError } from '../../../src/errors.js';
import { labelKey, resolveBand, resolveManager, resolvePerson, resolveTier, select, selectionNote, withBands, type AccountIndex, type Scope } from '../../../src/analysis/select.js';

// An index as analyze() makes it: two tiers, the untiered label, an account that needs rating, one
// with errors (no name, no manager), one plan without an account.
const INDEX: AccountIndex = {
  accounts: [
    { id: 'acme', file: 'accounts/acme.yaml', name: 'Acme Corp', manager: 'Ann Lee', tier: 'Tier 1', needsRating: false },
    { id: 'bolt', file: 'accounts/bolt.yaml', name: 'Bolt', manager: 'ann  LEE', tier: 'Tier 2', needsRating: false },
    { id: 'cask', file: 'accounts/cask.yaml', name: 'Cask', manager: 'Bo Ng', tier: 'Watch list', needsRating: false },
    { id: 'dune', file: 'accounts/dune.yaml', name: 'Dune', manager: 'Bo Ng', tier: null, needsRating: true },
    { id: 'echo', file: 'accounts/echo.yaml', manager: null, tier: null, needsRating: false },
  ],
  plans: [
    { id: 'acme', file: 'plans/acme.yaml' },
    { id: 'cask', file: 'plans/cask.yaml' },
    { id: 'orphan', file: 'plans/orphan.yaml' },
  ],
  tiers: ['Tier 1', 'Tier 2'],
  untiered: 'Watch list',
  people: ['Ann Lee', 'Bo Ng', 'Cy Oh'],
};
const WHERE = { root: '/repo', cwd: '/repo' };
const ids = (scope: Scope, index = INDEX) => {
  const s = select(index, scope, WHERE);
  return s.ids === null ? null : [...s.ids].sort();
};

describe('select: one resolver for every kind of name', () => {
  it.each<[string, Scope, string[] | null]>([
    ['nothing narrows', {}, null],
    ['a tier, any case and spacing', { tier: ' tier  1 ' }, ['acme']],
    ['the untiered label is a tier name', { tier: 'WATCH LIST' }, ['cask']],
    ['"needs rating" lists the accounts rated too little for a tier', { tier: 'Needs Rating' }, ['dune']],
    ['a manager by the people rule (case, runs of spaces)', { manager: 'ANN   lee' }, ['acme', 'bolt']],
    ['manager and tier together', { manager: 'Ann Lee', tier: 'Tier 2' }, ['bolt']],
    ['accounts by id, file and name', { accounts: ['acme', 'accounts/bolt.yaml', 'cask'] }, ['acme', 'bolt', 'cask']],
    ['an account by its name, any case', { accounts: ['acme corp'] }, ['acme']],
    ['a plan-only id', { accounts: ['plans/orphan.yaml'] }, ['orphan']],
    ['an owner narrows no account', { owner: 'cy oh' }, null],
  ])('%s', (_, scope, expected) => {
    expect(ids(scope)).toEqual(expected);
  });

  it.each<[string, Scope, RegExp]>([
    ['an unknown tier, with a did-you-mean', { tier: 'Tier 3' }, /^--tier "Tier 3" is not a tier; did you mean "Tier 1"\?$/],
    ['an unknown tier far from any, with the list', { tier: 'gold' }, /^--tier "gold" is not a tier; tiers are "Tier 1", "Tier 2", "Watch list", "needs rating"$/],
    ['an unknown manager, with a did-you-mean', { manager: 'Ann Le' }, /^--manager "Ann Le": no account is managed by that name; did you mean "Ann Lee"\?$/],
    ['an unknown manager far from any, with the list', { manager: 'Zed' }, /^--manager "Zed": no account is managed by that name; managers are "Ann Lee", "Bo Ng", "ann {2}LEE"$/],
    ['an unknown band', { band: 'blue' }, /^--band "blue" is not a band; bands are red, amber and green$/],
    ['an unknown owner', { owner: 'Cy O' }, /^--owner "Cy O": nobody of that name manages an account or owns an item in a plan; did you mean "Cy Oh"\?$/],
    ['an unknown account', { accounts: ['acmee'] }, /^no account "acmee"; did you mean "acme"\?/],
  ])('rejects %s as a usage error (KamError)', (_, scope, message) => {
    expect(() => select(INDEX, scope, WHERE)).toThrow(KamError);
    expect(() => select(INDEX, scope, WHERE)).toThrow(message);
  });

  it('checks every name before filtering: a typo is an error even when another filter already selects nothing', () => {
    expect(() => select(INDEX, { accounts: ['echo'], tier: 'Tier 9' }, WHERE)).toThrow(/--tier "Tier 9"/);
  });

  it('keeps a repo-wide finding (no account) only for --manager alone, and only its manager\'s', () => {
    const load = { file: 'kam.yaml', account: null, manager: 'ann lee' };
    const other = { file: 'kam.yaml', account: null, manager: 'Bo Ng' };
    const byManager = select(INDEX, { manager: 'Ann Lee' }, WHERE);
    expect([byManager.hasFinding(load), byManager.hasFinding(other)]).toEqual([true, false]);
    expect(select(INDEX, { manager: 'Ann Lee', tier: 'Tier 1' }, WHERE).hasFinding(load)).toBe(false);
    expect(select(INDEX, {}, WHERE).hasFinding(other)).toBe(true);
    expect(byManager.hasFinding({ file: 'plans/acme.yaml', account: 'acme' })).toBe(true);
    expect(byManager.hasFinding({ file: 'plans/cask.yaml', account: 'cask' })).toBe(false);
  });

  it('keeps items by account and by owner (the people rule)', () => {
    const s = select(INDEX, { manager: 'Bo Ng', owner: 'CY  OH' }, WHERE);
    expect(s.hasItem({ account: 'cask', owner: 'Cy Oh' })).toBe(true);
    expect(s.hasItem({ account: 'cask', owner: 'Bo Ng' })).toBe(false);
    expect(s.hasItem({ account: 'cask', owner: null })).toBe(false);
    expect(s.hasItem({ account: 'acme', owner: 'Cy Oh' })).toBe(false);
    expect(s.resolved).toMatchObject({ manager: 'Bo Ng', owner: 'Cy Oh' });
  });

  it('selects by band once the bands are known', () => {
    const index = withBands(INDEX, [
      { id: 'acme', band: 'red' },
      { id: 'cask', band: 'green' },
    ]);
    expect(ids({ band: 'RED' }, index)).toEqual(['acme']);
    expect(ids({ band: 'green', manager: 'bo ng' }, index)).toEqual(['cask']);
  });

  it('writes the note of a narrowed report with the names as the repo spells them', () => {
    expect(selectionNote(select(INDEX, { manager: 'ann lee', tier: 'tier 2' }, WHERE), '--manager/--tier')).toBe('only the 1 account managed by Ann Lee and in tier Tier 2 (--manager/--tier)');
    expect(selectionNote(select(INDEX, { manager: 'bo ng' }, WHERE), '--manager')).toBe('only the 2 accounts managed by Bo Ng (--manager)');
    expect(selectionNote(select(INDEX, {}, WHERE), '--manager')).toBeNull();
  });

  it('resolves each kind of name on its own, returning the repo spelling', () => {
    expect(resolveTier(INDEX, 'tier 2')).toBe('Tier 2');
    expect(resolveManager(INDEX, 'BO NG')).toBe('Bo Ng');
    expect(resolvePerson(INDEX.people!, 'ann lee')).toBe('Ann Lee');
    expect(resolveBand(' Amber ')).toBe('amber');
    expect(labelKey('  Tier\t 1 ')).toBe('tier 1');
  });
});
