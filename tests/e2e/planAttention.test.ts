// A plan document is read in a meeting: each open question once (under "Open questions", not
// again in the checklist), and what needs attention in words, without rule ids or file:line.
import { describe, expect, it } from 'vitest';
import { EXAMPLE, kam } from '../helpers/kamInProcess.js';
import { makeRepo } from '../helpers/tmpRepo.js';
import { attentionGroups } from '../../src/render/attention.js';
import { RULE_IDS } from '../../src/schema/rules.js';
import type { Finding } from '../../src/findings/finding.js';

const TODAY = ['--today', '2026-11-23'];
const render = (args: string[], cwd = EXAMPLE) => kam(['render', ...args, ...TODAY], { cwd });

const count = (text: string, part: string) => text.split(part).length - 1;

describe('plan document: open questions once, findings in words', () => {
  it('lists each open question once in Markdown and HTML (coralsea-telecom, 23 open)', async () => {
    const json = await kam(['check', '--format', 'json', ...TODAY], { cwd: EXAMPLE });
    const open = JSON.parse(json.stdout).findings.filter((f: Finding) => f.rule === 'unanswered_question' && f.account === 'coralsea-telecom');
    expect(open.length).toBeGreaterThan(0);
    const md = (await render(['coralsea-telecom'])).stdout;
    const html = (await render(['coralsea-telecom', '-f', 'html'])).stdout;
    expect(md).not.toMatch(/⚠ _open_|⚠ Open/);
    expect(html).not.toMatch(/⚠ Open|class="open"/);
    const { loadRepo } = await import('../../src/load/loadRepo.js');
    const loaded = await loadRepo(EXAMPLE);
    if (!loaded.ok) throw new Error('example does not load');
    const texts = loaded.repo.config.checklist.categories.flatMap((c) => c.questions).filter((q) => md.includes(`- [ ] ${q.text}`));
    expect(texts).toHaveLength(23);
    for (const q of texts) {
      expect(count(md, q.text), q.text).toBe(1);
      expect(count(html, q.text.replace(/'/g, '&#x27;')), q.text).toBe(1);
      // No checklist ids either: the question is its words.
      expect(md).not.toContain(`\`${q.id}\``);
      expect(html).not.toContain(`>${q.id}<`);
    }
    // The checklist points at the agenda instead of repeating it.
    expect(md).toContain('_4 questions still open: listed under Open questions._');
    expect(html).toContain('4 questions still open: listed under <a href="#open-questions">Open questions</a>.');
  });

  it('says what needs attention in words, grouped by part of the plan: no rule id, no file:line', async () => {
    const repo = makeRepo({
      'accounts/x.yaml': 'name: X Corp\nmanager: Dana Whitfield\nratings: { current_revenue: 5, growth_potential: 5 }\n',
      'plans/x.yaml': [
        'account: x',
        'last_reviewed: 2026-01-01',
        'team: [ { name: Dana Whitfield, roles: [relationship_lead] } ]',
        'stakeholders: [ { name: Ann Lee, role: decision_maker, owner: Bob Nobody } ]',
        'actions:',
        '  - { title: Call Ann, due: 2026-01-31 }',
        '  - { title: Send deck, owner: Dana Whitfield, due: 2026-02-01 }',
        '',
      ].join('\n'),
    });
    const check = JSON.parse((await kam(['check', '--format', 'json', ...TODAY], { cwd: repo })).stdout);
    const findings: Finding[] = check.findings.filter((f: Finding) => f.account === 'x' && f.rule !== 'unanswered_question');
    const rules = new Set(findings.map((f) => f.rule));
    expect(rules.size).toBeGreaterThanOrEqual(3);
    for (const format of ['md', 'html']) {
      const doc = (await render(['x', '-f', format], repo)).stdout;
      const start = doc.indexOf(format === 'md' ? '## What needs attention' : '<section id="findings">');
      expect(start).toBeGreaterThan(0);
      const section = doc.slice(start);
      for (const rule of RULE_IDS) expect(section, rule).not.toMatch(new RegExp(`\\b${rule}\\b`));
      expect(section).not.toMatch(/(plans|accounts)\/x\.yaml:\d+/);
      expect(section).not.toMatch(/:\d+:\d+/);
      // Every finding's message is there (capitalised: it starts a line of its own).
      for (const f of findings) {
        const words = f.message.charAt(0).toUpperCase() + f.message.slice(1);
        const shown = format === 'md' ? words.replace(/</g, '&lt;').replace(/>/g, '&gt;') : words.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
        expect(section, f.rule).toContain(shown);
      }
      expect(section).toContain(format === 'md' ? '**Actions**' : '<h3>Actions</h3>');
    }
  });
});

describe('attentionGroups', () => {
  const f = (over: Partial<Finding>): Finding => ({ rule: 'action_overdue', severity: 'warning', account: 'x', file: 'plans/x.yaml', line: 1, column: 1, message: 'm', path: [], ...over });

  it('groups by the part of the plan, in document order, errors first, each message once', () => {
    const groups = attentionGroups([
      f({ message: 'action late', path: ['actions', 1, 'due'] }),
      f({ message: 'action without owner', severity: 'error', path: ['actions', 0] }),
      f({ message: 'not rated', file: 'accounts/x.yaml', path: ['ratings'] }),
      f({ message: 'no innovator', path: ['team'] }),
      f({ message: 'no innovator', path: ['team'] }),
      f({ message: 'stale', path: ['last_reviewed'] }),
      f({ message: 'odd', path: ['swot'] }),
    ]);
    expect(groups.map((g) => g.title)).toEqual(['Account details', 'Plan review', 'Account team', 'Actions', 'Other parts of the plan']);
    expect(groups.find((g) => g.id === 'actions')!.items).toEqual([
      { message: 'Action without owner', error: true },
      { message: 'Action late', error: false },
    ]);
    expect(groups.find((g) => g.id === 'team')!.items).toHaveLength(1);
  });
});
