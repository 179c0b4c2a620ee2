import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kam } from '../helpers/kamInProcess.js';
import { makeRepo } from '../helpers/tmpRepo.js';
import { commitAll, gitInit } from '../helpers/gitRepo.js';

const PLAN = `# The Acme plan: comments stay
account: acme
objectives:
  - { title: Grow in Spain, shared: true } # agreed in the kick-off
actions:
  - { title: Launch in Spain, owner: Ann, due: 2027-01-31, shared: true }
  - { title: Internal prep, owner: Ann, due: 2026-12-01 }
`;

const repo = () => makeRepo({ 'accounts/acme.yaml': 'name: Acme\nmanager: Ann\n', 'plans/acme.yaml': PLAN });

describe('kam signoff and kam signoffs', () => {
  it('appends the current digest with comments kept, and the customer version says agreed until a shared item changes', async () => {
    const root = repo();
    const file = join(root, 'plans/acme.yaml');
    const draft = await kam(['render', 'acme', '--audience', 'customer', '--today', '2026-11-23'], { cwd: root });
    expect(draft.stdout).toContain('Draft: not yet agreed');

    const run = await kam(['signoff', 'Acme', '--by', 'Dr. Claudia Brenner', '--date', '2026-11-20', '-f', 'json'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toEqual({ account: 'acme', file: 'plans/acme.yaml', by: 'Dr. Claudia Brenner', date: '2026-11-20', digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), added: true });
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(`${PLAN}signoffs:\n  - { by: Dr. Claudia Brenner, date: 2026-11-20, digest: "${out.digest}" }\n`);

    // Twice the same: kept once.
    const again = await kam(['signoff', 'acme', '--by', 'Dr. Claudia Brenner', '--date', '2026-11-20'], { cwd: root });
    expect(again.stdout).toContain('nothing added');
    expect(readFileSync(file, 'utf8')).toBe(text);

    const agreed = await kam(['render', 'acme', '--audience', 'customer', '--today', '2026-11-23'], { cwd: root });
    expect(agreed.stdout).toContain('Agreed with Dr. Claudia Brenner on 2026-11-20');
    const clean = await kam(['check', '-f', 'json', '--today', '2026-11-23'], { cwd: root });
    expect(JSON.parse(clean.stdout).findings.filter((f: { rule: string }) => f.rule === 'signoff_outdated')).toEqual([]);

    // Progress (status done) keeps the agreement; a new due date voids it.
    writeFileSync(file, text.replace('due: 2027-01-31, shared: true', 'due: 2027-01-31, shared: true, status: done'));
    expect((await kam(['render', 'acme', '--audience', 'customer', '--today', '2026-11-23'], { cwd: root })).stdout).toContain('Agreed with Dr. Claudia Brenner');
    writeFileSync(file, text.replace('due: 2027-01-31', 'due: 2027-02-28'));
    const changed = await kam(['render', 'acme', '--audience', 'customer', '--today', '2026-11-23', '--format', 'html'], { cwd: root });
    expect(changed.stdout).toContain('<strong>Draft:</strong> changed since Dr. Claudia Brenner agreed on 2026-11-20');
    const check = await kam(['check', '-f', 'json', '--today', '2026-11-23'], { cwd: root });
    expect(JSON.parse(check.stdout).findings.filter((f: { rule: string }) => f.rule === 'signoff_outdated')).toEqual([
      expect.objectContaining({ file: 'plans/acme.yaml', line: 9, severity: 'warning' }),
    ]);

    const list = await kam(['signoffs', '-f', 'json'], { cwd: root });
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual({
      plans: [{ account: 'acme', file: 'plans/acme.yaml', digest: expect.not.stringMatching(out.digest), state: 'changed', signoffs: [{ by: 'Dr. Claudia Brenner', date: '2026-11-20', digest: out.digest, current: false, latest: true }] }],
    });
    const table = await kam(['signoffs'], { cwd: root });
    expect(table.stdout).toMatch(/acme[\s│]+changed since[\s│]+Dr\. Claudia Brenner[\s│]+2026-11-20/);
    const md = await kam(['signoffs', '-f', 'md'], { cwd: root });
    expect(md.stdout).toContain('| acme | changed since | Dr. Claudia Brenner | 2026-11-20 |');
  });

  it.each([
    [['signoff', 'nobody', '--by', 'Bo'], /no account "nobody"/],
    [['signoff', 'acme', '--by', '  '], /--by is empty/],
    [['signoff', 'acme', '--by', 'Bo', '--date', '2026-02-30'], /not a day of the calendar/],
    [['signoff', 'acme'], /required option '--by <name>'/],
  ])('refuses %j with exit 2', async (args, message) => {
    const root = repo();
    const run = await kam(args, { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(readFileSync(join(root, 'plans/acme.yaml'), 'utf8')).toBe(PLAN);
  });

  it('refuses a plan with errors and says how to fix it', async () => {
    const root = makeRepo({ 'accounts/acme.yaml': 'name: Acme\n', 'plans/acme.yaml': 'account: acme\nsignoffs:\n  - { by: Bo, date: 2026-11-20, digest: "sha256:9f2c" }\n' });
    const run = await kam(['signoff', 'acme', '--by', 'Bo'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('plans/acme.yaml has errors');
  });

  it('kam diff says when a change voids an agreement, and not when only progress changed', async () => {
    const root = repo();
    const file = join(root, 'plans/acme.yaml');
    gitInit(root);
    expect((await kam(['signoff', 'acme', '--by', 'Dr. Claudia Brenner', '--date', '2026-11-20'], { cwd: root })).code).toBe(0);
    commitAll(root, 'agreed', '2026-11-20');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('shared: true }\n  - { title: Internal', 'shared: true, status: done }\n  - { title: Internal'));
    const progress = await kam(['diff', '--today', '2026-11-23'], { cwd: root });
    expect(progress.stdout).not.toContain('voids');
    writeFileSync(file, text.replace('title: Launch in Spain', 'title: Launch in Spain and Portugal'));
    const table = await kam(['diff', '--today', '2026-11-23'], { cwd: root });
    expect(table.stdout).toContain('acme: this change voids the agreement with Dr. Claudia Brenner of 2026-11-20');
    const md = await kam(['diff', '--today', '2026-11-23', '-f', 'markdown'], { cwd: root });
    expect(md.stdout).toContain('`acme`: this change voids the agreement with Dr. Claudia Brenner of 2026-11-20');
    const json = JSON.parse((await kam(['diff', '--today', '2026-11-23', '-f', 'json'], { cwd: root })).stdout);
    expect(json.changes[0]).toMatchObject({ id: 'acme', before: { agreement: { state: 'agreed' } }, after: { agreement: { state: 'changed', by: 'Dr. Claudia Brenner', date: '2026-11-20' } } });
  });
});
