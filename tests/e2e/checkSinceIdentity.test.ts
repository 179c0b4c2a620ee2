import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, gitInit } from '../helpers/gitRepo.js';
import { kamJson } from '../helpers/kamInProcess.js';
import { ACCOUNT, CONFIG, PLAN, TODAY } from '../helpers/ruleTester.js';
import { makeRepo } from '../helpers/tmpRepo.js';

// What `kam check --since` must keep however finding identity is computed (issue 25, "Tests that
// pin what the refactor must keep"): the YAML path is part of the identity, and equal identities
// are counted, not matched as a set.

/** The fixture repo committed with `plan` as plans/acme.yaml, then `plan` changed to `now` (not committed). */
function repoWith(plan: string, now: string): string {
  const root = makeRepo({ 'kam.yaml': CONFIG, 'accounts/acme.yaml': ACCOUNT, 'plans/acme.yaml': plan });
  gitInit(root);
  commitAll(root, 'plans', '2026-11-20');
  writeFileSync(join(root, 'plans/acme.yaml'), now);
  return root;
}

async function since(root: string) {
  const { json } = await kamJson(['check', '--since', 'HEAD', '--today', TODAY, '-C', root, '-f', 'json']);
  return json as { findings: { rule: string; path: (string | number)[]; line: number }[]; since: { existing: number } };
}

/** The fixture plan with these actions, each "Call" (so only their place tells them apart). */
const withActions = (actions: string[]) => PLAN.replace(/actions:\n.*\n$/s, `actions:\n${actions.map((a) => `  - ${a}\n`).join('')}`);
const owned = '{ title: Call, owner: Ann, due: 2026-12-01 }';
const ownerless = '{ title: Call, due: 2026-12-01 }';

describe('check --since: finding identity', () => {
  it('a finding that moves to another YAML path is new (an owner added to actions[3], a new ownerless actions[4])', async () => {
    const root = repoWith(withActions([owned, owned, owned, ownerless]), withActions([owned, owned, owned, owned, ownerless]));
    const out = await since(root);
    expect(out.findings.map((f) => [f.rule, f.path])).toEqual([['action_without_owner', ['actions', 4, 'owner']]]);
    expect(out.since.existing).toBe(0);
  });

  it('the same finding at the same path already existed', async () => {
    const root = repoWith(withActions([owned, ownerless]), `# a comment moves every line\n${withActions([owned, ownerless])}`);
    const out = await since(root);
    expect(out.findings).toEqual([]);
    expect(out.since.existing).toBe(1);
  });

  it('equal identities are counted, not matched as a set: a third duplicate key is one new finding', async () => {
    const root = repoWith(`${PLAN}notes: a\nnotes: b\nnotes: c\n`, `${PLAN}notes: a\nnotes: b\nnotes: c\nnotes: d\n`);
    const out = await since(root);
    expect(out.findings.map((f) => f.rule)).toEqual(['duplicate_key']);
    expect(out.since.existing).toBe(2);
  });
});
