// No lost update: kam import --update never replaces a file that changed after it read it, and
// when one did, it writes nothing at all (exit 2 naming the file), so nothing is half-applied.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
    const { rmSync } = await import('node:fs');
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
