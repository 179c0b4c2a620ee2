// git/changes: one comparison of two states of a plan repo, on real git history. kam diff,
// check --since and the QBR must read the same changes from it (one finding identity, one
// stakeholder identity).
import { describe, expect, it } from 'vitest';
import { checkRepo } from '../../../src/check/checkRepo.js';
import { changesBetween, newFindings, stakeholderChanges, type RepoSide } from '../../../src/git/changes.js';
import { diffRevisions } from '../../../src/git/diff.js';
import { findingsSince } from '../../../src/git/since.js';
import { loadRevision } from '../../../src/git/snapshot.js';
import { findingIdentity, type Finding } from '../../../src/findings/finding.js';
import { loadRepo, type Repo } from '../../../src/load/loadRepo.js';
import { commitAll, gitInit } from '../../helpers/gitRepo.js';
import { tmpDir } from '../../helpers/tmpRepo.js';
import { account, KAM_YAML, write } from '../../e2e/git.fixture.js';

const TODAY = '2026-11-23';
// action_without_owner on so findings can be made and moved; every plan is reviewed (no git dates).
const CONFIG = KAM_YAML.replace('  action_without_owner: off\n', '');
const plan = (id: string, stakeholders: string[], actions: string[]) => `account: ${id}
last_reviewed: 2026-11-01
stakeholders:
${stakeholders.map((s) => `  - ${s}\n`).join('') || '  []\n'}actions:
${actions.map((a) => `  - ${a}\n`).join('') || '  []\n'}`;
const owned = '{ title: Call, owner: Ann, due: 2026-12-01 }';
const ownerless = '{ title: Call, due: 2026-12-01 }';

/** v1 committed: acme (rated 3) and globex with plans; then, in the working tree: globex gone, initech new, acme rated 5. */
async function story(): Promise<{ root: string; base: Awaited<ReturnType<typeof loadRevision>>; repo: Repo }> {
  const root = tmpDir('kam-changes-');
  gitInit(root);
  write(root, {
    'kam.yaml': CONFIG,
    'accounts/acme.yaml': account('Acme Corp', 3),
    'accounts/globex.yaml': account('Globex', 2),
    'plans/acme.yaml': plan('acme', ['{ name: Ann Lee, role: champion }', '{ name: Bo Berg }'], [owned, ownerless, ownerless]),
    'plans/globex.yaml': plan('globex', [], []),
  });
  commitAll(root, 'v1', '2026-08-15');
  write(root, {
    'accounts/acme.yaml': account('Acme Corp', 5, 1),
    // Ann gets an id and her name another spacing (the same person); Bo leaves; Cy joins.
    // actions[1] gets an owner (its finding is resolved), actions[3] is a new ownerless one (new).
    'plans/acme.yaml': plan('acme', ['{ id: ann, name: "ann  lee", role: champion }', '{ name: Cy Chen }'], [owned, owned, ownerless, ownerless]),
    'accounts/initech.yaml': account('Initech', 4),
    'plans/initech.yaml': plan('initech', [], [ownerless]),
  });
  const { rmSync } = await import('node:fs');
  rmSync(`${root}/accounts/globex.yaml`);
  rmSync(`${root}/plans/globex.yaml`);
  const loaded = await loadRepo(root, { cache: false });
  if (!loaded.ok) throw new Error('the working tree does not load');
  return { root, base: await loadRevision(root, 'HEAD'), repo: loaded.repo };
}

const sides = (base: { repo: Repo | null; date: string }, repo: Repo): [RepoSide, RepoSide] => [{ repo: base.repo, today: TODAY }, { repo, today: TODAY }];
const ids = (fs: Finding[]) => fs.map((f) => [f.rule, f.account, f.path.join('.')]);

describe('changesBetween', () => {
  it('gives accounts and plans added and removed, tier moves, stakeholders by the one identity and each state', async () => {
    const { base, repo } = await story();
    const changes = changesBetween(...sides(base, repo));
    expect(changes.accounts).toEqual({ added: ['initech'], removed: ['globex'] });
    expect(changes.plans).toEqual({ added: ['initech'], removed: ['globex'] });
    expect(changes.tiers.map((t) => [t.id, t.fromText, t.toText])).toEqual([
      ['acme', changes.states.before.get('acme')!.tier, changes.states.after.get('acme')!.tier],
      ['initech', 'new', changes.states.after.get('initech')!.tier ?? 'needs rating'],
      ['globex', changes.states.before.get('globex')!.tier ?? 'needs rating', 'removed'],
    ]);
    expect(changes.states.before.get('acme')!.tier).not.toBe(changes.states.after.get('acme')!.tier);
    expect(changes.states.before.get('acme')!.score).toBeLessThan(changes.states.after.get('acme')!.score!);
    const people = changes.stakeholders('acme');
    expect(people.added.map((s) => s.name)).toEqual(['Cy Chen']);
    expect(people.removed.map((s) => s.name)).toEqual(['Bo Berg']);
    expect(changes.stakeholders('initech')).toEqual({ added: [], removed: [] });
  });

  it('matches findings by findingIdentity, counted: a moved one is new, a reworded one is not', async () => {
    const { base, repo } = await story();
    const changes = changesBetween(...sides(base, repo));
    const actions = (fs: Finding[]) => ids(fs.filter((f) => f.rule === 'action_without_owner'));
    // actions[2] keeps its finding; [1] got an owner; the ownerless one at [3] is new, though equal in wording to [2].
    expect(actions(changes.findings.new)).toEqual([
      ['action_without_owner', 'acme', 'actions.3.owner'],
      ['action_without_owner', 'initech', 'actions.0.owner'],
    ]);
    expect(actions(changes.findings.resolved)).toEqual([['action_without_owner', 'acme', 'actions.1.owner']]);
    expect(ids(changes.findings.resolved.filter((f) => f.account === 'globex'))).toEqual(ids(checkRepo(base.repo!, { today: TODAY }).findings.filter((f) => f.account === 'globex')));
    const before = checkRepo(base.repo!, { today: TODAY }).findings;
    const reworded = before.map((f) => ({ ...f, message: `${f.message} (reworded)`, line: f.line + 3 }));
    expect(newFindings(reworded, before)).toEqual([]);
    // Two equal findings need two counterparts: a third copy is new.
    const one = before.find((f) => f.account === 'acme')!;
    expect(newFindings([one, one, one], [one, one])).toEqual([one]);
    expect(findingIdentity(newFindings([one, one, one], [one, one])[0]!)).toBe(findingIdentity(one));
  });

  it('is what kam diff and check --since report for the same two states', async () => {
    const { root, base, repo } = await story();
    const changes = changesBetween(...sides(base, repo));
    const diff = await diffRevisions(root, { base: 'HEAD', today: TODAY });
    expect(diff.changes).toEqual(changes.byAccount);
    expect(diff.changes.map((c) => [c.id, c.kind])).toEqual([['acme', 'changed'], ['globex', 'removed'], ['initech', 'added']]);
    const now = checkRepo(repo, { today: TODAY }).findings;
    const since = await findingsSince(root, 'HEAD', now, { today: TODAY });
    expect(since.findings).toEqual(changesBetween({ repo: base.repo, today: TODAY }, { repo: null, today: TODAY, findings: now }).findings.new);
    expect(since.findings.filter((f) => f.account !== null)).toEqual(changes.findings.new);
    expect(since.existing).toBe(now.length - since.findings.length);
  });

  it('compares with nothing when the revision had no plan repo', async () => {
    const { repo } = await story();
    const changes = changesBetween({ repo: null, today: TODAY }, { repo, today: TODAY });
    expect(changes.accounts.removed).toEqual([]);
    expect(changes.accounts.added).toEqual(['acme', 'initech']);
    expect(changes.findings.resolved).toEqual([]);
    expect(changes.byAccount.every((c) => c.kind === 'added')).toBe(true);
    expect(changes.tiers.every((t) => t.fromText === 'new')).toBe(true);
  });
});

describe('stakeholderChanges', () => {
  it('is one identity: the same id, or a name that is the same person', () => {
    const then = [{ name: 'Ann Lee' }, { id: 'bo', name: 'Bo Berg' }, { name: 'Di Dorn' }] as never[];
    const now = [{ id: 'ann', name: 'ANN  LEE' }, { id: 'bo', name: 'Robert Berg' }, { name: 'Cy Chen' }] as never[];
    const { added, removed } = stakeholderChanges(then, now);
    expect(added.map((s: { name: string }) => s.name)).toEqual(['Cy Chen']);
    expect(removed.map((s: { name: string }) => s.name)).toEqual(['Di Dorn']);
  });
});
