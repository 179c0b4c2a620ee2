import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, tmpDir } from '../helpers/tmpRepo.js';
import { runKam } from '../helpers/kam.js';
import { expectNoStackTrace, runHostile, runHostileProcess } from './harness.js';
import { stylishRows } from '../helpers/stylish.js';

const isRoot = process.getuid?.() === 0;
const lines = (output: string) => [...stylishRows(output), ...output.split('\n')];

describe('hostile files and folders: findings or a clear error, nothing read that should not be', () => {
  it('does not follow a link to a file outside the repo (/etc/passwd, another folder)', async () => {
    const outside = tmpDir();
    writeFileSync(join(outside, 'secret.yaml'), 'name: Secret from outside\n');
    const root = makeRepo({ 'accounts/fine.yaml': 'name: Fine\n' });
    symlinkSync('/etc/passwd', join(root, 'accounts/passwd.yaml'));
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'plans-secret.yaml'));
    mkdirSync(join(root, 'plans'));
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'plans/secret.yaml'));
    const run = await runHostile(root, ['validate'], 1);
    expect(lines(run.stdout)).toContain('  accounts/passwd.yaml:1:1  error    the file is a symbolic link that points outside the repo (to /etc/passwd); kam does not follow links out of the repo: copy the file into the repo instead  yaml_syntax');
    expect(lines(run.stdout).join('\n')).toContain('  plans/secret.yaml:1:1  error    the file is a symbolic link that points outside the repo (to ');
    // Not read: nothing of the targets' content shows up anywhere.
    expect(run.stdout).not.toMatch(/root:|Secret from outside/);
    expect(lines(run.stdout)).toContain('✖ 2 problems (2 errors, 0 warnings) in 2 accounts, 1 plan');
  });

  it('follows a link that stays inside the repo', async () => {
    const root = makeRepo({ 'shared/acme.yaml': 'name: Acme\n' });
    mkdirSync(join(root, 'accounts'));
    symlinkSync('../shared/acme.yaml', join(root, 'accounts/acme.yaml'));
    const run = await runHostile(root, ['validate'], 0);
    expect(run.stdout).toContain('✔ no problems (1 account, 0 plans)');
  });

  it('reports symbolic link loops and dangling links without hanging', async () => {
    const root = makeRepo({ 'accounts/fine.yaml': 'name: Fine\n' });
    symlinkSync('loop.yaml', join(root, 'accounts/loop.yaml'));
    symlinkSync('b.yaml', join(root, 'accounts/a.yaml'));
    symlinkSync('a.yaml', join(root, 'accounts/b.yaml'));
    symlinkSync('gone.yaml', join(root, 'accounts/dangling.yaml'));
    const run = await runHostile(root, ['validate'], 1);
    for (const id of ['loop', 'a', 'b']) expect(lines(run.stdout)).toContain(`  accounts/${id}.yaml:1:1  error    the file is a symbolic link loop; remove the link  yaml_syntax`);
    expect(lines(run.stdout)).toContain('  accounts/dangling.yaml:1:1  error    the file is a symbolic link to a file that does not exist; remove the link or restore its target  yaml_syntax');
  });

  it('stops with exit 2 when the accounts folder is a link out of the repo, reading nothing in it', async () => {
    const outside = tmpDir();
    writeFileSync(join(outside, 'leak.yaml'), 'name: Leak\nmanger: typo that would be reported if read\n');
    const root = makeRepo({});
    symlinkSync(outside, join(root, 'accounts'));
    const run = await runHostile(root, ['validate'], 2);
    expect(run.stderr).toMatch(/^kam: accounts is a symbolic link to .+, outside the repo; kam does not follow links out of the repo: move the folder into the repo\n$/);
    expect(run.stdout).toBe('');
  });

  it('follows an accounts folder linked to a folder inside the repo', async () => {
    const root = makeRepo({ 'data/accounts/acme.yaml': 'name: Acme\nmanger: Dana\n' });
    symlinkSync('data/accounts', join(root, 'accounts'));
    const run = await runHostile(root, ['validate'], 1);
    expect(lines(run.stdout)).toContain('  accounts/acme.yaml:2:1  error    unknown key "manger"; did you mean "manager"?  schema');
  });

  it('stops with exit 2 when accounts is a file, or a link loop', async () => {
    const root = makeRepo({ accounts: 'name: not a folder\n' });
    const run = await runHostile(root, ['validate'], 2);
    expect(run.stderr).toBe('kam: accounts is a file, but it must be a folder holding one YAML file per account; rename it\n');
    const loop = makeRepo({});
    symlinkSync('plans', join(loop, 'plans'));
    expect((await runHostile(loop, ['validate'], 2)).stderr).toBe('kam: plans is a symbolic link that loops; remove it or make it a folder\n');
  });

  it('does not read a kam.yaml that links out of the repo', async () => {
    const outside = tmpDir();
    writeFileSync(join(outside, 'kam.yaml'), 'version: 1\n');
    const root = tmpDir();
    symlinkSync(join(outside, 'kam.yaml'), join(root, 'kam.yaml'));
    const run = await runHostile(root, ['validate'], 2);
    expect(lines(run.stderr).join('\n')).toContain('kam.yaml:1:1  error    the file is a symbolic link that points outside the repo');
  });

  it('does not write its cache through a .kam link that leads out of the repo', async () => {
    const outside = tmpDir();
    const root = makeRepo({ 'accounts/fine.yaml': 'name: Fine\n' });
    symlinkSync(outside, join(root, '.kam'));
    const run = await runHostile(root, ['validate'], 0);
    expect(run.stdout).toContain('✔ no problems (1 account, 0 plans)');
    expect(readdirSync(outside)).toEqual([]);
  });

  it('reports a folder named like a YAML file', async () => {
    const root = makeRepo({ 'accounts/acme.yaml/notes.txt': 'not a plan\n', 'accounts/fine.yaml': 'name: Fine\n' });
    const run = await runHostile(root, ['validate'], 1);
    expect(lines(run.stdout)).toContain('  accounts/acme.yaml:1:1  error    the name ends in .yaml but this is a folder, not a file; rename it  yaml_syntax');
  });

  it('reports a FIFO named like a YAML file instead of waiting for a writer forever', async () => {
    const root = makeRepo({ 'accounts/fine.yaml': 'name: Fine\n' });
    execFileSync('mkfifo', [join(root, 'accounts/pipe.yaml')]);
    const run = runHostileProcess(root, ['validate'], 1); // a process: reading the FIFO would block this one past any timeout
    expect(lines(run.stdout)).toContain('  accounts/pipe.yaml:1:1  error    this is not a regular file (a FIFO, socket or device); kam does not read it: remove it  yaml_syntax');
  });

  // Skipped as root (containers, CI images): permissions do not stop root's reads, so chmod 000
  // cannot make a file unreadable and the test could only pass by asserting something else. The
  // FIFO and folder cases above cover "not readable as a file" for every user.
  it.skipIf(isRoot)('reports an unreadable file (chmod 000; skipped when run as root, whom permissions do not stop)', async () => {
    const root = makeRepo({ 'accounts/locked.yaml': 'name: Locked\n', 'accounts/fine.yaml': 'name: Fine\n' });
    chmodSync(join(root, 'accounts/locked.yaml'), 0o000);
    try {
      const run = await runHostile(root, ['validate'], 1);
      expect(lines(run.stdout)).toContain('  accounts/locked.yaml:1:1  error    the file cannot be read: permission denied; make it readable (chmod a+r)  yaml_syntax');
    } finally {
      chmodSync(join(root, 'accounts/locked.yaml'), 0o644);
    }
  });

  it('refuses a 50 MB file with a clear message, without reading it', async () => {
    const root = makeRepo({ 'accounts/fine.yaml': 'name: Fine\n' });
    writeFileSync(join(root, 'accounts/huge.yaml'), Buffer.alloc(50 * 1024 * 1024, 'name: x\n'));
    const run = await runHostile(root, ['validate'], 1);
    expect(lines(run.stdout)).toContain('  accounts/huge.yaml:1:1  error    the file is 50.0 MiB; kam reads files up to 2 MiB: split it or remove what does not belong in a plan  yaml_syntax');
  });

  it('checks the size before reading: a 64 GiB sparse file is refused at once', async () => {
    const root = makeRepo({ 'accounts/fine.yaml': 'name: Fine\n' });
    const path = join(root, 'plans/sparse.yaml');
    mkdirSync(join(root, 'plans'));
    writeFileSync(path, '');
    truncateSync(path, 64 * 1024 ** 3); // no disk used; reading it would take minutes and more memory than a Buffer holds
    // The sparse file cannot be snapshotted (that would read it): check the run alone.
    const run = runKam(['validate'], { cwd: root }); // a process: reading it would exhaust this one's memory
    expect(run.code).toBe(1);
    expectNoStackTrace(run);
    expect(lines(run.stdout)).toContain('  plans/sparse.yaml:1:1  error    the file is 65536.0 MiB; kam reads files up to 2 MiB: split it or remove what does not belong in a plan  yaml_syntax');
  });
});

