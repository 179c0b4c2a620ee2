// kam digest in process: one person's week on the example repo, --since on a real git repo (new
// findings only, band changes by the revision's own kam.yaml), and --post against a local HTTP
// server (success, 4xx, 5xx, a server that never answers): the URL is never printed.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commitAll, gitInit } from '../helpers/gitRepo.js';
import { EXAMPLE, kam, kamJson } from '../helpers/kamInProcess.js';
import { copyRepo } from '../helpers/tmpRepo.js';

const TODAY = ['--today', '2026-11-23'];

describe('kam digest --person', () => {
  it("lists what falls due for the person and what needs attention on the accounts they manage", async () => {
    const { code, json } = await kamJson(['digest', '-C', EXAMPLE, '--person', 'dana  WHITFIELD', '-f', 'json', ...TODAY]);
    expect(code).toBe(0);
    expect(json.person).toBe('Dana Whitfield');
    expect(json.since).toBeNull();
    expect(json.bands).toEqual([]);
    expect(json.accounts.map((a: { id: string }) => a.id)).toEqual(['halvorsen-industrial', 'kestrel-retail', 'meridian-freight', 'ridgeline-power', 'tasman-mutual']);
    // What falls due is what kam agenda lists for the same owner and window.
    const agenda = await kamJson(['agenda', '-C', EXAMPLE, '--owner', 'Dana Whitfield', '--within', '7', '-f', 'json', ...TODAY]);
    expect(json.due.map((i: { title: string }) => i.title)).toEqual(agenda.json.items.map((i: { title: string }) => i.title));
    expect(json.due.length).toBeGreaterThan(0);
    // Every finding is on one of those accounts, and every finding of those accounts is there.
    const check = await kamJson(['check', '-C', EXAMPLE, '-f', 'json', ...TODAY]);
    const mine = new Set(json.accounts.map((a: { id: string }) => a.id));
    const expected = check.json.findings.filter((f: { account: string | null }) => f.account !== null && mine.has(f.account));
    expect(json.findings.length).toBe(expected.length);
  });

  it('text groups unanswered questions per account and says it in words', async () => {
    const run = await kam(['digest', '-C', EXAMPLE, '--person', 'Dana Whitfield', ...TODAY]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Weekly digest for Dana Whitfield, 2026-11-23\n/);
    expect(run.stdout).toMatch(/Kestrel Retail Group {2}\d+ checklist questions unanswered/);
    expect(run.stdout).not.toContain('unanswered: ');
  });

  it('an unknown person is exit 2 with a did-you-mean', async () => {
    const run = await kam(['digest', '-C', EXAMPLE, '--person', 'Dana Whitfeld', ...TODAY]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('did you mean "Dana Whitfield"?');
  });
});

describe('kam digest --since on a git repo', () => {
  it('lists only the findings new since the revision and the bands that changed there', async () => {
    const root = copyRepo(EXAMPLE);
    gitInit(root);
    commitAll(root, 'last week', '2026-11-16');
    // This week: the bands are drawn higher (kestrel 80.5 and halvorsen 83.6 red, meridian 94.1
    // amber), and one new problem: an action without an owner on Dana's Kestrel plan.
    const config = join(root, 'kam.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('health:\n', 'health:\n  bands: { green: 95, amber: 90 }\n'));
    const plan = join(root, 'plans/kestrel-retail.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('\nrisks:\n', '\n  - { title: Book the store-ops site visit, due: 2026-11-25, status: open }\nrisks:\n'));
    const { code, json } = await kamJson(['digest', '--person', 'Dana Whitfield', '--since', 'HEAD', '-f', 'json', ...TODAY], { cwd: root });
    expect(code).toBe(0);
    expect(json.since).toMatchObject({ rev: 'HEAD', date: '2026-11-16' });
    expect(json.findings.map((f: { rule: string; account: string }) => [f.rule, f.account])).toEqual([['action_without_owner', 'kestrel-retail']]);
    expect(json.bands.map((b: { account: string; from: string; to: string }) => [b.account, b.from, b.to])).toEqual([
      ['halvorsen-industrial', 'green', 'red'],
      ['kestrel-retail', 'green', 'red'],
      ['meridian-freight', 'green', 'amber'],
    ]);
    const md = await kam(['digest', '--person', 'Dana Whitfield', '--since', 'HEAD', '-f', 'md', ...TODAY], { cwd: root });
    expect(md.stdout).toContain('## Health bands since HEAD');
    expect(md.stdout).toMatch(/^- \*\*Kestrel Retail Group\*\* ⚠ green to red \(health \d+\.\d\)$/m);
  });
});

interface Hit {
  body: string;
  type: string | undefined;
}

/** A local webhook that answers with `status` (or never, with status 0) and records what it got. */
async function webhook(status: number): Promise<{ url: string; hits: Hit[]; server: Server }> {
  const hits: Hit[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      hits.push({ body, type: req.headers['content-type'] });
      if (status === 0) return; // never answers
      res.writeHead(status).end(status === 200 ? 'ok' : 'no_service');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T000/B000/SECRETTOKEN`, hits, server };
}
const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.closeAllConnections?.(), s.close();
});

describe('kam digest --post', () => {
  it('posts the Slack payload to the URL given, as JSON', async () => {
    const hook = await webhook(200);
    const run = await kam(['digest', '-C', EXAMPLE, '--person', 'Dana Whitfield', '-f', 'slack', '--post', hook.url, ...TODAY]);
    expect(run.code, run.stderr).toBe(0);
    expect(hook.hits).toHaveLength(1);
    expect(hook.hits[0]!.type).toBe('application/json');
    const printed = await kam(['digest', '-C', EXAMPLE, '--person', 'Dana Whitfield', '-f', 'slack', ...TODAY]);
    expect(JSON.parse(hook.hits[0]!.body)).toEqual(JSON.parse(printed.stdout));
    expect(run.stdout + run.stderr).not.toContain('SECRETTOKEN');
  });

  it('KAM_WEBHOOK_URL when --post has no URL; the Teams card', async () => {
    const hook = await webhook(202);
    const run = await kam(['digest', '-C', EXAMPLE, '--person', 'Dana Whitfield', '-f', 'teams', '--post', ...TODAY], { env: { KAM_WEBHOOK_URL: hook.url } });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(hook.hits[0]!.body).attachments[0].content.version).toBe('1.5');
  });

  it.each([
    [404, /HTTP 404 Not Found/],
    [500, /HTTP 500 Internal Server Error.*try again later/],
  ])('a refused post (%i) exits 2 naming the status, never the URL', async (status, message) => {
    const hook = await webhook(status);
    const run = await kam(['digest', '-C', EXAMPLE, '--person', 'Dana Whitfield', '-f', 'slack', '--post', hook.url, ...TODAY]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout + run.stderr).not.toContain('SECRETTOKEN');
    expect(run.stdout + run.stderr).not.toContain('127.0.0.1');
  });

  it('a webhook that never answers is given up after --timeout, exit 2', async () => {
    const hook = await webhook(0);
    const run = await kam(['digest', '-C', EXAMPLE, '--person', 'Dana Whitfield', '-f', 'slack', '--post', hook.url, '--timeout', '1', ...TODAY]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('did not answer within 1 s');
    expect(run.stdout + run.stderr).not.toContain('SECRETTOKEN');
  });

  it('a closed port: exit 2 with the network error code only', async () => {
    const hook = await webhook(200);
    await new Promise<void>((r) => hook.server.close(() => r()));
    const run = await kam(['digest', '-C', EXAMPLE, '--person', 'Dana Whitfield', '-f', 'slack', '--post', hook.url, ...TODAY]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('could not reach the webhook (ECONNREFUSED)');
    expect(run.stdout + run.stderr).not.toContain('SECRETTOKEN');
  });

  it('--post needs a chat format, and a URL or KAM_WEBHOOK_URL', async () => {
    expect((await kam(['digest', '-C', EXAMPLE, '--person', 'Dana Whitfield', '--post', 'https://example.invalid/x', ...TODAY])).stderr).toContain('add --format slack or --format teams');
    expect((await kam(['digest', '-C', EXAMPLE, '--person', 'Dana Whitfield', '-f', 'slack', '--post', ...TODAY], { env: { KAM_WEBHOOK_URL: undefined } })).stderr).toContain('KAM_WEBHOOK_URL, which is not set');
  });
});

describe('kam digest --all', () => {
  it('writes one digest per person who has something due', async () => {
    const root = copyRepo(EXAMPLE);
    const run = await kam(['digest', '--all', '-f', 'md', '--out', 'digests', ...TODAY], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    const files = readdirSync(join(root, 'digests')).sort();
    expect(files).toContain('dana-whitfield.md');
    const everyone = await kamJson(['digest', '--all', '-f', 'json', ...TODAY], { cwd: root });
    expect(files).toEqual(everyone.json.map((d: { person: string }) => `${d.person.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-')}.md`).sort());
    for (const d of everyone.json) expect(d.due.length).toBeGreaterThan(0);
  });
});
