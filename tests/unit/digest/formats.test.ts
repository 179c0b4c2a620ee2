// The digest formats over synthetic digests: Slack's documented limits, the Teams card read by
// Microsoft's own Adaptive Cards parser (npm adaptivecards), and hostile names escaped in every
// format (links, mentions, Markdown, terminal control).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Digest } from '../../../src/digest/digest.js';
import { digestMarkdown } from '../../../src/cli/format/digest/markdown.js';
import { digestSlack, SLACK_MAX_BLOCKS, SLACK_MAX_HEADER_TEXT, SLACK_MAX_SECTION_TEXT } from '../../../src/cli/format/digest/slack.js';
import { digestTeams, TEAMS_MAX_LINES } from '../../../src/cli/format/digest/teams.js';
import { digestText } from '../../../src/cli/format/digest/text.js';

// The package's main entry is an ES build without file extensions; its UMD bundle loads in Node.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js');

const HOSTILE = 'Evil <!channel> & <https://evil.example|click> [x](https://evil.example) *bold* _it_ `code` \u001b]0;title\u0007 \u001b[2J # head';

function digest(n: number, name = 'Acme'): Digest {
  return {
    person: 'Dana Whitfield',
    today: '2026-11-23',
    within: 7,
    since: { rev: 'HEAD~1', commit: 'abc', date: '2026-11-16' },
    accounts: [{ id: 'acme', name, manages: true }],
    due: Array.from({ length: n }, (_, i) => ({ kind: 'action' as const, account: 'acme', date: '2026-11-24', overdue: i % 2 === 0, title: `${name} action ${i} ${'x'.repeat(200)}`, file: 'plans/acme.yaml', line: i + 1 })),
    findings: Array.from({ length: n }, (_, i) => ({ account: 'acme', rule: 'action_without_owner', severity: 'warning' as const, message: `${name} finding ${i}`, file: 'plans/acme.yaml', line: 1, column: 1 })),
    bands: [{ account: 'acme', name, from: 'green', to: 'red', health: 40 }],
  };
}

function parseCard(content: unknown): { errors: string[]; items: number } {
  const card = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  card.parse(content, ctx);
  return { errors: Array.from({ length: ctx.eventCount }, (_, i) => ctx.getEventAt(i).message), items: card.getItemCount() };
}

describe('kam digest -f slack', () => {
  it.each([0, 3, 40, 2000])('stays within Block Kit limits with %i items', (n) => {
    const p = digestSlack(digest(n));
    expect(p.blocks.length).toBeLessThanOrEqual(SLACK_MAX_BLOCKS);
    expect(p.text.length).toBeLessThanOrEqual(SLACK_MAX_SECTION_TEXT);
    for (const b of p.blocks) {
      if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_MAX_HEADER_TEXT);
      if (b.type === 'section') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_MAX_SECTION_TEXT);
      if (b.type === 'context') for (const e of b.elements) expect(e.text.length).toBeLessThanOrEqual(SLACK_MAX_SECTION_TEXT);
    }
    const text = JSON.stringify(p.blocks);
    if (n === 2000) expect(text).toMatch(/…and \d+ more: run kam digest/);
    else for (let i = 0; i < n; i++) expect(text).toContain(`Acme finding ${i}`);
  });

  it('escapes &, < and > so a name can be no link and no mention; no control character is sent', () => {
    const text = JSON.stringify(digestSlack(digest(2, HOSTILE)));
    const parsed = JSON.parse(text) as { blocks: { text?: { text: string } }[] };
    const all = parsed.blocks.map((b) => b.text?.text ?? '').join('\n');
    expect(all).not.toMatch(/<!channel>|<https?:/);
    expect(all).toContain('&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;');
    expect(text).not.toMatch(/\\u001b|\\u0007/);
  });
});

describe('kam digest -f teams', () => {
  it.each([0, 3, 500])('is a Workflows message with an Adaptive Card 1.5 that the Adaptive Cards parser reads without error (%i items)', (n) => {
    const p = digestTeams(digest(n));
    expect(p.type).toBe('message');
    expect(p.attachments).toHaveLength(1);
    expect(p.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const card = p.attachments[0]!.content;
    expect(card.version).toBe('1.5');
    const { errors, items } = parseCard(card);
    expect(errors).toEqual([]);
    expect(items).toBe(card.body.length);
    expect(JSON.stringify(p).length).toBeLessThan(28_000);
    if (n === 500) expect(card.body.filter((b) => b.text.startsWith('**')).length).toBe(TEAMS_MAX_LINES);
  });

  it('escapes the Markdown a TextBlock reads, and drops control characters', () => {
    const body = digestTeams(digest(1, HOSTILE)).attachments[0]!.content.body.map((b) => b.text).join('\n');
    expect(body).not.toMatch(/(?<!\\)\[x\]|(?<!\\)\*bold|\u001b|\u0007/);
    expect(body).toContain('\\[x\\]\\(https://evil.example\\)');
  });
});

describe('kam digest -f text and markdown', () => {
  it('text makes control characters visible', () => {
    const out = digestText(digest(1, HOSTILE));
    expect(out).not.toMatch(/\u001b|\u0007/);
    expect(out).toContain('\\x1b]0;title\\x07');
  });

  it('markdown escapes links, emphasis and HTML', () => {
    const out = digestMarkdown(digest(1, HOSTILE));
    expect(out).not.toMatch(/(?<!\\)\[x\]|<!channel>|(?<!\\)\*bold\*/);
    expect(out).toContain('&lt;!channel&gt;');
  });

  it('without changes it says so in every section', () => {
    const empty = { ...digest(0), since: null, bands: [] };
    const out = digestText(empty);
    expect(out).toContain('Nothing falls due for Dana Whitfield in the next 7 days.');
    expect(out).toContain('Nothing needs attention.');
    expect(out).not.toContain('Health bands');
  });
});
