import { describe, expect, it } from 'vitest';
import { editYaml, formatScalar } from '../../../src/yaml/edit.js';

const ok = (result: ReturnType<typeof editYaml>) => {
  if ('reason' in result) throw new Error(result.reason);
  return result;
};

const ORIGINAL = `# yaml-language-server: $schema=../schema/account.schema.json
# Our oldest customer.
id: acme
name: 'Acme   Corp'    # legal name, keep the spaces
industry:
region: "EMEA"
revenue: { current: 100, potential: 900 }
ratings:
  current_revenue: 2   # bumped in Q3
  fit: 4
  # logo: not rated yet
tags: [legacy, emea]   # free-form
`;

describe('editYaml', () => {
  it('changes only the edited values and keeps every other byte', () => {
    const result = ok(
      editYaml(ORIGINAL, [
        { path: ['name'], value: "Acme's Corp" },
        { path: ['industry'], value: 'Retail' },
        { path: ['region'], value: 'EMEA' },
        { path: ['revenue', 'current'], value: 1200000 },
        { path: ['ratings', 'current_revenue'], value: 4 },
        { path: ['ratings', 'logo'], value: 3 },
        { path: ['manager'], value: 'Dana Whitfield' },
      ]),
    );
    expect(result.text).toBe(`# yaml-language-server: $schema=../schema/account.schema.json
# Our oldest customer.
id: acme
name: 'Acme''s Corp'    # legal name, keep the spaces
industry: Retail
region: "EMEA"
revenue: { current: 1200000, potential: 900 }
ratings:
  current_revenue: 4   # bumped in Q3
  fit: 4
  # logo: not rated yet
  logo: 3
tags: [legacy, emea]   # free-form
manager: Dana Whitfield
`);
    expect(result.changed).toEqual(['name', 'industry', 'revenue.current', 'ratings.current_revenue', 'ratings.logo', 'manager']);
  });

  it('returns the text untouched when nothing changes', () => {
    const result = ok(editYaml(ORIGINAL, [{ path: ['region'], value: 'EMEA' }, { path: ['ratings', 'fit'], value: 4 }]));
    expect(result).toEqual({ text: ORIGINAL, changed: [], previous: {} });
  });

  it('adds missing parents and keys to flow mappings', () => {
    const text = 'name: Beta\r\nrevenue: { current: 5 }\r\n# trailing note';
    const result = ok(
      editYaml(text, [
        { path: ['revenue', 'potential'], value: 50 },
        { path: ['ratings', 'fit'], value: 2 },
        { path: ['ratings', 'logo'], value: 1 },
      ]),
    );
    expect(result.text).toBe('name: Beta\r\nrevenue: { current: 5, potential: 50 }\r\n# trailing note\r\nratings:\r\n  fit: 2\r\n  logo: 1\r\n');
  });

  it('fills an empty parent with a flow mapping', () => {
    const result = ok(editYaml('name: Gamma\nratings:\nnotes: x\n', [{ path: ['ratings', 'fit'], value: 5 }]));
    expect(result.text).toBe('name: Gamma\nratings: { fit: 5 }\nnotes: x\n');
  });

  it('inserts into a nested mapping that is the last item before a root key', () => {
    const text = 'name: D\nratings:\n    fit: 1\nnotes: |\n  first\n  second\n';
    const result = ok(editYaml(text, [{ path: ['ratings', 'logo'], value: 2 }, { path: ['notes'], value: 'one\ntwo' }, { path: ['region'], value: 'APAC' }]));
    expect(result.text).toBe('name: D\nratings:\n    fit: 1\n    logo: 2\nnotes: "one\\ntwo"\nregion: APAC\n');
  });

  it('puts nested keys before root keys that land on the same offset', () => {
    const result = ok(editYaml('name: E\nratings:\n  fit: 1\n', [{ path: ['ratings', 'logo'], value: 2 }, { path: ['region'], value: 'X' }]));
    expect(result.text).toBe('name: E\nratings:\n  fit: 1\n  logo: 2\nregion: X\n');
  });

  it('refuses files it cannot edit safely', () => {
    expect(editYaml('name: [unclosed\n', [{ path: ['name'], value: 'x' }])).toHaveProperty('reason');
    expect(editYaml('- a\n- b\n', [{ path: ['name'], value: 'x' }])).toHaveProperty('reason');
    expect(editYaml('name: x\nrevenue: 5\n', [{ path: ['revenue', 'current'], value: 1 }])).toMatchObject({ reason: expect.stringContaining('"revenue" in the file is not a mapping') });
    expect(editYaml('name: x\nratings: { fit: [1] }\n', [{ path: ['ratings', 'fit'], value: 1 }])).toHaveProperty('reason');
  });

  it('tells what a changed value was before', () => {
    expect(ok(editYaml('name: Müller & Söhne GmbH # legal\n', [{ path: ['name'], value: 'Müller & Söhne AG' }]))).toEqual({
      text: 'name: Müller & Söhne AG # legal\n',
      changed: ['name'],
      previous: { name: 'Müller & Söhne GmbH' },
    });
  });

  // Through an anchor and its aliases one node is several fields: an edit of one would change all.
  it.each([
    ['an anchored value other fields alias', 'name: &n Acme\nnotes: *n\n', ['name'], 'Acme AG'],
    ['an alias', 'industry: &i Retail\nregion: *i\nname: x\n', ['region'], 'EMEA'],
    ['a key inside an anchored mapping', 'name: x\nrevenue: &r { current: 1 }\nnotes: see\nratings: { fit: 1 }\nextra: *r\n', ['revenue', 'potential'], 5],
    ['a key inside an aliased mapping', 'name: x\nbase: &b { fit: 1 }\nratings: *b\n', ['ratings', 'fit'], 4],
  ] as const)('refuses to edit %s, and leaves every other field as it was', (_what, text, path, value) => {
    const result = editYaml(text, [{ path: [...path] as [string] | [string, string], value }]);
    expect(result).toEqual({ reason: expect.stringMatching(/anchor|alias|also change/) });
  });

  it('edits a file with aliases elsewhere when the edited node is not shared', () => {
    const text = 'name: Acme\nindustry: &i Retail\nnotes: *i\n';
    expect(ok(editYaml(text, [{ path: ['name'], value: 'Acme AG' }])).text).toBe('name: Acme AG\nindustry: &i Retail\nnotes: *i\n');
  });
});

describe('formatScalar', () => {
  it.each([
    ['Crème Brûlée AG', undefined, false, 'Crème Brûlée AG'],
    ['Smith, Jones & Co', undefined, false, 'Smith, Jones & Co'],
    ['Smith, Jones & Co', undefined, true, '"Smith, Jones & Co"'],
    ['#1 customer', undefined, false, '"#1 customer"'],
    ['123', undefined, false, '"123"'],
    ['two\nlines', undefined, false, '"two\\nlines"'],
    ['plain', 'QUOTE_DOUBLE', false, '"plain"'],
    ["it's", 'QUOTE_SINGLE', false, "'it''s'"],
    [42, undefined, true, '42'],
  ] as const)('%j', (value, style, flow, expected) => expect(formatScalar(value, style, flow)).toBe(expected));
});
