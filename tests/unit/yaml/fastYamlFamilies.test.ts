// Families of documents where a red team found the fast path answering differently from `yaml`
// (issue 14): block scalars with keep chomping, indentation indicators and lines of only
// whitespace; lines of only spaces and tabs; content on `---` lines; escapes past U+10FFFF;
// nesting past the position index's depth. The fast path must answer like `yaml` or decline.
// KAM_FUZZ_RUNS=50000 npx vitest run tests/unit/yaml/fastYamlFamilies.test.ts digs deeper.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYamlFast } from '../../../src/yaml/fastYaml.js';
import { MAX_NESTING, parseWithYaml } from '../../../src/yaml/parseYaml.js';
import { MAX_INDEX_DEPTH } from '../../../src/yaml/positions.js';

const RUNS = { numRuns: Number(process.env.KAM_FUZZ_RUNS ?? 3000) };

function expectAgreement(text: string): boolean {
  const fast = parseYamlFast(text);
  if (!fast) return false;
  const slow = parseWithYaml(text, 'x.yaml', 'x');
  expect(slow.findings, `yaml finds problems the fast path missed in:\n${JSON.stringify(text)}`).toEqual([]);
  expect(fast.data, `different data for:\n${JSON.stringify(text)}`).toStrictEqual(slow.data);
  expect(fast.index.toString(), `different positions for:\n${JSON.stringify(text)}`).toBe(slow.index.toString());
  return true;
}

/** Lines of a block scalar: content at, above or below the indentation, and lines of only whitespace. */
const blockLine = fc.oneof(
  fc.constantFrom('text', 'more words', '# not a comment', 'a: b', '- item'),
  fc.constantFrom('', ' ', '  ', '   ', '    ', '      ', '\t', ' \t', '\t ', '  \t  '),
);
const blockScalar = fc
  .tuple(
    fc.constantFrom('|', '>', '|-', '>-', '|+', '>+', '|1', '|2', '>2', '|1-', '|-2', '>+1', '|4+'),
    fc.array(fc.tuple(blockLine, fc.integer({ min: 0, max: 3 })), { minLength: 0, maxLength: 6 }),
    fc.integer({ min: 1, max: 3 }),
    fc.constantFrom('', '\n', '\n\n', '\n  \n', '\n \t\n'),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([header, lines, indent, tail, nested, after]) => {
    const base = nested ? 2 : 0;
    const body = lines.map(([l, extra]) => (l.trim() === '' ? l : ' '.repeat(base + indent + extra) + l)).join('\n');
    const head = nested ? 'outer:\n  block: ' : 'block: ';
    return `first: 1\n${head}${header}\n${body}${tail}${after ? `${nested ? '  ' : ''}after: x\n` : ''}`;
  });

/** Lines of only spaces and tabs between, inside and after ordinary entries. */
const whitespaceLines = fc
  .array(fc.oneof(fc.constantFrom('a: 1', 'b:', '  c: 2', '  - x', 'd: [1, 2]', 'e: "q"', 'f: plain text'), fc.constantFrom('', ' ', '\t', ' \t ', '\t\t', '  \t')), { minLength: 1, maxLength: 8 })
  .map((lines) => `${lines.join('\n')}\n`);

/** Document markers with and without content, comments and spaces. */
const markers = fc
  .tuple(fc.constantFrom('---', '--- ', '---#c', '--- #c', '--- a: 1', '--- x', '---\t', '...', '... x', '--- |\n  t', '--- >-\n  t'), fc.constantFrom('a: 1\n', 'b: [1]\n', ''))
  .map(([m, rest]) => `${m}\n${rest}`);

/** Double-quoted escapes, valid and not. */
const escapes = fc
  .array(fc.constantFrom('\\U0001F600', '\\U00110000', '\\UFFFFFFFF', '\\U0000D800', '\\uD800', '\\uDC00', '\\x41', '\\u00e9', 'a', '\\U0010FFFF', '\\U'), { minLength: 1, maxLength: 4 })
  .map((parts) => `a: "${parts.join('')}"\nb: 1\n`);

/** Keys that resolve to null, bool or numbers, in block and flow. */
const oddKeys = fc
  .tuple(fc.constantFrom('null', '~', 'Null', 'NULL', '""', "''", '"null"', 'true', '1', '0x1', '-0'), fc.boolean())
  .map(([k, flow]) => (flow ? `m: {${k}: 4}\n` : `m:\n  ${k}: 4\n`));

/** After a block scalar, a comment line indented with spaces and tabs (issue 24). */
const commentAfterBlock = fc
  .tuple(fc.constantFrom('|', '>', '|-', '>+'), fc.constantFrom(' \t', '\t ', '\t', '  \t', ' \t '), fc.constantFrom('# c', '#', '#c d', '- x', 'x'), fc.constantFrom('', 'b: 1\n', '  more\n'), fc.boolean())
  .map(([header, indent, line, rest, nested]) => (nested ? `o:\n  a: ${header}\n    text\n${indent}${line}\n${rest ? `  ${rest}` : ''}` : `a: ${header}\n  text\n${indent}${line}\n${rest}`));

/** A first line of tabs (and spaces) before `---` or other content (issue 24). */
const tabFirstLine = fc
  .tuple(fc.constantFrom('\t', ' \t', '\t ', '\t\t'), fc.constantFrom('---', '--- ', '---\t', '...', '# c', 'a: 1'), fc.constantFrom('a: 1\n', 'b: [1]\n', ''))
  .map(([lead, first, rest]) => `${lead}${first}\n${rest}`);

describe('fast path families (issue 14)', () => {
  it('a comment line indented with a space and a tab after a block scalar (issue 24)', () => {
    fc.assert(fc.property(commentAfterBlock, (text) => void expectAgreement(text)), { numRuns: Math.min(RUNS.numRuns, 2000) });
  });
  it('a first line of a tab then --- (issue 24)', () => {
    fc.assert(fc.property(tabFirstLine, (text) => void expectAgreement(text)), { numRuns: Math.min(RUNS.numRuns, 500) });
  });
  it('block scalars: keep chomping, indentation indicators, lines of only whitespace', () => {
    fc.assert(fc.property(blockScalar, (text) => void expectAgreement(text)), RUNS);
  });
  it('lines of only spaces and tabs', () => {
    fc.assert(fc.property(whitespaceLines, (text) => void expectAgreement(text)), RUNS);
  });
  it('document markers with content', () => {
    fc.assert(fc.property(markers, (text) => void expectAgreement(text)), { numRuns: Math.min(RUNS.numRuns, 2000) });
  });
  it('escapes in double quotes', () => {
    fc.assert(fc.property(escapes, (text) => void expectAgreement(text)), { numRuns: Math.min(RUNS.numRuns, 2000) });
  });
  it('keys that are not plain text', () => {
    fc.assert(fc.property(oddKeys, (text) => void expectAgreement(text)), { numRuns: Math.min(RUNS.numRuns, 500) });
  });

  it.each([
    ['a: |+\n  x\n  ', 'keep chomping with a whitespace-only last line, no final newline'],
    ['a: |2\n   x\n  \n', 'indentation indicator'],
    ['a: |\n  x\n   \n', 'whitespace-only line after the content'],
    ['a: 1\n \t \nb: 2\n', 'a blank line with a tab'],
    ['--- a: 1\n', 'content on the --- line'],
    ['---#c\na: 1\n', '--- followed by #'],
    ['a: "\\U00110000"\n', 'an escape past U+10FFFF'],
    ['a: |\n  text\n \t# c\nb: 1\n', 'a comment indented with a space and a tab after a block scalar'],
    ['\t---\na: 1\n', 'a first line of a tab then ---'],
  ])('declines %j (%s)', (text) => {
    expect(parseYamlFast(text)).toBeUndefined();
  });

  it('still answers for ordinary block scalars', () => {
    for (const text of ['a: |\n  x\n  y\n', 'a: >-\n  folded\n  text\n\nb: 1\n', 'a: |\n  x\n\n  y\n']) expect(expectAgreement(text), text).toBe(true);
  });

  it('declines nesting past the position index depth; yaml reads it up to its limit', () => {
    const nested = (n: number) => `a: ${'{b: '.repeat(n)}1${'}'.repeat(n)}\n`;
    expect(parseYamlFast(nested(MAX_INDEX_DEPTH + 1))).toBeUndefined();
    expect(expectAgreement(nested(MAX_INDEX_DEPTH - 2))).toBe(true);
    expect(parseWithYaml(nested(MAX_INDEX_DEPTH + 5), 'x.yaml', 'x').findings).toEqual([]);
  });
});

describe('yaml path: explicit limits and located messages (issue 14)', () => {
  const messages = (text: string) => parseWithYaml(text, 'x.yaml', 'x').findings.map((f) => `${f.line}:${f.column} ${f.message}`);

  it.each([
    ['flow', (n: number) => `a: ${'['.repeat(n)}${']'.repeat(n)}\n`],
    ['flow mappings', (n: number) => `a: ${'{b: '.repeat(n)}1${'}'.repeat(n)}\n`],
  ])('deep %s nesting: one message from the explicit limit, never a stack overflow', (_, make) => {
    const message = `the document nests collections more than ${MAX_NESTING} levels deep, more than kam reads; flatten it (plan files need a few levels)`;
    for (const n of [MAX_NESTING + 5, 5000, 30000]) {
      const found = parseWithYaml(make(n), 'x.yaml', 'x').findings;
      expect(found.map((f) => `${f.line}:${f.column} ${f.message}`), String(n)).toEqual([`1:1 ${message}`]);
      // Where it is reported depends on the document only, never on the thread's stack size.
      expect(parseWithYaml(make(n), 'x.yaml', 'x').findings).toEqual(found);
    }
    expect(messages(make(MAX_NESTING - 10))).toEqual([]);
  });

  it('locates a key that is a list or a mapping at its own line', () => {
    expect(messages('name: x\nother:\n  [x]: 1\n')).toEqual(['3:3 a key must be text, not a list; write the key as plain text (e.g. name: value)']);
    expect(messages('name: x\n{a: 1}: 2\n')).toEqual(['2:1 a key must be text, not a mapping; write the key as plain text (e.g. name: value)']);
  });

  it('names YAML 1.1 timestamps and binary data for what they are', () => {
    expect(messages('%YAML 1.1\n---\nname: x\ndue: 2026-01-05\n')).toEqual([
      '4:6 a YAML 1.1 timestamp is not text: kam reads dates as text (YYYY-MM-DD); remove the %YAML 1.1 line or quote the date',
    ]);
    expect(messages('name: x\nlogo: !!binary aGVsbG8=\n')).toEqual(['2:16 the value is binary data (!!binary), not text, a number or true/false; kam files hold plain text: remove the tag']);
  });

  it('a key written null keeps its name', () => {
    expect(parseWithYaml('m:\n  null: 4\n  ~: 5\n', 'x.yaml', 'x').data).toEqual({ m: { null: 4, '~': 5 } });
  });
});
