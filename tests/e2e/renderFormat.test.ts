// kam render takes --format markdown as well as md, like every other command.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, kam } from '../helpers/kamInProcess.js';
import { copyRepo } from '../helpers/tmpRepo.js';

describe('kam render --format markdown', () => {
  it('is the same document as --format md, written to <id>.md', async () => {
    const md = await kam(['render', 'banco-austral', '-C', EXAMPLE, '-f', 'md', '--today', '2026-11-23']);
    const markdown = await kam(['render', 'banco-austral', '-C', EXAMPLE, '--format', 'markdown', '--today', '2026-11-23']);
    expect(markdown.code, markdown.stderr).toBe(0);
    expect(markdown.stdout).toBe(md.stdout);
    const root = copyRepo(EXAMPLE);
    const out = await kam(['render', 'banco-austral', '-f', 'markdown', '--out', 'out', '--today', '2026-11-23'], { cwd: root });
    expect(out.code, out.stderr).toBe(0);
    expect(readFileSync(join(root, 'out/banco-austral.md'), 'utf8')).toBe(md.stdout);
  });
});
