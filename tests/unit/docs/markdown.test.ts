import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Every Markdown file of the project: the ones git tracks plus new ones not yet added (not node_modules, dist, generated bench repos). */
function markdownFiles(): string[] {
  const out = execFileSync('git', ['-C', ROOT, 'ls-files', '--cached', '--others', '--exclude-standard', '--', '*.md'], { encoding: 'utf8' });
  return [...new Set(out.split('\n').filter((f) => f !== '' && existsSync(join(ROOT, f))))].sort();
}

/** The text outside fenced code blocks and inline code spans, where a link is a link. */
function proseOf(text: string): string {
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Relative link targets of `[text](target)` and `[label]: target`, without their #fragment. */
export function relativeLinks(text: string): string[] {
  const prose = proseOf(text);
  const targets = [
    ...[...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!),
    ...[...prose.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]!),
  ];
  return targets
    .filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#'))
    .map((t) => decodeURIComponent(t.split('#')[0]!))
    .filter((t) => t !== '');
}

const files = markdownFiles();

describe('Markdown files', () => {
  it('finds the docs pages', () => {
    expect(files).toContain('README.md');
    expect(files).toContain('docs/rules.md');
  });

  it('README is a front page of at most 16 KB', () => {
    expect(Buffer.byteLength(readFileSync(join(ROOT, 'README.md')))).toBeLessThanOrEqual(16 * 1024);
  });

  it.each(files)('%s holds no ANSI escape (a pasted terminal output)', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const at = text.search(/\u001b|\u009b/);
    const line = at < 0 ? 0 : text.slice(0, at).split('\n').length;
    expect(at, `${file}:${line} has an ANSI escape`).toBe(-1);
  });

  it.each(files)('%s links only to files that exist', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const missing = relativeLinks(text).filter((t) => !existsSync(resolve(ROOT, dirname(file), t)));
    expect(missing, `${file} links to missing files`).toEqual([]);
  });

  it('the README never sends anyone to the public registry for kam', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).not.toMatch(/npx\s+(--yes\s+|-y\s+)?kam\b/);
    expect(readme).not.toMatch(/npm\s+(install|i|add)\s+(-[gD]\s+|--global\s+|--save-dev\s+)*kam(@[^\s]*)?(\s|$)/);
  });
});

describe('relativeLinks', () => {
  it('finds relative links outside code and drops urls and anchors', () => {
    const md = '[a](docs/x.md#y) [b](https://e.com) [c](#top)\n`[d](no.md)`\n```\n[e](no2.md)\n```\n[f]: ../z.md\n';
    expect(relativeLinks(md)).toEqual(['docs/x.md', '../z.md']);
  });
});
