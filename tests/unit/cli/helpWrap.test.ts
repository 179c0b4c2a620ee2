import { describe, expect, it } from 'vitest';
import { helpWidth, wrapHelp } from '../../../src/cli/helpWrap.js';

const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));

describe('wrapHelp', () => {
  it('keeps lines that fit exactly as they are', () => {
    const text = '\nShort line one\nshort line two\n\nExamples:\n  $ kam score      ranked table\n';
    expect(wrapHelp(text, 80)).toBe(text);
  });

  it('rewraps a paragraph with a line too long as one paragraph, words whole', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`);
    const text = `${words.slice(0, 15).join(' ')}\n${words.slice(15).join(' ')}`;
    const out = wrapHelp(text, 40);
    expect(widest(out)).toBeLessThanOrEqual(40);
    expect(out.split(/\s+/)).toEqual(words);
  });

  it('wraps an example description under itself, or below the command when the room is short', () => {
    const under = wrapHelp('  $ kam check           every finding grouped by file with completeness and more', 60);
    expect(under.split('\n')).toEqual([
      '  $ kam check           every finding grouped by file with',
      '                        completeness and more',
    ]);
    const below = wrapHelp('  $ kam check --format gitlab -o gl-code-quality-report.json   GitLab Code Quality', 70);
    expect(below.split('\n')).toEqual(['  $ kam check --format gitlab -o gl-code-quality-report.json', '      GitLab Code Quality']);
  });

  it('continues a long command with a backslash, never inside quotes', () => {
    const out = wrapHelp('  $ kam import crm.csv --map "Annual Revenue=revenue.current,ratings.current_revenue" --dry-run', 70);
    const lines = out.split('\n');
    expect(widest(out)).toBeLessThanOrEqual(70);
    expect(lines.slice(0, -1).every((l) => l.endsWith(' \\'))).toBe(true);
    expect(out).toContain('"Annual Revenue=revenue.current,ratings.current_revenue"');
    expect(lines.map((l) => l.replace(/ \\$/, '').trim()).join(' ')).toBe('$ kam import crm.csv --map "Annual Revenue=revenue.current,ratings.current_revenue" --dry-run');
  });

  it('uses the terminal width when narrower than 80, else 80', () => {
    expect(helpWidth({ isTTY: true, columns: 200 })).toBe(80);
    expect(helpWidth({ isTTY: true, columns: 60 })).toBe(60);
    expect(helpWidth({ isTTY: false, columns: 60 })).toBe(80);
    expect(helpWidth({})).toBe(80);
  });
});
