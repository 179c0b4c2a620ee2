// kam init --pages: the GitHub workflow (official upload-pages-artifact and deploy-pages, on the
// default branch only) and GitLab's pages job (publishing public/), parsed as YAML; and the
// workflow's build step run for real by bash in a fresh repo, with kam on PATH.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commitAll, gitInit } from '../helpers/gitRepo.js';
import { KAM_BIN } from '../helpers/kam.js';
import { kam } from '../helpers/kamInProcess.js';
import { tmpDir } from '../helpers/tmpRepo.js';

// kam init runs in-process (main(argv, io)); the workflow's build step runs as CI runs it: bash and a kam on PATH.
describe('kam init --pages', () => {
  it('github: a workflow of its own that builds kam site on the default branch and deploys it with the official Pages actions', async () => {
    const dir = tmpDir();
    const run = await kam(['init', '--yes', '--no-git', '--pages'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('turn on Pages (Settings > Pages > Source: GitHub Actions)');
    expect(run.stdout).toContain('on a public repo the site is public');
    const text = readFileSync(join(dir, '.github/workflows/kam-pages.yml'), 'utf8');
    expect(text).toMatch(/PRIVACY: .*public repository.*PUBLIC/s);
    const workflow = parse(text);
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    const job = workflow.jobs.site;
    expect(job.if).toBe('github.ref_name == github.event.repository.default_branch');
    expect(job.environment.name).toBe('github-pages');
    const uses = job.steps.map((s: { uses?: string }) => s.uses).filter(Boolean);
    expect(uses).toEqual(['actions/checkout@v4', 'actions/setup-node@v4', 'actions/upload-pages-artifact@v3', 'actions/deploy-pages@v4']);
    expect(job.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/upload-pages-artifact')).with.path).toBe('site');
    expect(job.steps[0].with['fetch-depth']).toBe(0);
    expect(workflow.env.KAM_PACKAGE).toMatch(/^github:your-org\/kam#v\d/);
    // The check workflow is still there, unchanged by --pages.
    expect(readFileSync(join(dir, '.github/workflows/kam.yml'), 'utf8')).toBe(readFileSync(join(await tmpInit([]), '.github/workflows/kam.yml'), 'utf8'));
  });

  it('gitlab: a pages job in .gitlab-ci.yml on the default branch that publishes public/', async () => {
    const dir = tmpDir();
    const run = await kam(['init', '--yes', '--no-git', '--pages', '--ci', 'gitlab'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Only project members');
    const pipeline = parse(readFileSync(join(dir, '.gitlab-ci.yml'), 'utf8'));
    expect(Object.keys(pipeline)).toEqual(['variables', 'kam', 'pages']);
    expect(pipeline.pages.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    expect(pipeline.pages.artifacts.paths).toEqual(['public']);
    expect(pipeline.pages.script.at(-1)).toContain('kam site --out public');
    expect(existsSync(join(dir, '.github'))).toBe(false);
  });

  it('--ci none has no CI to publish from: a usage error, nothing written', async () => {
    const dir = tmpDir();
    const run = await kam(['init', '--yes', '--no-git', '--pages', '--ci', 'none'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--pages publishes the site from CI');
    expect(existsSync(join(dir, 'kam.yaml'))).toBe(false);
  });

  it("the workflow's build step builds the site in a fresh repo, with movement once history is a week old", async () => {
    const dir = await tmpInit(['--pages']);
    gitInit(dir);
    commitAll(dir, 'init', '2020-01-01');
    writeFileSync(join(dir, 'README.md'), `${readFileSync(join(dir, 'README.md'), 'utf8')}\nA second commit.\n`);
    commitAll(dir, 'again', '2020-01-02');
    const bin = tmpDir('kam-bin-');
    writeFileSync(join(bin, 'kam'), `#!/bin/sh\nexec "${process.execPath}" "${KAM_BIN}" "$@"\n`);
    chmodSync(join(bin, 'kam'), 0o755);
    const step = parse(readFileSync(join(dir, '.github/workflows/kam-pages.yml'), 'utf8')).jobs.site.steps.find((s: { name?: string }) => s.name === 'Build the site');
    execFileSync('bash', ['-e', '-c', step.run], { cwd: dir, env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, GIT_CONFIG_GLOBAL: '/dev/null' }, stdio: 'pipe' });
    expect(existsSync(join(dir, 'site/index.html'))).toBe(true);
    // The commits are years old: --since was given (a week ago is after them), so pages show the trend.
    const page = readdirHtml(join(dir, 'site/accounts'));
    expect(page.some((html) => html.includes('id="trend"'))).toBe(true);
  });
});

async function tmpInit(args: string[]): Promise<string> {
  const dir = tmpDir();
  const run = await kam(['init', '--yes', '--no-git', ...args], { cwd: dir });
  expect(run.code, run.stderr).toBe(0);
  return dir;
}

function readdirHtml(dir: string): string[] {
  return execFileSync('ls', [dir], { encoding: 'utf8' }).split('\n').filter((f) => f.endsWith('.html')).map((f) => readFileSync(join(dir, f), 'utf8'));
}
