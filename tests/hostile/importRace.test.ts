// Two writing kam runs at once, or one killed: the repo's write lock keeps them apart, so no run
// loses another's changes, and a lock left by a dead run does not block the next.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KAM_BIN, runKam } from '../helpers/kam.js';
import { makeRepo, snapshotTree, tmpDir } from '../helpers/tmpRepo.js';

const N = 2000;

function bigRepo(): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < N; i++) files[`accounts/a${i}.yaml`] = `id: a${i}\nname: Account ${i}\n`;
  return makeRepo(files);
}

/** A CSV export outside the repo, in a temporary folder of its own (removed after the file). */
function csvPath(name: string): string {
  return join(tmpDir('kam-csv-'), `${name}.csv`);
}

function csv(name: string, column: string, value: string): string {
  const path = csvPath(name);
  writeFileSync(path, `id,name,${column}\n${Array.from({ length: N }, (_, i) => `a${i},Account ${i},${value}`).join('\n')}\n`);
  return path;
}

function importAsync(root: string, file: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [KAM_BIN, 'import', file, '--update', '--format', 'json'], { cwd: root, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('the repo write lock', () => {
  it('two kam import --update at once: no run reports success and loses its changes', async () => {
    const root = bigRepo();
    const [a, b] = await Promise.all([importAsync(root, csv('a', 'industry', 'Retail')), importAsync(root, csv('b', 'region', 'EMEA'))]);
    const texts = Array.from({ length: N }, (_, i) => readFileSync(join(root, `accounts/a${i}.yaml`), 'utf8'));
    for (const [run, field] of [[a, 'industry: Retail'], [b, 'region: EMEA']] as const) {
      if (run.code === 0) expect(texts.filter((t) => !t.includes(field)).length, `a run reported success, but its ${field} is missing`).toBe(0);
      else {
        expect(run.code, run.stderr).toBe(2);
        expect(run.stderr).toMatch(/^kam: (another kam \(kam import, pid \d+\) is writing to this repo|.* changed while kam import was working)/);
        // The loser wrote nothing: no file has its field.
        expect(texts.filter((t) => t.includes(field)).length).toBe(0);
      }
    }
    expect(existsSync(join(root, '.kam/lock'))).toBe(false);
  }, 120_000);

  it('a lock held by a live process: exit 2 saying who holds it, nothing written; --dry-run still works', () => {
    const root = makeRepo({ 'accounts/acme.yaml': 'id: acme\nname: Acme\n', '.kam/lock': `${process.pid} kam import\n` });
    const file = csvPath('lock');
    writeFileSync(file, 'id,name,industry\nacme,Acme,Retail\n');
    const before = snapshotTree(root);
    const run = runKam(['import', file, '--update'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`kam: another kam (kam import, pid ${process.pid}) is writing to this repo; run again when it has finished (if no kam is running, remove .kam/lock)\n`);
    expect(snapshotTree(root)).toEqual(before);
    expect(runKam(['import', file, '--update', '--dry-run'], { cwd: root }).code).toBe(0);
  });

  it('a lock left by a run that is gone (kill -9) is taken over, and released after', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const root = makeRepo({ 'accounts/acme.yaml': 'id: acme\nname: Acme\n', '.kam/lock': `${dead.stdout} kam import\n` });
    const file = csvPath('stale');
    writeFileSync(file, 'id,name,industry\nacme,Acme,Retail\n');
    const run = runKam(['import', file, '--update'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(root, 'accounts/acme.yaml'), 'utf8')).toContain('industry: Retail');
    expect(existsSync(join(root, '.kam/lock'))).toBe(false);
  });
});

describe('temp files a killed import left', () => {
  it('kam import -9 mid-write leaves .kam-*.tmp in accounts/; the next writing run removes them (and only those of dead runs)', async () => {
    const root = bigRepo();
    const file = csv('kill', 'industry', 'Retail');
    // Kill it once its first temp file is there: among the writes.
    const killed = await new Promise<{ signal: NodeJS.Signals | null; pid: number }>((resolve) => {
      const child = spawn(process.execPath, [KAM_BIN, 'import', file, '--update'], { cwd: root, stdio: 'ignore' });
      const watcher = watch(join(root, 'accounts'), (_event, name) => {
        if (String(name).endsWith('.tmp')) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) => {
        watcher.close();
        resolve({ signal, pid: child.pid! });
      });
    });
    expect(killed.signal).toBe('SIGKILL');
    // Whatever the kill left, plus one certain leftover of that dead run and one of a live run.
    writeFileSync(join(root, 'accounts', `.kam-${killed.pid}-deadbeef.a1.yaml.tmp`), 'id: a1\nname: half');
    const live = `.kam-${process.pid}-0badf00d.a2.yaml.tmp`;
    writeFileSync(join(root, 'accounts', live), 'id: a2\n');
    writeFileSync(join(root, 'accounts', '.kam-notes.tmp'), 'the user\'s own dot file\n');
    expect(readdirSync(join(root, 'accounts')).filter((n) => n.startsWith(`.kam-${killed.pid}-`)).length).toBeGreaterThan(0);
    const next = runKam(['import', file, '--update'], { cwd: root });
    expect(next.code, next.stderr).toBe(0);
    expect(readdirSync(join(root, 'accounts')).filter((n) => n.startsWith('.')).sort()).toEqual(['.kam-notes.tmp', live].sort());
  }, 120_000);
});
