// The shared digest (spec 1.2, section 9) is computed by other tools too: this test builds the
// JSON by hand from the spec's wording and hashes it with node:crypto, independently of kam.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../../../src/load/loadRepo.js';
import { agreementLine, agreementOf, latestSignoff, sharedDigest } from '../../../src/signoff/digest.js';
import { makeRepo } from '../../helpers/tmpRepo.js';

const PLAN = `account: acme
objectives:
  - Plain text objectives are never shared
  - { title: Not shared, shared: false }
  - { title: "Dashboards in all 14 markets — Ünïcode", shared: true }
  - { title: Second shared, shared: true }
actions:
  - { title: Launch in Spain, owner: Maja Holm, due: 2027-01-31, shared: true, status: done }
  - { title: Customer workshop, side: customer, shared: true }
  - { title: Internal prep, owner: Ann, due: 2026-12-01 }
  - { title: Joint review, side: joint, owner: Dr. Claudia Brenner, due: 2027-03-15, shared: true, notes: not part of it }
kpis:
  - { name: Markets live, target: 14, actual: 9, shared: true }
  - { name: NPS, target: "+40", shared: true }
  - { name: Adoption, shared: true }
  - { name: Internal margin, target: 0.3 }
`;

async function plan(text: string) {
  const loaded = await loadRepo(makeRepo({ 'accounts/acme.yaml': 'name: Acme\n', 'plans/acme.yaml': text }));
  if (!loaded.ok) throw new Error('invalid config');
  const p = loaded.repo.plans[0]!;
  if (!p.value) throw new Error(JSON.stringify(p.findings));
  return p.value;
}

/** The spec's JSON, written out by hand: file order, side after its default, missing as null, no spaces. */
const EXPECTED_JSON =
  '{"objectives":["Dashboards in all 14 markets — Ünïcode","Second shared"],' +
  '"actions":[["Launch in Spain","us","Maja Holm","2027-01-31"],["Customer workshop","customer",null,null],["Joint review","joint","Dr. Claudia Brenner","2027-03-15"]],' +
  '"kpis":[["Markets live",14],["NPS","+40"],["Adoption",null]]}';

const independent = (json: string) => `sha256:${createHash('sha256').update(Buffer.from(json, 'utf8')).digest('hex')}`;

describe('the shared digest', () => {
  it('is sha256: + the hex SHA-256 of the spec JSON', async () => {
    const digest = sharedDigest(await plan(PLAN));
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(digest).toBe(independent(EXPECTED_JSON));
  });

  it('of a plan with nothing shared hashes empty lists', async () => {
    expect(sharedDigest(await plan('account: acme\n'))).toBe(independent('{"objectives":[],"actions":[],"kpis":[]}'));
  });

  it('does not change with status, actuals, notes or non-shared items', async () => {
    const before = sharedDigest(await plan(PLAN));
    const progressed = PLAN.replace('status: done', 'status: blocked').replace('actual: 9', 'actual: 13').replace('not part of it', 'other notes').replace('Internal prep', 'Other prep').replace('target: 0.3', 'target: 0.4');
    expect(sharedDigest(await plan(progressed))).toBe(before);
  });

  it.each([
    ['a shared title', 'Second shared', 'Second shared!'],
    ['an owner', 'Maja Holm', 'Maja  Holm'],
    ['a due date', '2027-01-31', '2027-02-01'],
    ['a side', 'side: customer', 'side: joint'],
    ['a KPI target', 'target: 14', 'target: 15'],
    ['a number written as text', 'target: 14', 'target: "14"'],
    ['an item becoming shared', '{ title: Not shared, shared: false }', '{ title: Not shared, shared: true }'],
  ])('changes with %s', async (_what, from, to) => {
    expect(sharedDigest(await plan(PLAN.replace(from, to)))).not.toBe(sharedDigest(await plan(PLAN)));
  });
});

describe('the latest sign-off and the agreement line', () => {
  const s = (by: string, date: string, digest = `sha256:${'0'.repeat(64)}`) => ({ by, date, digest });

  it('is the one with the latest date, the later in the file on a tie', () => {
    expect(latestSignoff({ signoffs: [s('A', '2026-11-20'), s('B', '2026-10-01')] })).toMatchObject({ by: 'A', index: 0 });
    expect(latestSignoff({ signoffs: [s('A', '2026-11-20'), s('B', '2026-11-20')] })).toMatchObject({ by: 'B', index: 1 });
    expect(latestSignoff({ signoffs: [] })).toBeUndefined();
  });

  it('says agreed, changed since, or not yet agreed', async () => {
    const p = await plan(PLAN);
    const current = sharedDigest(p);
    expect(agreementLine(agreementOf({ ...p, signoffs: [s('Dr. Claudia Brenner', '2026-11-20', current)] }))).toBe('Agreed with Dr. Claudia Brenner on 2026-11-20');
    expect(agreementLine(agreementOf({ ...p, signoffs: [s('Dr. Claudia Brenner', '2026-11-20', current), s('Bo', '2026-11-21')] }))).toBe('Draft: changed since Bo agreed on 2026-11-21');
    expect(agreementLine(agreementOf(p))).toBe('Draft: not yet agreed');
  });
});

describe('signoffs in the schema', () => {
  it.each([
    ['sha256:9f2c', 'must be "sha256:" followed by 64 lowercase hex digits'],
    [`sha256:${'A'.repeat(64)}`, 'must be "sha256:" followed by 64 lowercase hex digits'],
    [`sha1:${'a'.repeat(64)}`, 'must be "sha256:" followed by 64 lowercase hex digits'],
  ])('a hand-written digest %s is a located schema error', async (digest, message) => {
    const text = `account: acme\nsignoffs:\n  - by: Dr. Claudia Brenner\n    date: 2026-11-20\n    digest: "${digest}"\n`;
    const loaded = await loadRepo(makeRepo({ 'accounts/acme.yaml': 'name: Acme\n', 'plans/acme.yaml': text }));
    if (!loaded.ok) throw new Error('invalid config');
    expect(loaded.repo.plans[0]!.value).toBeUndefined();
    expect(loaded.repo.findings).toEqual([expect.objectContaining({ rule: 'schema', file: 'plans/acme.yaml', line: 5, column: 13, message: expect.stringContaining(message) })]);
  });

  it('a valid entry loads', async () => {
    const p = await plan(`account: acme\nsignoffs:\n  - { by: Bo, date: 2026-11-20, digest: "sha256:${'ab'.repeat(32)}" }\n`);
    expect(p.signoffs).toEqual([{ by: 'Bo', date: '2026-11-20', digest: `sha256:${'ab'.repeat(32)}` }]);
  });
});
