import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../../src/util/didYouMean.js';
import { slugify } from '../../../src/util/slug.js';

describe('did you mean', () => {
  it('measures edit distance', () => {
    expect(editDistance('manger', 'manager')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests close keys, and nothing for unrelated ones', () => {
    const keys = ['name', 'manager', 'industry', 'region', 'revenue', 'ratings'];
    expect(closest('manger', keys)).toBe('manager');
    expect(closest('Regoin', keys)).toBe('region');
    expect(closest('colour', keys)).toBeUndefined();
  });

  it('completes a question name to its full id', () => {
    expect(closest('executive_sponsor', ['our_team.executive_sponsor', 'needs.budget_cycle'])).toBe('our_team.executive_sponsor');
  });
});

describe('slugify', () => {
  it.each([
    ['Crème Brûlée AG', 'creme-brulee-ag'],
    ['Northwind Traders', 'northwind-traders'],
    ['Ørsted A/S', 'orsted-a-s'],
    ['AT&T', 'at-and-t'],
    ['  --Weird__Name!! ', 'weird-name'],
    ['Straße 7', 'strasse-7'],
  ])('%s -> %s', (name, slug) => expect(slugify(name)).toBe(slug));
});
