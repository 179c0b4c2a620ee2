import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { escapeCardMarkdown, escapeMarkdown, markdownCode } from '../../../src/util/markdown.js';

// Hostile text -> what escapeMarkdown writes.
const CASES: [unknown, string][] = [
  ['a | b', 'a \\| b'],
  ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
  ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
  ['line one\nline two\r\nthree\rfour', 'line one<br>line two<br>three<br>four'],
  ['*bold* and `code` and [link](javascript:alert(1))', '\\*bold\\* and \\`code\\` and \\[link\\](javascript:alert(1))'],
  ['![img](x.png)', '!\\[img\\](x.png)'], // (a bare URL stays a URL: GitHub links it, and it is the text itself)
  ['snake_case stays, _emphasis_ does not', 'snake_case stays, \\_emphasis\\_ does not'],
  ['~~struck~~ and ~one~', '\\~\\~struck\\~\\~ and \\~one\\~'],
  ['R&D, &amp; stays literal, &#60; too', 'R&D, &amp;amp; stays literal, &amp;#60; too'],
  ['- not a list', '\\- not a list'],
  ['+ not a list', '\\+ not a list'],
  ['  # not a heading', '  \\# not a heading'],
  ['2027. not a list', '2027\\. not a list'],
  ['1) not a list', '1\\) not a list'],
  ['back\\slash \\*', 'back\\\\slash \\\\\\*'],
  ['{{7*7}}', '{{7\\*7}}'],
  ['Müller 東京 🚀', 'Müller 東京 🚀'],
  ['', ''],
  [undefined, ''],
  [null, ''],
  [42, '42'],
];

/** The text a Markdown reader shows for `md` (one paragraph; <br> read back as a line break). */
const shown = (md: string) =>
  marked
    .parseInline(md, { gfm: true })
    .toString()
    .replace(/<br>/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('escapeMarkdown: the one Markdown escape', () => {
  it.each(CASES)('%j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('a GitHub-flavoured Markdown reader shows the text itself: no markup comes out of it', () => {
    for (const [input] of CASES) {
      if (typeof input !== 'string') continue;
      const html = marked.parseInline(escapeMarkdown(input), { gfm: true }).toString();
      expect(html, input).not.toMatch(/<(?!br>)[a-z]/i);
      expect(shown(escapeMarkdown(input)), input).toBe(input.replace(/\r\n?/g, '\n'));
    }
  });

  it('keeps a table row one row: a cell with pipes and line breaks stays one cell', () => {
    const html = marked.parse(`| a | b |\n| --- | --- |\n| ${escapeMarkdown('x | y\nz')} | ${escapeMarkdown('|')} |\n`, { gfm: true }).toString();
    expect(html.match(/<td>/g)).toHaveLength(2);
    expect(html).toContain('<td>x | y<br>z</td>');
  });
});

describe('markdownCode and escapeCardMarkdown: the other two Markdown contexts', () => {
  it.each([
    ['a`b', "a'b"],
    ['``', "''"],
    ['plain', 'plain'],
  ])('markdownCode(%j) = %j', (input, expected) => {
    expect(markdownCode(input)).toBe(expected);
  });

  it.each([
    ['*bold* _it_ ~s~', '\\*bold\\* \\_it\\_ \\~s\\~'],
    ['[link](http://x)', '\\[link\\]\\(http://x\\)'],
    ['<b> # \\', '\\<b\\> \\# \\\\'],
    ['- item', '\\- item'],
    ['12. item', '12\\. item'],
    ['R&D', 'R&D'], // an Adaptive Card reads no entities: & stays
  ])('escapeCardMarkdown(%j) = %j', (input, expected) => {
    expect(escapeCardMarkdown(input)).toBe(expected);
  });
});
