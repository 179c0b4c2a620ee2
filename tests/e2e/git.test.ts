import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commitAll, git, gitInit, workState } from '../helpers/gitRepo.js';
import { kam, kamJson } from '../helpers/kamInProcess.js';
import { makeRepo, tmpDir } from '../helpers/tmpRepo.js';
import { account, buildStory, KAM_YAML, plan, write, type Story } from './git.fixture.js';

const TODAY = ['--today', '2026-11-23'];

// Health (--today 2026-11-23): research stage, no team (team 0 of 6 roles), never reviewed and last
// committed long ago (freshness 0): 100 x 3 x completeness / 6, so 25 (red) at 50%, 50 (amber) at 100%.
const HEALTH = { 50: [25, 'red'], 100: [50, 'amber'], 0: [0, 'red'] } as Record<number, [number, string]>;
const state = (score: number | null, tier: string | null, quadrant: string | null, completeness: number | null, health = completeness === null ? null : HEALTH[completeness]!) =>
  ({ score, tier, quadrant, completeness, health: health?.[0] ?? null, band: health?.[1] ?? null });
const none = { new: [], resolved: [] };
const unansweredGoal = (line: number) => ({
  rule: 'unanswered_question',
  severity: 'warning',
  account: 'acme',
  file: 'plans/acme.yaml',
  line,
  column: 3,
  message: 'unanswered: What is their main goal? (basics.goal)',
  path: ['answers', 'basics.goal'],
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

  it('reports score, tier and completeness changes and resolved findings between two commits', async () => {
    watch(s.dir);
    const { code, json } = await kamJson(['diff', s.c.add, s.c.rate, '-C', s.root, '-f', 'json', ...TODAY]);
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

  it('shows new findings when going backwards', async () => {
    watch(s.dir);
    const { json } = await kamJson(['diff', s.c.rate, s.c.add, '-C', s.root, '-f', 'json', ...TODAY]);
    expect(json.changes).toEqual([
      { id: 'acme', kind: 'changed', before: state(100, 'Tier 1', 'Strategic', 100), after: state(50, 'Tier 3', 'Strategic', 50), findings: { new: [unansweredGoal(4)], resolved: [] } },
    ]);
  });

  it('reports a renamed account file as removed + added', async () => {
    watch(s.dir);
    const { json } = await kamJson(['diff', s.c.rate, s.c.rename, '-C', s.root, '-f', 'json', ...TODAY]);
    expect(json).toEqual({
      base: s.c.rate,
      head: s.c.rename,
      changes: [
        { id: 'globex', kind: 'removed', before: state(28.3, 'Not key', 'Streamline', null), after: null, findings: none },
        { id: 'initech', kind: 'added', before: null, after: state(28.3, 'Not key', 'Streamline', null), findings: none },
      ],
    });
  });

  it('reports a deleted plan as completeness → null, with revision names kept as given', async () => {
    watch(s.dir);
    const { json } = await kamJson(['diff', 'HEAD~1', 'HEAD', '-C', s.root, '-f', 'json', ...TODAY]);
    expect(json).toEqual({
      base: 'HEAD~1',
      head: 'HEAD',
      changes: [{ id: 'acme', kind: 'changed', before: state(100, 'Tier 1', 'Strategic', 100), after: state(100, 'Tier 1', 'Strategic', null), findings: none }],
    });
  });

  it('compares the whole story, first commit to the working tree with uncommitted edits', async () => {
    const dir = buildStory().dir;
    write(dir, { 'accounts/initech.yaml': account('Initech', 4, 2), 'plans/initech.yaml': plan('initech', {}), 'accounts/hooli.yaml': 'name: Hooli\n' });
    watch(dir);
    const { code, json } = await kamJson(['diff', 'main~3', '-C', dir, '-f', 'json', ...TODAY]);
    expect(code).toBe(0);
    const unanswered = (question: string, text: string) => ({
      rule: 'unanswered_question', severity: 'warning', account: 'initech', file: 'plans/initech.yaml', line: 4, column: 3, message: `unanswered: ${text} (${question})`, path: ['answers', question], question,
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

  it('ignores findings that only moved to other lines and leaves unchanged accounts out', async () => {
    const dir = buildStory().dir;
    git(dir, 'checkout', '-q', 'main~3'); // acme's plan has an unanswered question (line 4)
    write(dir, { 'plans/acme.yaml': `# a comment\n# another\n${plan('acme', { 'basics.sponsor': 'Our CFO' })}` });
    watch(dir);
    // The finding is now on line 6 ...
    const fromRated = (await kamJson(['diff', 'main~2', '-C', dir, '-f', 'json', ...TODAY])).json;
    expect(fromRated.changes[0].findings.new).toEqual([unansweredGoal(6)]);
    // ... and still the same finding: nothing changed.
    const { json } = await kamJson(['diff', 'main~3', '-C', dir, '-f', 'json', ...TODAY]);
    expect(json).toEqual({ base: 'main~3', head: 'worktree', changes: [] });
  });

  it('works when the plan repo is a subfolder of the git repo', async () => {
    const story = buildStory('plans-repo');
    watch(story.dir);
    const { json } = await kamJson(['diff', story.c.add, story.c.rate, '-f', 'json', ...TODAY], { cwd: join(story.root, 'accounts') });
    expect(json.changes).toEqual([
      { id: 'acme', kind: 'changed', before: state(50, 'Tier 3', 'Strategic', 50), after: state(100, 'Tier 1', 'Strategic', 100), findings: { new: [], resolved: [unansweredGoal(4)] } },
    ]);
    expect((await kamJson(['history', 'initech', '-C', story.root, '-f', 'json'])).json.history.map((h: { subject: string }) => h.subject)).toEqual(['Rename globex to initech']);
  });

  it('writes markdown for a pull-request comment: arrows, highlighted tier changes, folded findings', async () => {
    watch(s.dir);
    const run = await kam(['diff', s.c.add, s.c.rate, '-C', s.root, '-f', 'markdown', ...TODAY]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`## Account plans: \`${s.c.add}\` → \`${s.c.rate}\``);
    expect(run.stdout).toContain('| `acme` | changed | 50.0 → 100.0 (+50.0) | **Tier 3 → Tier 1** | Strategic |');
    expect(run.stdout).toContain('| 50% → 100% (+50) | 25.0 red → 50.0 amber (+25.0) | 1 resolved |');
    expect(run.stdout).toMatch(/<details><summary><code>acme<\/code>: 1 resolved finding<\/summary>[\s\S]*\*\*Resolved\*\*[\s\S]*What is their main goal\? \(basics.goal\)[\s\S]*<\/details>/);
  });

  it('prints a table on a terminal and says so when nothing changed', async () => {
    watch(s.dir);
    const run = await kam(['diff', s.c.add, s.c.rate, '-C', s.root, ...TODAY]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/acme\s+│ changed │ 50\.0 → 100\.0 \(\+50\.0\) │ Tier 3 → Tier 1 │/);
    expect(run.stdout).toContain('  - plans/acme.yaml:4:3  warning  unanswered: What is their main goal? (basics.goal)  unanswered_question');
    const same = await kam(['diff', '-C', s.root, ...TODAY]);
    expect(same.stdout).toBe('kam diff HEAD → worktree: no account changed\n');
  });

  it('exits 2 with a clear message for an unknown revision', async () => {
    watch(s.dir);
    const run = await kam(['diff', 'no-such-branch', '-C', s.root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('kam: unknown revision "no-such-branch"; name a commit, branch or tag ("git log --oneline" lists commits)\n');
    expect((await kam(['diff', 'HEAD', 'nope~1', '-C', s.root])).stderr).toContain('unknown revision "nope~1"');
  });

  it('exits 2 outside a git repo', async () => {
    const dir = makeRepo({ 'accounts/acme.yaml': account('Acme', 3) });
    const run = await kam(['diff', '-C', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^kam: .* is not in a git repository; kam compares git revisions: run "git init" and commit the plan repo first\n$/);
    expect((await kam(['history', 'acme', '-C', dir])).code).toBe(2);
  });

  it('exits 2 in a repo without commits', async () => {
    const dir = makeRepo({});
    git(dir, 'init', '-q');
    const run = await kam(['diff', '-C', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no commits yet');
  });

  it('exits 2 with the fetch hint in a shallow clone that lacks the base revision', async () => {
    const clone = join(tmpDir(), 'clone');
    git(s.dir, 'clone', '-q', '--depth', '1', `file://${s.dir}`, clone);
    watch(clone);
    const run = await kam(['diff', 'HEAD~1', '-C', clone]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('kam: revision "HEAD~1" is not in this shallow clone; fetch more history: git fetch --unshallow or actions/checkout fetch-depth: 0\n');
    // What the clone does have still works.
    expect((await kamJson(['diff', '-C', clone, '-f', 'json', ...TODAY])).json).toEqual({ base: 'HEAD', head: 'worktree', changes: [] });
    const history = await kamJson(['history', 'acme', '-C', clone, '-f', 'json']);
    expect(history.json.history.map((h: { subject: string }) => h.subject)).toEqual(['Drop the acme plan']);
    expect(history.stderr).toContain('shallow clone');
  });

  it('reports a committed file over 2 MiB as on disk, and reads the files beside it', async () => {
    const dir = makeRepo({ 'kam.yaml': KAM_YAML, 'accounts/acme.yaml': account('Acme', 3) });
    gitInit(dir);
    const base = commitAll(dir, 'Start', '2026-06-01');
    write(dir, { 'accounts/huge.yaml': `name: Huge\nnotes: ${'x'.repeat(2_200_000)}\n`, 'accounts/zeta.yaml': account('Zeta', 5, 1) });
    const head = commitAll(dir, 'Add a huge file', '2026-06-02');
    const { code, json } = await kamJson(['diff', base, head, '-C', dir, '-f', 'json', ...TODAY]);
    expect(code).toBe(0);
    const byId = Object.fromEntries(json.changes.map((c: { id: string }) => [c.id, c]));
    expect(byId.huge.findings.new).toEqual([
      expect.objectContaining({ rule: 'yaml_syntax', file: 'accounts/huge.yaml', line: 1, message: 'the file is 2.1 MiB; kam reads files up to 2 MiB: split it or remove what does not belong in a plan' }),
    ]);
    expect(byId.zeta).toMatchObject({ kind: 'added', after: { score: 100, tier: 'Tier 1' } });
  });

  it('exits 2 when kam.yaml is invalid at a revision', async () => {
    const dir = buildStory().dir;
    write(dir, { 'kam.yaml': 'version: 2\n' });
    commitAll(dir, 'Break the config', '2026-07-01');
    const run = await kam(['diff', 'HEAD~1', 'HEAD', '-C', join(dir)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^kam: kam.yaml is invalid at HEAD: kam.yaml:1:10 /);
  });
});

describe('kam history', () => {
  let s: Story;
  beforeAll(() => {
    s = buildStory();
  });

  it("lists the account's score, tier and completeness at each commit that touched it, oldest first", async () => {
    watch(s.dir);
    const { code, json } = await kamJson(['history', 'acme', '-C', s.root, '-f', 'json']);
    expect(code).toBe(0);
    expect(json).toEqual({
      account: 'acme',
      history: [
        { commit: s.c.add, date: '2026-01-10', subject: 'Add acme and globex', score: 50, tier: 'Tier 3', completeness: 50, health: 58.3, band: 'amber' },
        { commit: s.c.rate, date: '2026-03-01', subject: 'Rate acme higher', score: 100, tier: 'Tier 1', completeness: 100, health: 83.3, band: 'green' },
        { commit: s.c.dropPlan, date: '2026-06-01', subject: 'Drop the acme plan', score: 100, tier: 'Tier 1', completeness: null, health: null, band: null },
      ],
    });
  });

  it('ends with the commit that renamed or deleted the account', async () => {
    watch(s.dir);
    expect((await kamJson(['history', 'globex', '-C', s.root, '-f', 'json'])).json).toEqual({
      account: 'globex',
      history: [
        { commit: s.c.add, date: '2026-01-10', subject: 'Add acme and globex', score: 28.3, tier: 'Not key', completeness: null, health: null, band: null },
        { commit: s.c.rename, date: '2026-05-01', subject: 'Rename globex to initech', score: null, tier: null, completeness: null, health: null, band: null },
      ],
    });
  });

  it('--since keeps commits from that date on', async () => {
    watch(s.dir);
    const { json } = await kamJson(['history', 'acme', '--since', '2026-03-01', '-C', s.root, '-f', 'json']);
    expect(json.history.map((h: { commit: string }) => h.commit)).toEqual([s.c.rate, s.c.dropPlan]);
  });

  it('prints a table without a sparkline when stdout is not a terminal', async () => {
    watch(s.dir);
    const run = await kam(['history', 'acme', '-C', s.root]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`${s.c.add.slice(0, 7)} │ 2026-01-10 │ 50\\.0 +│ Tier 3 │ 50% +│ 58\\.3 amber │ Add acme and globex`));
    expect(run.stdout).not.toMatch(/[▁▂▃▄▅▆▇█]/);
  });

  it('exits 2 for an account no commit touches, suggesting a close id', async () => {
    watch(s.dir);
    const run = await kam(['history', 'acm', '-C', s.root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('kam: no account "acm" in the history: no commit touches accounts/acm.yaml or plans/acm.yaml; did you mean "acme"?\n');
    expect((await kam(['history', 'Not An Id', '-C', s.root])).code).toBe(2);
  });
});

describe('kam check: stale_plan from git history', () => {
  it('uses the date of the last commit that changed a plan without last_reviewed, and says so', async () => {
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
    const { json } = await kamJson(['check', '-C', dir, '-f', 'json', ...TODAY]);
    const stale = json.findings.filter((f: { rule: string }) => f.rule === 'stale_plan').map((f: { file: string; message: string }) => [f.file, f.message]);
    expect(stale).toEqual([
      ['plans/new.yaml', 'the plan has never been reviewed (no last_reviewed and no commit in git history); review it and add last_reviewed: YYYY-MM-DD'],
      ['plans/old.yaml', 'no last_reviewed, and the plan last changed in git on 2026-01-10, 317 days ago (the review cadence is 90 days); review it and add last_reviewed: YYYY-MM-DD'],
    ]);
  });

  it('outside git only last_reviewed counts', async () => {
    const dir = makeRepo({ 'accounts/old.yaml': account('Old', 3), 'plans/old.yaml': plan('old', {}) });
    const { json } = await kamJson(['check', '-C', dir, '-f', 'json', ...TODAY]);
    expect(json.findings.filter((f: { rule: string }) => f.rule === 'stale_plan').map((f: { message: string }) => f.message)).toEqual([
      'the plan has never been reviewed (no last_reviewed); review it and add last_reviewed: YYYY-MM-DD',
    ]);
  });
});

describe('numbers in kam diff and kam history (spec 1.2)', () => {
  // 2026-01-10: target 2,000,000 on 1,000,000 current (gap 1,000,000), one open 400,000 opportunity at
  // 0.5 (weighted 200,000): coverage 0.2. A 300,000 support contract ends 2026-12-31, unassessed.
  // 2026-03-01: target lowered to 1,500,000 (gap 500,000) and the opportunity won: coverage 400,000 / 500,000 = 0.8;
  // the renewal is now likely.
  const accountAt = (target: number, renewal: string) =>
    `${account('Acme Corp', 4)}revenue: { current: 1000000, target: ${target} }\ncontracts:\n  - { id: support, value: 300000, end: 2026-12-31, notice_days: 60, renewal: ${renewal} }\n`;
  const planAt = (stage: string) => `${plan('acme', { 'basics.goal': 'grow' })}opportunities:\n  - { name: Expansion, value: 400000, ${stage} }\n`;
  let root: string;
  let c: { first: string; second: string };
  beforeAll(() => {
    root = tmpDir('kam-numbers-');
    gitInit(root);
    write(root, { 'kam.yaml': `${KAM_YAML}renewals: { assess_days: 180 }\n`, 'accounts/acme.yaml': accountAt(2_000_000, 'unknown'), 'plans/acme.yaml': planAt('probability: 0.5') });
    const first = commitAll(root, 'Set a target', '2026-01-10');
    write(root, { 'accounts/acme.yaml': accountAt(1_500_000, 'likely'), 'plans/acme.yaml': planAt('stage: won') });
    c = { first, second: commitAll(root, 'Win the expansion', '2026-03-01') };
  });

  it('reports target, coverage and renewal changes between two commits', async () => {
    watch(root);
    const { code, json } = await kamJson(['diff', c.first, c.second, '-C', root, '-f', 'json', ...TODAY]);
    expect(code).toBe(0);
    const [change] = json.changes;
    // On 2026-11-23 the contract is inside the 180-day window: 300,000 renewing, all of it at risk while unassessed.
    expect(change.before.numbers).toEqual({ currency: 'USD', target: 2_000_000, coverage: 0.2, renewing: 300_000, at_risk: 300_000, next_renewal: { id: 'support', end: '2026-12-31', renewal: 'unknown' } });
    expect(change.after.numbers).toEqual({ currency: 'USD', target: 1_500_000, coverage: 0.8, renewing: 300_000, at_risk: 0, next_renewal: { id: 'support', end: '2026-12-31', renewal: 'likely' } });
    const table = await kam(['diff', c.first, c.second, '-C', root, ...TODAY]);
    expect(table.stdout).toContain('acme: target 2,000,000 USD → 1,500,000 USD, coverage 20.0% → 80.0%, at risk 300,000 USD → 0 USD, next renewal support ending 2026-12-31 (unknown) → support ending 2026-12-31 (likely)');
    const md = await kam(['diff', c.first, c.second, '-C', root, '-f', 'markdown', ...TODAY]);
    expect(md.stdout).toContain('**Numbers**\n\n- `acme`: target 2,000,000 USD → 1,500,000 USD, coverage 20.0% → 80.0%');
  });

  it('shows target and coverage at each commit in kam history, with "today" the commit date', async () => {
    watch(root);
    const { json } = await kamJson(['history', 'acme', '-C', root, '-f', 'json']);
    // As of each commit's own date the contract (ending 2026-12-31) is beyond the 180-day window.
    expect(json.history.map((h: { numbers: unknown }) => h.numbers)).toEqual([
      { currency: 'USD', target: 2_000_000, coverage: 0.2, renewing: 0, at_risk: 0, next_renewal: { id: 'support', end: '2026-12-31', renewal: 'unknown' } },
      { currency: 'USD', target: 1_500_000, coverage: 0.8, renewing: 0, at_risk: 0, next_renewal: { id: 'support', end: '2026-12-31', renewal: 'likely' } },
    ]);
    const run = await kam(['history', 'acme', '-C', root]);
    expect(run.stdout).toMatch(/│ Target +│ Coverage +│ Subject/);
    expect(run.stdout).toMatch(/│ 2,000,000 USD │ 20\.0% +│ Set a target/);
    expect(run.stdout).toMatch(/│ 1,500,000 USD │ 80\.0% +│ Win the expansion/);
  });

  it('leaves the numbers out of an account that has no target and no contracts', async () => {
    const s = buildStory();
    expect((await kamJson(['history', 'acme', '-C', s.root, '-f', 'json'])).json.history.every((h: object) => !('numbers' in h))).toBe(true);
    expect((await kam(['history', 'acme', '-C', s.root])).stdout).not.toContain('Coverage');
  });
});
