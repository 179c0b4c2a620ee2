import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commitAll, git, gitInit, workState } from '../helpers/gitRepo.js';
import { runKam, runKamJson } from '../helpers/kam.js';
import { makeRepo, tmpDir } from '../helpers/tmpRepo.js';
import { account, buildStory, KAM_YAML, plan, write, type Story } from './git.fixture.js';

const TODAY = ['--today', '2026-11-23'];

const state = (score: number | null, tier: string | null, quadrant: string | null, completeness: number | null) => ({ score, tier, quadrant, completeness });
const none = { new: [], resolved: [] };
const unansweredGoal = (line: number) => ({
  rule: 'unanswered_question',
  severity: 'warning',
  account: 'acme',
  file: 'plans/acme.yaml',
  line,
  column: 3,
  message: 'unanswered: What is their main goal? (basics.goal)',
  question: 'basics.goal',
});

/** Every command of these tests must leave the working tree, `git status` and the index alone. */
let watched: { dir: string; before: ReturnType<typeof workState> }[] = [];
function watch(dir: string): void {
  watched.push({ dir, before: workState(dir) });
}
afterEach(() => {
  for (const { dir, before } of watched) expect(workState(dir)).toEqual(before);
  watched = [];
});

describe('kam diff', () => {
  let s: Story;
  beforeAll(() => {
    s = buildStory();
  });

  it('reports score, tier and completeness changes and resolved findings between two commits', () => {
    watch(s.dir);
    const { code, json } = runKamJson(['diff', s.c.add, s.c.rate, '-C', s.root, '-f', 'json', ...TODAY]);
    expect(code).toBe(0);
    expect(json).toEqual({
      base: s.c.add,
      head: s.c.rate,
      changes: [
        {
          id: 'acme',
          kind: 'changed',
          before: state(50, 'Tier 3', 'Strategic', 50),
          after: state(100, 'Tier 1', 'Strategic', 100),
          findings: { new: [], resolved: [unansweredGoal(4)] },
        },
      ],
    });
  });

  it('shows new findings when going backwards', () => {
    watch(s.dir);
    const { json } = runKamJson(['diff', s.c.rate, s.c.add, '-C', s.root, '-f', 'json', ...TODAY]);
    expect(json.changes).toEqual([
      { id: 'acme', kind: 'changed', before: state(100, 'Tier 1', 'Strategic', 100), after: state(50, 'Tier 3', 'Strategic', 50), findings: { new: [unansweredGoal(4)], resolved: [] } },
    ]);
  });

  it('reports a renamed account file as removed + added', () => {
    watch(s.dir);
    const { json } = runKamJson(['diff', s.c.rate, s.c.rename, '-C', s.root, '-f', 'json', ...TODAY]);
    expect(json).toEqual({
      base: s.c.rate,
      head: s.c.rename,
      changes: [
        { id: 'globex', kind: 'removed', before: state(28.3, 'Not key', 'Streamline', null), after: null, findings: none },
        { id: 'initech', kind: 'added', before: null, after: state(28.3, 'Not key', 'Streamline', null), findings: none },
      ],
    });
  });

  it('reports a deleted plan as completeness → null, with revision names kept as given', () => {
    watch(s.dir);
    const { json } = runKamJson(['diff', 'HEAD~1', 'HEAD', '-C', s.root, '-f', 'json', ...TODAY]);
    expect(json).toEqual({
      base: 'HEAD~1',
      head: 'HEAD',
      changes: [{ id: 'acme', kind: 'changed', before: state(100, 'Tier 1', 'Strategic', 100), after: state(100, 'Tier 1', 'Strategic', null), findings: none }],
    });
  });

  it('compares the whole story, first commit to the working tree with uncommitted edits', () => {
    const dir = buildStory().dir;
    write(dir, { 'accounts/initech.yaml': account('Initech', 4, 2), 'plans/initech.yaml': plan('initech', {}), 'accounts/hooli.yaml': 'name: Hooli\n' });
    watch(dir);
    const { code, json } = runKamJson(['diff', 'main~3', '-C', dir, '-f', 'json', ...TODAY]);
    expect(code).toBe(0);
    const unanswered = (question: string, text: string) => ({
      rule: 'unanswered_question', severity: 'warning', account: 'initech', file: 'plans/initech.yaml', line: 4, column: 3, message: `unanswered: ${text} (${question})`, question,
    });
    expect(json).toEqual({
      base: 'main~3',
      head: 'worktree',
      changes: [
        { id: 'acme', kind: 'changed', before: state(50, 'Tier 3', 'Strategic', 50), after: state(100, 'Tier 1', 'Strategic', null), findings: { new: [], resolved: [unansweredGoal(4)] } },
        { id: 'globex', kind: 'removed', before: state(28.3, 'Not key', 'Streamline', null), after: null, findings: none },
        { id: 'hooli', kind: 'added', before: null, after: state(null, null, null, null), findings: none },
        {
          id: 'initech',
          kind: 'added',
          before: null,
          after: state(75, 'Tier 1', 'Strategic', 0),
          findings: { new: [unanswered('basics.sponsor', 'Who is our sponsor?'), unanswered('basics.goal', 'What is their main goal?')], resolved: [] },
        },
      ],
    });
  });

  it('ignores findings that only moved to other lines and leaves unchanged accounts out', () => {
    const dir = buildStory().dir;
    git(dir, 'checkout', '-q', 'main~3'); // acme's plan has an unanswered question (line 4)
    write(dir, { 'plans/acme.yaml': `# a comment\n# another\n${plan('acme', { 'basics.sponsor': 'Our CFO' })}` });
    watch(dir);
    // The finding is now on line 6 ...
    const fromRated = runKamJson(['diff', 'main~2', '-C', dir, '-f', 'json', ...TODAY]).json;
    expect(fromRated.changes[0].findings.new).toEqual([unansweredGoal(6)]);
    // ... and still the same finding: nothing changed.
    const { json } = runKamJson(['diff', 'main~3', '-C', dir, '-f', 'json', ...TODAY]);
    expect(json).toEqual({ base: 'main~3', head: 'worktree', changes: [] });
  });

  it('works when the plan repo is a subfolder of the git repo', () => {
    const story = buildStory('plans-repo');
    watch(story.dir);
    const { json } = runKamJson(['diff', story.c.add, story.c.rate, '-f', 'json', ...TODAY], { cwd: join(story.root, 'accounts') });
    expect(json.changes).toEqual([
      { id: 'acme', kind: 'changed', before: state(50, 'Tier 3', 'Strategic', 50), after: state(100, 'Tier 1', 'Strategic', 100), findings: { new: [], resolved: [unansweredGoal(4)] } },
    ]);
    expect(runKamJson(['history', 'initech', '-C', story.root, '-f', 'json']).json.history.map((h: { subject: string }) => h.subject)).toEqual(['Rename globex to initech']);
  });

  it('writes markdown for a pull-request comment: arrows, highlighted tier changes, folded findings', () => {
    watch(s.dir);
    const run = runKam(['diff', s.c.add, s.c.rate, '-C', s.root, '-f', 'markdown', ...TODAY]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`## Account plans: \`${s.c.add}\` → \`${s.c.rate}\``);
    expect(run.stdout).toContain('| `acme` | changed | 50.0 → 100.0 (+50.0) | **Tier 3 → Tier 1** | Strategic |');
    expect(run.stdout).toContain('| 50% → 100% (+50) | 1 resolved |');
    expect(run.stdout).toMatch(/<details><summary><code>acme<\/code>: 1 resolved finding<\/summary>[\s\S]*\*\*Resolved\*\*[\s\S]*What is their main goal\? \(basics.goal\)[\s\S]*<\/details>/);
  });

  it('prints a table on a terminal and says so when nothing changed', () => {
    watch(s.dir);
    const run = runKam(['diff', s.c.add, s.c.rate, '-C', s.root, ...TODAY]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/acme\s+│ changed │ 50\.0 → 100\.0 \(\+50\.0\) │ Tier 3 → Tier 1 │/);
    expect(run.stdout).toContain('  - plans/acme.yaml:4:3  warning  unanswered: What is their main goal? (basics.goal)  unanswered_question');
    const same = runKam(['diff', '-C', s.root, ...TODAY]);
    expect(same.stdout).toBe('kam diff HEAD → worktree: no account changed\n');
  });

  it('exits 2 with a clear message for an unknown revision', () => {
    watch(s.dir);
    const run = runKam(['diff', 'no-such-branch', '-C', s.root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('kam: unknown revision "no-such-branch"; name a commit, branch or tag ("git log --oneline" lists commits)\n');
    expect(runKam(['diff', 'HEAD', 'nope~1', '-C', s.root]).stderr).toContain('unknown revision "nope~1"');
  });

  it('exits 2 outside a git repo', () => {
    const dir = makeRepo({ 'accounts/acme.yaml': account('Acme', 3) });
    const run = runKam(['diff', '-C', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^kam: .* is not in a git repository; kam compares git revisions: run "git init" and commit the plan repo first\n$/);
    expect(runKam(['history', 'acme', '-C', dir]).code).toBe(2);
  });

  it('exits 2 in a repo without commits', () => {
    const dir = makeRepo({});
    git(dir, 'init', '-q');
    const run = runKam(['diff', '-C', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no commits yet');
  });

  it('exits 2 with the fetch hint in a shallow clone that lacks the base revision', () => {
    const clone = join(tmpDir(), 'clone');
    git(s.dir, 'clone', '-q', '--depth', '1', `file://${s.dir}`, clone);
    watch(clone);
    const run = runKam(['diff', 'HEAD~1', '-C', clone]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('kam: revision "HEAD~1" is not in this shallow clone; fetch more history: git fetch --unshallow or actions/checkout fetch-depth: 0\n');
    // What the clone does have still works.
    expect(runKamJson(['diff', '-C', clone, '-f', 'json', ...TODAY]).json).toEqual({ base: 'HEAD', head: 'worktree', changes: [] });
    const history = runKamJson(['history', 'acme', '-C', clone, '-f', 'json']);
    expect(history.json.history.map((h: { subject: string }) => h.subject)).toEqual(['Drop the acme plan']);
    expect(history.stderr).toContain('shallow clone');
  });

  it('reports a committed file over 2 MiB as on disk, and reads the files beside it', () => {
    const dir = makeRepo({ 'kam.yaml': KAM_YAML, 'accounts/acme.yaml': account('Acme', 3) });
    gitInit(dir);
    const base = commitAll(dir, 'Start', '2026-06-01');
    write(dir, { 'accounts/huge.yaml': `name: Huge\nnotes: ${'x'.repeat(2_200_000)}\n`, 'accounts/zeta.yaml': account('Zeta', 5, 1) });
    const head = commitAll(dir, 'Add a huge file', '2026-06-02');
    const { code, json } = runKamJson(['diff', base, head, '-C', dir, '-f', 'json', ...TODAY]);
    expect(code).toBe(0);
    const byId = Object.fromEntries(json.changes.map((c: { id: string }) => [c.id, c]));
    expect(byId.huge.findings.new).toEqual([
      expect.objectContaining({ rule: 'yaml_syntax', file: 'accounts/huge.yaml', line: 1, message: 'the file is 2.1 MiB; kam reads files up to 2 MiB: split it or remove what does not belong in a plan' }),
    ]);
    expect(byId.zeta).toMatchObject({ kind: 'added', after: { score: 100, tier: 'Tier 1' } });
  });

  it('exits 2 when kam.yaml is invalid at a revision', () => {
    const dir = buildStory().dir;
    write(dir, { 'kam.yaml': 'version: 2\n' });
    commitAll(dir, 'Break the config', '2026-07-01');
    const run = runKam(['diff', 'HEAD~1', 'HEAD', '-C', join(dir)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^kam: kam.yaml is invalid at HEAD: kam.yaml:1:10 /);
  });
});

describe('kam history', () => {
  let s: Story;
  beforeAll(() => {
    s = buildStory();
  });

  it("lists the account's score, tier and completeness at each commit that touched it, oldest first", () => {
    watch(s.dir);
    const { code, json } = runKamJson(['history', 'acme', '-C', s.root, '-f', 'json']);
    expect(code).toBe(0);
    expect(json).toEqual({
      account: 'acme',
      history: [
        { commit: s.c.add, date: '2026-01-10', subject: 'Add acme and globex', score: 50, tier: 'Tier 3', completeness: 50 },
        { commit: s.c.rate, date: '2026-03-01', subject: 'Rate acme higher', score: 100, tier: 'Tier 1', completeness: 100 },
        { commit: s.c.dropPlan, date: '2026-06-01', subject: 'Drop the acme plan', score: 100, tier: 'Tier 1', completeness: null },
      ],
    });
  });

  it('ends with the commit that renamed or deleted the account', () => {
    watch(s.dir);
    expect(runKamJson(['history', 'globex', '-C', s.root, '-f', 'json']).json).toEqual({
      account: 'globex',
      history: [
        { commit: s.c.add, date: '2026-01-10', subject: 'Add acme and globex', score: 28.3, tier: 'Not key', completeness: null },
        { commit: s.c.rename, date: '2026-05-01', subject: 'Rename globex to initech', score: null, tier: null, completeness: null },
      ],
    });
  });

  it('--since keeps commits from that date on', () => {
    watch(s.dir);
    const { json } = runKamJson(['history', 'acme', '--since', '2026-03-01', '-C', s.root, '-f', 'json']);
    expect(json.history.map((h: { commit: string }) => h.commit)).toEqual([s.c.rate, s.c.dropPlan]);
  });

  it('prints a table without a sparkline when stdout is not a terminal', () => {
    watch(s.dir);
    const run = runKam(['history', 'acme', '-C', s.root]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`${s.c.add.slice(0, 7)} │ 2026-01-10 │ 50\\.0 +│ Tier 3 │ 50% +│ Add acme and globex`));
    expect(run.stdout).not.toMatch(/[▁▂▃▄▅▆▇█]/);
  });

  it('exits 2 for an account no commit touches, suggesting a close id', () => {
    watch(s.dir);
    const run = runKam(['history', 'acm', '-C', s.root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('kam: no account "acm" in the history: no commit touches accounts/acm.yaml or plans/acm.yaml; did you mean "acme"?\n');
    expect(runKam(['history', 'Not An Id', '-C', s.root]).code).toBe(2);
  });
});

describe('kam check: stale_plan from git history', () => {
  it('uses the date of the last commit that changed a plan without last_reviewed, and says so', () => {
    const dir = tmpDir('kam-stale-');
    gitInit(dir);
    write(dir, {
      'kam.yaml': 'version: 1\n',
      'accounts/old.yaml': account('Old', 3),
      'accounts/fresh.yaml': account('Fresh', 3),
      'accounts/reviewed.yaml': account('Reviewed', 3),
      'plans/old.yaml': plan('old', {}),
      'plans/fresh.yaml': plan('fresh', {}),
      'plans/reviewed.yaml': `last_reviewed: 2026-11-01\n${plan('reviewed', {})}`,
    });
    commitAll(dir, 'Add plans', '2026-01-10');
    write(dir, { 'plans/fresh.yaml': `${plan('fresh', {})}period: FY2027\n` });
    commitAll(dir, 'Touch the fresh plan', '2026-11-01');
    write(dir, { 'accounts/new.yaml': account('New', 3), 'plans/new.yaml': plan('new', {}) }); // not committed
    watch(dir);
    const { json } = runKamJson(['check', '-C', dir, '-f', 'json', ...TODAY]);
    const stale = json.findings.filter((f: { rule: string }) => f.rule === 'stale_plan').map((f: { file: string; message: string }) => [f.file, f.message]);
    expect(stale).toEqual([
      ['plans/new.yaml', 'the plan has never been reviewed (no last_reviewed and no commit in git history); review it and add last_reviewed: YYYY-MM-DD'],
      ['plans/old.yaml', 'no last_reviewed, and the plan last changed in git on 2026-01-10, 317 days ago (the review cadence is 90 days); review it and add last_reviewed: YYYY-MM-DD'],
    ]);
  });

  it('outside git only last_reviewed counts', () => {
    const dir = makeRepo({ 'accounts/old.yaml': account('Old', 3), 'plans/old.yaml': plan('old', {}) });
    const { json } = runKamJson(['check', '-C', dir, '-f', 'json', ...TODAY]);
    expect(json.findings.filter((f: { rule: string }) => f.rule === 'stale_plan').map((f: { message: string }) => f.message)).toEqual([
      'the plan has never been reviewed (no last_reviewed); review it and add last_reviewed: YYYY-MM-DD',
    ]);
  });
});
