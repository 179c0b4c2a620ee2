import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kam, kamJson } from '../helpers/kamInProcess.js';
import { makeRepo, tmpDir } from '../helpers/tmpRepo.js';

describe('kam schema', () => {
  it('prints a draft-07 JSON Schema with the checklist questions as answer keys', async () => {
    const { code, json } = await kamJson(['schema', 'plan'], { cwd: tmpDir() });
    expect(code).toBe(0);
    expect(json.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(json.required).toEqual(['account']);
    expect(json.additionalProperties).toBe(false);
    const answers = json.properties.answers;
    expect(Object.keys(answers.properties)).toHaveLength(57);
    expect(answers.properties['our_team.executive_sponsor'].description).toMatch(/executive sponsor/);
    expect(json.properties.stage.enum).toEqual(['strategy', 'research', 'action_plan', 'execution', 'review']);
  });

  it('follows the repo’s own criteria, scale and roles', async () => {
    const root = makeRepo({
      'kam.yaml': 'version: 1\nscoring:\n  scale: { min: 0, max: 10 }\n  criteria:\n    - { id: spend, label: Annual spend, weight: 2, axis: current }\nroles:\n  - { id: sponsor, label: Sponsor }\n',
    });
    const account = (await kamJson(['schema', 'account'], { cwd: root })).json;
    expect(Object.keys(account.properties.ratings.properties)).toEqual(['spend']);
    expect(account.properties.ratings.properties.spend).toMatchObject({
      description: 'Annual spend (0-10); empty = not rated yet',
      anyOf: [{ type: 'integer', minimum: 0, maximum: 10 }, { type: 'null' }],
    });
    const plan = (await kamJson(['schema', 'plan', '-C', root])).json;
    expect(plan.properties.team.items.properties.roles.items.enum).toEqual(['sponsor']);
  });

  it('writes all three schemas with --out, rewrites its own files and keeps a user’s', async () => {
    const dir = tmpDir();
    const first = await kam(['schema', '--out', 'schema'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('created schema/kam.schema.json\ncreated schema/account.schema.json\ncreated schema/plan.schema.json\n');
    const config = JSON.parse(readFileSync(join(dir, 'schema/kam.schema.json'), 'utf8'));
    expect(config.required).toEqual(['version']);
    expect((await kam(['schema', '--out', 'schema'], { cwd: dir })).stderr).toContain('unchanged schema/plan.schema.json');

    writeFileSync(join(dir, 'schema/plan.schema.json'), '{"mine": true}\n');
    const kept = await kam(['schema', '--out', 'schema'], { cwd: dir });
    expect(kept.code).toBe(2);
    expect(kept.stderr).toContain('kam: kept schema/plan.schema.json: it was not written by kam (use --force to replace it)');
    expect(readFileSync(join(dir, 'schema/plan.schema.json'), 'utf8')).toBe('{"mine": true}\n');
    expect((await kam(['schema', '--out', 'schema', '--force'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'schema/plan.schema.json'), 'utf8')).toContain('"answers"');
  });

  it('asks which schema to print when none is named', async () => {
    const run = await kam(['schema'], { cwd: tmpDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('kam: name the schema to print (config, account or plan), or write all three with --out <dir>\n');
    expect((await kam(['schema', 'plans'], { cwd: tmpDir() })).code).toBe(2);
  });
});
