// No lost update: kam import --update never replaces a file that changed after it read it, and
// when one did, it writes nothing at all (exit 2 naming the file), so nothing is half-applied.
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/import/csv.js';
import { importAccounts } from '../../../src/import/importAccounts.js';
import { resolveMapping } from '../../../src/import/mapping.js';
import { KamError } from '../../../src/errors.js';
import { defaultConfig } from '../../../src/schema/config.js';
import { makeRepo, snapshotTree } from '../../helpers/tmpRepo.js';

const config = defaultConfig();
const ACCOUNTS = ['acme', 'globex', 'initech'];

function repo(): string {
  return makeRepo(Object.fromEntries(ACCOUNTS.map((id) => [`accounts/${id}.yaml`, `id: ${id}\nname: ${id}\n`])));
}

function run(root: string, csv: string, beforeCommit?: () => void) {
  const table = parseCsv(csv);
  return importAccounts(root, config, table, resolveMapping(table.header.cells, config, {}, 'crm.csv'), {
    source: 'crm.csv',
    today: '2026-11-23',
    update: true,
    dryRun: false,
    ...(beforeCommit ? { beforeCommit } : {}),
  });
}

const CSV = `id,name,industry\n${ACCOUNTS.map((id) => `${id},${id},Retail`).join('\n')}\nnewco,New Co,Retail\n`;

describe('kam import --update and a file saved meanwhile', () => {
  it('a person saves a file between the read and the write: exit 2 naming it, no file replaced or created, no temp file left', async () => {
    const root = repo();
    const saved = 'id: globex\nname: globex\nnotes: saved by a person while the import ran\n';
    let before: Record<string, string> = {};
    const err = await run(root, CSV, () => {
      writeFileSync(join(root, 'accounts/globex.yaml'), saved);
      // What is on disk then, but the import's own temporary files (which must be gone after).
      before = Object.fromEntries(Object.entries(snapshotTree(root)).filter(([f]) => !f.endsWith('.tmp')));
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KamError);
    expect((err as KamError).message).toBe(
      'accounts/globex.yaml changed while kam import was working (another kam, or an editor saving it); nothing was written, so no change is lost: run kam import again',
    );
    // Nothing half-applied: the other two updates and the new account were not written either.
    expect(snapshotTree(root)).toEqual(before);
    expect(readFileSync(join(root, 'accounts/globex.yaml'), 'utf8')).toBe(saved);
    expect(readdirSync(join(root, 'accounts')).sort()).toEqual(['acme.yaml', 'globex.yaml', 'initech.yaml']);
  });

  it('a file deleted meanwhile counts as changed', async () => {
    const root = repo();
    await expect(run(root, CSV, () => rmSync(join(root, 'accounts/acme.yaml')))).rejects.toThrow(/^accounts\/acme\.yaml changed while kam import was working/);
  });

  it('nothing changed meanwhile: every update and the new account are written', async () => {
    const root = repo();
    const report = await run(root, CSV, () => undefined);
    expect(report.summary).toMatchObject({ updated: 3, created: 1 });
    for (const id of ACCOUNTS) expect(readFileSync(join(root, `accounts/${id}.yaml`), 'utf8')).toContain('industry: Retail');
    expect(readdirSync(join(root, 'accounts')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('kam import --update and an account file that is a link inside the repo', () => {
  it('rejects the row (the link stays a link, its target as it was), and updates the others', async () => {
    const root = repo();
    mkdirSync(join(root, 'shared'));
    writeFileSync(join(root, 'shared/acme.yaml'), 'id: acme\nname: acme\n');
    rmSync(join(root, 'accounts/acme.yaml'));
    symlinkSync('../shared/acme.yaml', join(root, 'accounts/acme.yaml'));
    const report = await run(root, `id,name,industry\n${ACCOUNTS.map((id) => `${id},${id},Retail`).join('\n')}\n`);
    expect(report.rows[0]).toMatchObject({
      status: 'rejected',
      file: 'accounts/acme.yaml',
      reason: 'accounts/acme.yaml is a symbolic link (to shared/acme.yaml); kam import does not replace a link by a file or edit through it: make accounts/acme.yaml a regular file (or remove the link), then import again',
    });
    expect(lstatSync(join(root, 'accounts/acme.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(root, 'shared/acme.yaml'), 'utf8')).toBe('id: acme\nname: acme\n');
    expect(report.summary).toMatchObject({ updated: 2, rejected: 1 });
  });
});
