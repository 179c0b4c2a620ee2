import { describe, expect, it } from 'vitest';
import { SLUG_RE } from '../../../src/schema/common.js';
import { slugify } from '../../../src/util/slug.js';

describe('slugify', () => {
  it.each([
    ['Crème Brûlée AG', 'creme-brulee-ag'],
    ['Ørsted A/S', 'orsted-a-s'],
    ['AT&T', 'at-and-t'],
    ['Johnson & Johnson', 'johnson-and-johnson'],
    ['  --weird__name!! ', 'weird-name'],
    ['Straße GmbH', 'strasse-gmbh'],
    ['Łódź Sp. z o.o.', 'lodz-sp-z-o-o'],
    ["L'Oréal", 'loreal'],
    ['Macy’s', 'macys'],
    ['Œuvre SA', 'oeuvre-sa'],
    ['Þór ehf', 'thor-ehf'],
    ['Đà Nẵng Port', 'da-nang-port'],
    ['İstanbul A.Ş.', 'istanbul-a-s'],
    ['3M', '3m'],
    ['ÆRØ Shipping', 'aero-shipping'],
  ])('%j -> %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
    expect(slug).toMatch(SLUG_RE);
  });

  it('gives an empty id when nothing is spellable in ASCII', () => {
    expect(slugify('東京')).toBe('');
    expect(slugify('!!!')).toBe('');
  });
});
