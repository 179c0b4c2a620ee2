// spec 1.2, sections 1-5: what the schema takes and what it refuses, each refusal located.
import { describe, expect, it } from 'vitest';
import { CONFIG, KEY_ACCOUNT, PLAN, configFindings, load, repo } from './fixture.js';

const schemaErrors = (files: Record<string, string>, config = CONFIG) =>
  load(files, config).findings.filter((f) => f.rule === 'schema').map((f) => ({ file: f.file, line: f.line, path: f.path.join('.'), message: f.message }));

describe('spec 1.2 schema', () => {
  it('takes the fixture: measured objectives, stages, probabilities, wallets, contracts, economics', () => {
    const r = repo();
    expect(r.findings).toEqual([]);
    expect(r.accounts[0]!.value!.contracts![1]).toMatchObject({ notice_days: 0, renewal: 'unknown' });
    expect(r.config.renewals.assess_days).toBe(180);
  });

  it('defaults renewals.assess_days to 180 and leaves pipeline out of a 1.1 kam.yaml', () => {
    const r = load({}, 'version: 1\n');
    expect(r.config.renewals).toEqual({ assess_days: 180 });
    expect(r.config.pipeline).toBeUndefined();
  });

  it('refuses a stage that kam.yaml does not declare, with did-you-mean, at the stage', () => {
    const plan = PLAN.replace('stage: propose,', 'stage: propse,');
    const [e] = schemaErrors({ 'accounts/acme.yaml': KEY_ACCOUNT, 'plans/acme.yaml': plan });
    expect(e).toMatchObject({ file: 'plans/acme.yaml', line: 23, path: 'opportunities.0.stage' });
    expect(e!.message).toContain('did you mean "propose"?');
    expect(e!.message).toContain('won');
  });

  it('accepts a won opportunity at probability 1 (as CRM exports write it)', () => {
    const plan = PLAN.replace('stage: qualify, probability: 0.3', 'stage: won, probability: 1');
    expect(schemaErrors({ 'accounts/acme.yaml': KEY_ACCOUNT, 'plans/acme.yaml': plan })).toEqual([]);
  });

  it('keeps stage free text without declared stages', () => {
    const config = CONFIG.slice(0, CONFIG.indexOf('pipeline:'));
    const plan = PLAN.replace('stage: propose,', 'stage: Proposal sent,');
    expect(schemaErrors({ 'accounts/acme.yaml': KEY_ACCOUNT, 'plans/acme.yaml': plan }, config)).toEqual([]);
  });

  it.each([
    ['a probability above 1', (p: string) => p.replace('probability: 0.3', 'probability: 1.5'), 'opportunities.1.probability', 'must be from 0 to 1'],
    ['a won opportunity with a probability other than 1', (p: string) => p.replace('stage: qualify, probability: 0.3', 'stage: won, probability: 0.3'), 'opportunities.1.probability', 'must not be 0.3 at stage won'],
    ['a lost opportunity with a probability other than 0', (p: string) => p.replace('stage: qualify, probability: 0.3', 'stage: lost, probability: 0.3'), 'opportunities.1.probability', 'counts not at all (probability 0)'],
    ['a negative wallet', (p: string) => p.replace('wallet: 2000000', 'wallet: -5'), 'whitespace.1.wallet', ''],
    ['target equal to baseline', (p: string) => p.replace('target: 14', 'target: 5'), 'objectives.0.measure.target', 'target equals baseline (5)'],
    ['two objectives with one id', (p: string) => p.replace('id: partner', 'id: markets'), 'objectives.1.id', 'duplicate objective id "markets"'],
  ])('refuses %s in a plan, located', (_what, edit, path, message) => {
    const [e, more] = schemaErrors({ 'accounts/acme.yaml': KEY_ACCOUNT, 'plans/acme.yaml': edit(PLAN) });
    expect(more).toBeUndefined();
    expect(e).toMatchObject({ file: 'plans/acme.yaml', path });
    expect(e!.message).toContain(message);
  });

  it.each([
    ['a negative target', (a: string) => a.replace('target: 1600000', 'target: -1'), 'revenue.target', ''],
    ['a margin above 1', (a: string) => a.replace('gross_margin: 0.42', 'gross_margin: 42'), 'economics.gross_margin', 'must be from 0 to 1'],
    ['a negative cost to serve', (a: string) => a.replace('cost_to_serve: 200000', 'cost_to_serve: -200000'), 'economics.cost_to_serve', ''],
    ['a contract ending before it starts', (a: string) => a.replace('id: later,', 'id: later, start: 2028-02-01,'), 'contracts.3.end', 'must not be before start'],
    ['two contracts with one id', (a: string) => a.replace('id: later', 'id: dash-2025'), 'contracts.3', 'duplicate contract id "dash-2025"'],
    ['a contract without an end', (a: string) => a.replace(', end: 2028-01-31', ''), 'contracts.3.end', ''],
    ['a negative notice', (a: string) => a.replace('notice_days: 90', 'notice_days: -1'), 'contracts.0.notice_days', ''],
    ['an unknown renewal status', (a: string) => a.replace('renewal: likely', 'renewal: likley'), 'contracts.0.renewal', 'did you mean "likely"?'],
  ])('refuses %s in an account, located', (_what, edit, path, message) => {
    const [e, more] = schemaErrors({ 'accounts/acme.yaml': edit(KEY_ACCOUNT), 'plans/acme.yaml': PLAN });
    expect(more).toBeUndefined();
    expect(e).toMatchObject({ file: 'accounts/acme.yaml', path });
    expect(e!.message).toContain(message);
  });

  it.each([
    ['a won stage given a probability', CONFIG.replace('- { id: qualify, probability: 0.1 }', '- { id: won, probability: 1 }'), 'pipeline.stages.0.id', 'won (probability 1) and lost (probability 0) always exist'],
    ['a probability outside 0..1', CONFIG.replace('probability: 0.7', 'probability: 7'), 'pipeline.stages.2.probability', 'must be from 0 to 1'],
    ['two stages with one id', CONFIG.replace('id: negotiate', 'id: propose'), 'pipeline.stages.2', 'duplicate stage id "propose"'],
    ['a negative min_coverage', CONFIG.replace('min_coverage: 1', 'min_coverage: -1'), 'pipeline.min_coverage', ''],
    ['a negative assess_days', CONFIG.replace('assess_days: 180', 'assess_days: -3'), 'renewals.assess_days', ''],
  ])('refuses %s in kam.yaml, located', (_what, config, path, message) => {
    const found = configFindings(config).filter((f) => f.rule === 'schema');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'kam.yaml', path: path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)) });
    expect(found[0]!.line).toBeGreaterThan(1);
    expect(found[0]!.message).toContain(message);
  });
});
