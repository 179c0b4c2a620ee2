import { describe, expect, it } from 'vitest';
import { checkRepo } from '../../../src/check/checkRepo.js';
import { loadRepo } from '../../../src/load/loadRepo.js';
import { sharedDigest } from '../../../src/signoff/digest.js';
import { makeRepo } from '../../helpers/tmpRepo.js';

const BASE = `account: acme
objectives:
  - { title: Grow, shared: true }
actions:
  - { title: Call, owner: Ann, due: 2026-12-01, shared: true }
kpis:
  - { name: Markets, target: 14, actual: 9, shared: true }
`;

async function findings(plan: string) {
  const loaded = await loadRepo(makeRepo({ 'accounts/acme.yaml': 'name: Acme\nmanager: Ann\n', 'plans/acme.yaml': plan }));
  if (!loaded.ok) throw new Error('invalid config');
  const p = loaded.repo.plans[0]!;
  if (!p.value) throw new Error(JSON.stringify(p.findings));
  return checkRepo(loaded.repo, { today: '2026-11-23' }).findings.filter((f) => f.rule === 'signoff_outdated');
}

/** The digest of BASE, computed by kam (the digest itself is tested against node:crypto elsewhere). */
async function current(): Promise<string> {
  const loaded = await loadRepo(makeRepo({ 'accounts/acme.yaml': 'name: Acme\n', 'plans/acme.yaml': BASE }));
  if (!loaded.ok) throw new Error('invalid config');
  return sharedDigest(loaded.repo.plans[0]!.value!);
}

const OTHER = `sha256:${'0'.repeat(64)}`;
const signoffs = (...entries: [string, string, string][]) => `signoffs:\n${entries.map(([by, date, digest]) => `  - { by: ${by}, date: ${date}, digest: "${digest}" }\n`).join('')}`;

describe('signoff_outdated', () => {
  it.each<[string, (d: string) => string, number | null]>([
    ['no sign-offs', () => BASE, null],
    ['the latest sign-off is of this version', (d) => BASE + signoffs(['Bo', '2026-11-20', d]), null],
    ['progress since (status, actual) does not count', (d) => BASE.replace('actual: 9', 'actual: 12').replace('shared: true }\nkpis', 'shared: true, status: done }\nkpis') + signoffs(['Bo', '2026-11-20', d]), null],
    ['an earlier sign-off differs, the latest matches', (d) => BASE + signoffs(['Bo', '2026-11-20', d], ['Al', '2026-10-01', OTHER]), null],
    ['the latest sign-off differs', (d) => BASE + signoffs(['Al', '2026-10-01', d], ['Bo', '2026-11-20', OTHER]), 10],
    ['a tie on the date: the later in the file counts', (d) => BASE + signoffs(['Al', '2026-11-20', d], ['Bo', '2026-11-20', OTHER]), 10],
    ['a shared item changed after the sign-off', (d) => BASE.replace('title: Call', 'title: Call twice') + signoffs(['Bo', '2026-11-20', d]), 9],
  ])('%s', async (_what, plan, line) => {
    const found = await findings(plan(await current()));
    if (line === null) expect(found).toEqual([]);
    else expect(found).toEqual([expect.objectContaining({ severity: 'warning', account: 'acme', file: 'plans/acme.yaml', line, column: 41, path: ['signoffs', line - 9, 'digest'], message: expect.stringContaining('changed since Bo agreed on 2026-11-20') })]);
  });
});
