import { describe, expect, it } from 'vitest';
import { EXAMPLE, kam, kamJson } from '../helpers/kamInProcess.js';
import { makeRepo } from '../helpers/tmpRepo.js';

describe('kam map', () => {
  it('prints the reporting tree with stance and owner (meridian-freight)', async () => {
    const run = await kam(['map', 'meridian-freight', '--no-color'], { cwd: EXAMPLE });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n').slice(0, 4)).toEqual([
      'Meridian Freight Group: power map (plans/meridian-freight.yaml, 6 stakeholders)',
      'Jeroen van Dijk (Chief Information Officer, Decision maker, high influence) · supporter · owner Dana Whitfield + Omar Haddad',
      '├─ Marco Bellini (Head of Network Planning, Champion, high influence) · supporter · owner Tomás Ribeiro + Dana Whitfield, Lena Vogel',
      '│  └─ Katarzyna Nowak (Director, Data Engineering, User, medium influence) · supporter · owner Omar Haddad + Aisha Bello',
    ]);
    expect(run.stdout).toContain('\nSabine Krüger (Chief Financial Officer, Economic buyer, high influence) · neutral · owner Dana Whitfield\n└─ Henrik Sørensen');
  });

  it('writes JSON with the tree and the coverage map, SVG and Mermaid', async () => {
    const { code, json } = await kamJson(['map', 'calloway-health', '-f', 'json', '-C', EXAMPLE]);
    expect(code).toBe(0);
    expect(json.roots).toEqual(['elaine', 'richard']);
    expect(json.stakeholders.find((s: any) => s.key === 'tom')).toMatchObject({ reports_to: 'richard', depth: 1, owner: 'Grace Liu' });
    expect(json.coverage.members.map((m: any) => m.name)).toEqual(['Marcus Oyelaran', 'Priya Raman', 'Ben Castillo', 'Grace Liu']);
    expect(json.coverage.stakeholders.find((s: any) => s.key === 'nadia').cells).toEqual({ 'Marcus Oyelaran': 'contact', 'Priya Raman': 'owner', 'Ben Castillo': 'none', 'Grace Liu': 'none' });
    expect(json.coverage.single_threaded).toBeNull();

    const svg = await kam(['map', 'calloway-health', '-f', 'svg', '-C', EXAMPLE]);
    expect(svg.stdout).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="power-map"/);
    expect(svg.stdout.match(/<g class="pm-person/g)).toHaveLength(5);
    expect((await kam(['map', 'calloway-health', '-f', 'svg', '-C', EXAMPLE])).stdout).toBe(svg.stdout);

    const mermaid = await kam(['map', 'calloway-health', '-f', 'mermaid', '-C', EXAMPLE]);
    expect(mermaid.stdout).toMatch(/^flowchart TD\n/);
    expect(mermaid.stdout).toContain('  p1 --> p3\n');
  });

  it('exits 2 for an unknown account or an account without a plan, saying what to do', async () => {
    const unknown = await kam(['map', 'meridian-fright', '-C', EXAMPLE]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean "meridian-freight"?');
    const noPlan = await kam(['map', 'ridgeline-power', '-C', EXAMPLE]);
    expect(noPlan.code).toBe(2);
    expect(noPlan.stderr).toContain('kam new plan ridgeline-power');
  });

  it('takes the account as every command does: id, plan file path or name', async () => {
    const byId = (await kam(['map', 'meridian-freight', '-C', EXAMPLE])).stdout;
    const name = (await kamJson(['score', '-C', EXAMPLE, '-f', 'json'])).json.accounts.find((a: { id: string }) => a.id === 'meridian-freight').name;
    for (const ref of ['plans/meridian-freight.yaml', name]) {
      const run = await kam(['map', ref, '-C', EXAMPLE]);
      expect(run.code, ref).toBe(0);
      expect(run.stdout, ref).toBe(byId);
    }
  });
});

describe('profiles in kam.yaml', () => {
  it('a profile naming an unknown tier, role, stakeholder role or question is a located configuration error (exit 2)', async () => {
    const root = makeRepo({
      'kam.yaml': [
        'version: 1',
        'profiles:',
        '  Tier 9:',
        '    cadence_days: 30',
        '  Tier 1:',
        '    roles: [relationship_lead, wizard]',
        '    stakeholder_roles: [champ]',
        '    checklist: [our_team, needs.nope]',
        '',
      ].join('\n'),
    });
    const run = await kam(['check', '--no-color'], { cwd: root });
    expect(run.code).toBe(2);
    // Without a usable kam.yaml nothing is checked: the problems go to stderr.
    const lines = run.stderr.split('\n').filter((l) => l.includes(' error '));
    expect(run.stderr).toContain('kam.yaml\n');
    expect(lines.map((l) => l.trim().split(/\s+/)[0])).toEqual(['3:3', '6:32', '7:25', '8:27']);
    expect(run.stderr).toContain('"Tier 9" is not a tier (did you mean "Tier 1"?)');
    expect(run.stderr).toContain('"wizard" is not a role');
    expect(run.stderr).toContain('"champ" is not a stakeholder role (did you mean "champion"?)');
    expect(run.stderr).toContain('"needs.nope" is neither a checklist category nor a question id');
    expect(run.stderr).toContain('kam.yaml is invalid');
  });
});
