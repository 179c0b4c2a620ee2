// CODEOWNERS from a hostile repo (issue 24): a file name CODEOWNERS would read as a pattern gets no
// line, and nothing is written while files fail to load (their owners would silently change).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { account } from '../../e2e/git.fixture.js';
import { kam } from '../../helpers/kamInProcess.js';
import { makeRepo } from '../../helpers/tmpRepo.js';

const CONFIG = 'version: 1\npeople:\n  Dana Whitfield: "@dana"\n  Mallory: "@mallory"\napprovals:\n  Tier 1: ["@leads"]\n';
const mallory = (name: string) => account(name, 3).replace('Dana Whitfield', 'Mallory');

describe('kam codeowners with hostile file names', () => {
  it.each(['*', 'a?c', '[a-z]*', 'x\\y', 'x\n* @mallory'])('gives %j no line, with a warning, and no pattern that owns other files', async (name) => {
    const dir = makeRepo({ 'kam.yaml': CONFIG, 'accounts/acme.yaml': account('Acme', 5), [`accounts/${name}.yaml`]: mallory('Evil') });
    const run = await kam(['codeowners', '--repo', dir]);
    const rules = run.stdout.split('\n').filter((l) => l && !l.startsWith('#'));
    // Every line names one file exactly: no glob character outside an escape, Mallory owns nothing but her own (none here).
    for (const line of rules) expect(line).toMatch(/^\/(kam|accounts\/acme|plans\/acme)\.yaml /);
    expect(run.stdout).not.toContain('@mallory');
    expect(run.stderr).toContain('CODEOWNERS reads as a pattern');
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(run.stderr.split('\n').every((l) => l === '' || l.startsWith('kam: '))).toBe(true);
  });

  it('--write writes nothing while a file has errors that change who owns it', async () => {
    const dir = makeRepo({ 'kam.yaml': CONFIG, 'accounts/acme.yaml': account('Acme', 5), 'accounts/beta.yaml': 'name: Beta\nmanager: [not, a, name]\n' });
    const run = await kam(['codeowners', '--write', '--repo', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/accounts\/beta\.yaml:2:\d+/);
    expect(run.stderr).toContain('not written');
    expect(existsSync(join(dir, '.github/CODEOWNERS'))).toBe(false);
    // Fixed, it writes.
    const ok = makeRepo({ 'kam.yaml': CONFIG, 'accounts/acme.yaml': account('Acme', 5) });
    expect((await kam(['codeowners', '--write', '--repo', ok])).code).toBe(0);
    expect(readFileSync(join(ok, '.github/CODEOWNERS'), 'utf8')).toContain('/accounts/acme.yaml @dana');
  });
});
