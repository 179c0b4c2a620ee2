// kam run from a git hook (pre-commit, pre-push) inherits the variables that point git at the repo
// being committed: GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE. kam's own git must still read the plan
// repo it was given, and `kam init` must set up git in the new folder, not in that repo.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKam, runKamJson } from '../helpers/kam.js';
import { commitAll, git, gitInit } from '../helpers/gitRepo.js';
import { tmpDir } from '../helpers/tmpRepo.js';
import { account, KAM_YAML } from './git.fixture.js';

/** Another repo with one commit of its own: the one a hook's variables point at. */
function hookedRepo(): { env: Record<string, string>; head: string; dir: string } {
  const dir = tmpDir('kam-hooked-');
  gitInit(dir);
  writeFileSync(join(dir, 'README'), 'not a plan repo\n');
  const head = commitAll(dir, 'Other project', '2026-10-01');
  const gitDir = join(dir, '.git');
  return { dir, head, env: { GIT_DIR: gitDir, GIT_WORK_TREE: dir, GIT_INDEX_FILE: join(gitDir, 'index') } };
}

describe('kam under a git hook', () => {
  it('history reads the plan repo given with -C, not the repo GIT_DIR names', () => {
    const plans = tmpDir('kam-plans-');
    gitInit(plans);
    writeFileSync(join(plans, 'kam.yaml'), KAM_YAML);
    mkdirSync(join(plans, 'accounts'));
    writeFileSync(join(plans, 'accounts', 'acme.yaml'), account('Acme', 3));
    commitAll(plans, 'Add acme', '2026-10-02');
    writeFileSync(join(plans, 'accounts', 'acme.yaml'), account('Acme', 4));
    commitAll(plans, 'Rate acme up', '2026-10-03');
    const hooked = hookedRepo();
    const history = runKamJson(['history', 'acme', '-C', plans, '-f', 'json'], { env: hooked.env });
    expect(history.code, history.stderr).toBe(0);
    expect(history.json.history.map((h: { subject: string }) => h.subject)).toEqual(['Add acme', 'Rate acme up']);
    expect(git(hooked.dir, 'rev-parse', 'HEAD')).toBe(hooked.head);
  });

  it('init sets up git in the new folder and leaves the hook\'s repo alone', () => {
    const hooked = hookedRepo();
    const cwd = tmpDir('kam-init-');
    const run = runKam(['init', 'plans', '--yes'], { cwd, env: hooked.env });
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(cwd, 'plans', '.git'))).toBe(true);
    expect(git(hooked.dir, 'rev-parse', 'HEAD')).toBe(hooked.head);
    expect(git(hooked.dir, 'status', '--porcelain')).toBe('');
  });
});
