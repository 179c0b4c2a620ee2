import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { commitAll, git, gitInit } from '../helpers/gitRepo.js';
import { tmpDir } from '../helpers/tmpRepo.js';

/** Rules other than the ones these tests are about are off, so new rules cannot change the output. */
export const KAM_YAML = `version: 1
checklist:
  categories:
    - id: basics
      title: Basics
      questions:
        - { id: basics.sponsor, text: Who is our sponsor? }
        - { id: basics.goal, text: What is their main goal? }
rules:
  missing_plan: off
  missing_role: off
  action_without_owner: off
  action_without_due: off
  action_overdue: off
  stale_plan: off
  unrated_criterion: off
  too_many_key_accounts: off
  manager_over_capacity: off
  no_decision_maker: off
`;

/** An account rating every default criterion `r`, except effort (inverse) rated `effort`. */
export function account(name: string, r: number, effort = r): string {
  return `name: ${name}
manager: Dana Whitfield
ratings:
  current_revenue: ${r}
  growth_potential: ${r}
  renewal_likelihood: ${r}
  win_now_likelihood: ${r}
  effort: ${effort}
  relationship_strength: ${r}
  fit: ${r}
  logo: ${r}
`;
}

export function plan(id: string, answers: Record<string, string>): string {
  const lines = Object.entries(answers).map(([k, v]) => `  ${k}: ${v}`);
  return `account: ${id}\nstage: research\nanswers:\n${lines.join('\n') || '  {}'}\n`;
}

export function write(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

export interface Story {
  /** The git work tree. */
  dir: string;
  /** The plan repo root (dir itself, or a subfolder of it). */
  root: string;
  /** Commits, oldest first: add, rate, rename, dropPlan. */
  c: { add: string; rate: string; rename: string; dropPlan: string };
}

/**
 * A plan repo with four commits:
 * 1. 2026-01-10 add acme (all 3s: score 50, Tier 3, plan 1 of 2 answered) and globex (all 2s, effort 2)
 * 2. 2026-03-01 acme rated 5 (effort 1: score 100, Tier 1) and its plan fully answered
 * 3. 2026-05-01 git mv accounts/globex.yaml accounts/initech.yaml
 * 4. 2026-06-01 git rm plans/acme.yaml
 */
export function buildStory(sub = ''): Story {
  const dir = tmpDir('kam-git-');
  const root = sub ? join(dir, sub) : dir;
  gitInit(dir);
  write(dir, { 'README.txt': 'not a plan file\n' });
  write(root, {
    'kam.yaml': KAM_YAML,
    'accounts/acme.yaml': account('Acme Corp', 3),
    'accounts/globex.yaml': account('Globex', 2),
    'plans/acme.yaml': plan('acme', { 'basics.sponsor': 'Our CFO' }),
  });
  const add = commitAll(dir, 'Add acme and globex', '2026-01-10');
  write(root, {
    'accounts/acme.yaml': account('Acme Corp', 5, 1),
    'plans/acme.yaml': plan('acme', { 'basics.sponsor': 'Our CFO', 'basics.goal': 'Cut freight costs' }),
  });
  const rate = commitAll(dir, 'Rate acme higher', '2026-03-01');
  git(root, 'mv', 'accounts/globex.yaml', 'accounts/initech.yaml');
  const rename = commitAll(dir, 'Rename globex to initech', '2026-05-01');
  git(root, 'rm', '-q', 'plans/acme.yaml');
  const dropPlan = commitAll(dir, 'Drop the acme plan', '2026-06-01');
  return { dir, root, c: { add, rate, rename, dropPlan } };
}
