import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { registerHelpers } from '../../../src/render/helpers.js';
import { plural, pluralWord } from '../../../src/util/plural.js';

describe('plural: the one counted noun', () => {
  it.each([
    [1, 'day', undefined, '1 day'],
    [0, 'day', undefined, '0 days'],
    [2, 'day', undefined, '2 days'],
    [-1, 'day', undefined, '-1 days'], // "1 day after" is written by the caller from -age
    [-0, 'day', undefined, '0 days'],
    [1.5, 'day', undefined, '1.5 days'],
    [1 - Number.EPSILON, 'day', undefined, '0.9999999999999998 days'], // only exactly 1 is singular
    [Number.NaN, 'day', undefined, 'NaN days'],
    [Number.POSITIVE_INFINITY, 'finding', undefined, 'Infinity findings'],
    [Number.MAX_SAFE_INTEGER, 'finding', undefined, '9007199254740991 findings'],
    [1e21, 'finding', undefined, '1e+21 findings'],
    [1, 'opportunity', 'opportunities', '1 opportunity'],
    [3, 'opportunity', 'opportunities', '3 opportunities'],
    [2, 'checklist question', undefined, '2 checklist questions'],
    [2, '', undefined, '2 s'],
    [2, '<b>&\u001b[2J', undefined, '2 <b>&\u001b[2Js'], // no escaping: the writer of the format escapes
  ] as const)('plural(%s, %j, %j) is %j', (count, one, many, expected) => {
    expect(plural(count, one, many)).toBe(expected);
    expect(pluralWord(count, one, many)).toBe(expected.slice(String(count).length + 1));
  });

  it('is what the {{plural}} template helper writes, for whatever a template passes it', () => {
    const env = Handlebars.create();
    registerHelpers(env, 'USD');
    const render = (count: unknown, tail = '') => env.compile(`{{plural n "opportunity"${tail}}}`)({ n: count });
    expect(render(1)).toBe('1 opportunity');
    expect(render(2, ' "opportunities"')).toBe('2 opportunities');
    expect(render(2)).toBe('2 opportunitys');
    expect(render('1')).toBe('1 opportunity'); // a number read as text
    expect(render(undefined)).toBe('0 opportunitys');
    expect(render(null, ' "opportunities"')).toBe('0 opportunities');
    expect(render('many', ' "opportunities"')).toBe('NaN opportunities');
  });
});
