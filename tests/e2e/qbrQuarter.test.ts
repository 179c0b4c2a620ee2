// The quarter in review (kam render <id> --template qbr --since REV) on the example's git history
// (scripts/example-history.mjs): its numbers equal what kam pipeline and kam trend say at both ends.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildExampleHistory, QUARTER_TAG } from '../../scripts/example-history.mjs';
import { git } from '../helpers/gitRepo.js';
import { kam } from '../helpers/kamInProcess.js';
import { tmpDir } from '../helpers/tmpRepo.js';

const TODAY = ['--today', '2026-11-23'];
const pct = (r: number) => `${(Math.round(r * 1000) / 10).toFixed(1)}%`;
let dir: string;
beforeAll(() => {
  dir = buildExampleHistory(tmpDir('kam-qbr-history-'));
});

/** `kam pipeline -f json` in a checkout of the tag, with --today the tag's date. */
async function coverageAtTag(id: string): Promise<number> {
  const root = tmpDir('kam-qbr-checkout-');
  execFileSync('git', ['clone', '-q', dir, root], { stdio: 'ignore', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
  git(root, 'checkout', '-q', QUARTER_TAG);
  const run = await kam(['pipeline', '-f', 'json', '--today', git(root, 'log', '-1', '--format=%cs')], { cwd: root });
  return JSON.parse(run.stdout).accounts.find((a: { id: string }) => a.id === id).coverage;
}

describe('the quarter in review', () => {
  it('shows coverage, health and objectives then and now, and what was won, as kam pipeline and kam trend give them', async () => {
    const run = await kam(['render', 'meridian-freight', '--template', 'qbr', '--since', QUARTER_TAG, ...TODAY], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const md = run.stdout;
    const now = JSON.parse((await kam(['pipeline', '-f', 'json', ...TODAY], { cwd: dir })).stdout).accounts.find((a: { id: string }) => a.id === 'meridian-freight').coverage;
    const then = await coverageAtTag('meridian-freight');
    expect(then).not.toBe(now);
    expect(md).toContain(`| Pipeline coverage | ${pct(then)} | ${pct(now)} |`);
    const trend = JSON.parse((await kam(['trend', 'meridian-freight', '--since', QUARTER_TAG, '-f', 'json', '--today', '2026-11-23'], { cwd: dir })).stdout);
    const series = trend.accounts[0].series;
    const [from, to] = [series[0].health, series.at(-1).health];
    expect(md).toContain(`| Health | ${from.toFixed(1)} | ${to.toFixed(1)} |`);
    // The ARR objective's measure went from 2.85M (its baseline) to 3.1M of 4.2M.
    expect(md).toContain(`| Objective: Grow annual recurring revenue from USD 2.85M to USD 4.2M | 0.0% | ${pct(250_000 / 1_350_000)} | +18.5 pts |`);
    expect(md).toContain('**Won:** Nordics rollout ($900,000) · **Lost:** none');
    // The components that moved add up to the printed change of health.
    const moved = /Health components that moved[^:]*: (.*)\./.exec(md)![1]!.split(', ').map((c) => Number(c.replace(/.* ([+−])/, '$1').replace('−', '-')));
    const printed = Number(/\| Health \| [\d.]+ \| [\d.]+ \| ([+−][\d.]+) \|/.exec(md)![1]!.replace('−', '-'));
    expect(Math.round(moved.reduce((a, b) => a + b, 0) * 10)).toBe(Math.round(printed * 10));
    expect(md).toMatch(/Health since then, at each change: [\d.]+ \(2026-09-30\) → /);
    const html = (await kam(['render', 'meridian-freight', '--template', 'qbr', '--since', QUARTER_TAG, '-f', 'html', ...TODAY], { cwd: dir })).stdout;
    expect(html).toContain('<table class="small quarter">');
    expect(html).toContain('<li>Won: Nordics rollout ($900,000)</li>');
  });

  it('lists contracts renewed in the quarter; the customer version shows shared items only, never numbers', async () => {
    const calloway = await kam(['render', 'calloway-health', '--template', 'qbr', '--since', QUARTER_TAG, ...TODAY], { cwd: dir });
    expect(calloway.stdout).toContain('**Contracts renewed:** pop-health-2023 ($1,900,000)');
    const customer = await kam(['render', 'meridian-freight', '--audience', 'customer', '--template', 'qbr', '--since', QUARTER_TAG, ...TODAY], { cwd: dir });
    expect(customer.code, customer.stderr).toBe(0);
    expect(customer.stdout).toContain('Grow annual recurring revenue');
    expect(customer.stdout).toContain('Agreed with Jeroen van Dijk on');
    for (const internal of ['coverage', 'Health', 'Nordics rollout', '900,000', 'Score', 'Replace Stratus Data']) expect(customer.stdout, internal).not.toContain(internal);
  });

  it('says when a change voids the agreement, and which shared items changed since the version agreed to', async () => {
    const agreed = await kam(['render', 'meridian-freight', '--template', 'qbr', '--since', QUARTER_TAG, ...TODAY], { cwd: dir });
    expect(agreed.stdout).toContain('**Agreed with Jeroen van Dijk on 2026-11-20**: the shared plan is as they agreed to it.');
    const file = join(dir, 'plans/meridian-freight.yaml');
    const original = readFileSync(file, 'utf8');
    // A shared action's due date moves, a shared KPI is no longer shared; status alone would not count.
    writeFileSync(file, original.replace('    due: 2026-12-12\n', '    due: 2027-01-15\n').replace('actual: 52, shared: true }', 'actual: 52 }'));
    try {
      const run = await kam(['render', 'meridian-freight', '--template', 'qbr', '--since', QUARTER_TAG, ...TODAY], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      const signed = git(dir, 'log', '-1', '--format=%h', '--', 'plans/meridian-freight.yaml');
      expect(run.stdout).toContain(`> **The agreement with Jeroen van Dijk of 2026-11-20 is void:** shared objectives, actions or KPIs changed since the version they agreed to (\`${signed}\`, 2026-11-20).`);
      expect(run.stdout).toContain('> - action "Onboard Nordics users on existing Insight licences": changed (due 2026-12-12 → 2027-01-15)');
      expect(run.stdout).toContain('> - kpi "Customer NPS": removed');
      const html = (await kam(['render', 'meridian-freight', '--template', 'qbr', '--since', QUARTER_TAG, '-f', 'html', ...TODAY], { cwd: dir })).stdout;
      expect(html).toContain('<strong>The agreement with Jeroen van Dijk of 2026-11-20 is void:</strong>');
      const customer = await kam(['render', 'meridian-freight', '--audience', 'customer', '--template', 'qbr', '--since', QUARTER_TAG, ...TODAY], { cwd: dir });
      expect(customer.stdout).toContain('Draft: changed since Jeroen van Dijk agreed on 2026-11-20');
    } finally {
      writeFileSync(file, original);
    }
  });
});
