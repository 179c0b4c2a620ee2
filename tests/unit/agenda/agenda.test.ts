import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { agenda, type AgendaItem } from '../../../src/agenda/agenda.js';
import { agendaIcs, escapeText, foldLine } from '../../../src/agenda/ics.js';
import { loadFromSource, type Repo } from '../../../src/load/loadRepo.js';

const CONFIG = `version: 1
scoring:
  criteria:
    - { id: revenue, label: Revenue, weight: 1, axis: current }
  tiers:
    - { name: Key, min: 50 }
review:
  cadence_days: 90
profiles:
  Key:
    cadence_days: 30
    contact_days: 45
health:
  measures:
    - { id: nps, label: NPS, min: -100, max: 100, max_age_days: 180 }
    - { id: csat, label: CSAT, min: 0, max: 5 }
`;

const TODAY = '2026-11-23';

const ACME = `name: Acme
manager: Ann Lee
ratings: { revenue: 5 }
health:
  nps: { value: 10, as_of: 2026-06-01 }
  csat: { value: 4, as_of: 2020-01-01 }
`;

// Reviewed 2026-10-30 + 30 days = 2026-11-29. Contacts (Key: 45 days): Bo 2026-10-01 -> 11-15
// (overdue), Cy without last_contact -> today, Di influence medium -> not watched.
const ACME_PLAN = `account: acme
last_reviewed: 2026-10-30
stakeholders:
  - { id: bo, name: Bo, influence: high, owner: Ann Lee, last_contact: 2026-10-01 }
  - { name: Cy, title: CFO, influence: high }
  - { name: Di, influence: medium, owner: Ann Lee }
actions:
  - { title: Workshop, owner: Omar, due: 2026-12-07 }
  - { title: Late call, owner: omar, due: 2026-11-20 }
  - { title: Far away, owner: Omar, due: 2027-03-01 }
  - { title: Blocked, owner: Omar, due: 2026-11-24, status: blocked }
  - { title: Done, owner: Omar, due: 2026-11-24, status: done }
  - { title: No date, owner: Omar }
  - { title: Workshop, owner: Omar, due: 2026-12-07 }
`;

// Untiered: repo cadence 90, no contact check. Reviewed 2026-08-30 + 90 = 2026-11-28.
const BETA = 'name: Beta\nmanager: Bea\nratings: { revenue: 1 }\n';
const BETA_PLAN = `account: beta
last_reviewed: 2026-08-30
stakeholders:
  - { name: Ed, influence: high }
actions:
  - { title: "Send proposal, v2; with pricing", owner: Bea, due: 2026-11-23 }
`;

function load(): Repo {
  const files = { 'accounts/acme.yaml': ACME, 'plans/acme.yaml': ACME_PLAN, 'accounts/beta.yaml': BETA, 'plans/beta.yaml': BETA_PLAN };
  const result = loadFromSource('/repo', { file: 'kam.yaml', text: CONFIG }, Object.entries(files).map(([file, text]) => ({ file, text })));
  if (!result.ok) throw new Error(JSON.stringify(result.findings));
  expect(result.repo.findings.filter((f) => f.severity === 'error')).toEqual([]);
  return result.repo;
}

const brief = (items: AgendaItem[]) => items.map((i) => [i.date, i.kind, i.account, i.title, i.owner, i.overdue]);

describe('agenda (spec 1.1, section 7)', () => {
  it('lists what falls due within 14 days, overdue included, by date, then account, then title', () => {
    expect(brief(agenda(load(), { today: TODAY, within: 14 }))).toEqual([
      ['2026-11-15', 'contact', 'acme', 'Contact Bo', 'Ann Lee', true],
      ['2026-11-20', 'action', 'acme', 'Late call', 'omar', true],
      ['2026-11-23', 'contact', 'acme', 'Contact Cy, CFO', null, false],
      ['2026-11-23', 'action', 'beta', 'Send proposal, v2; with pricing', 'Bea', false],
      ['2026-11-28', 'health_input', 'acme', 'Measure NPS again', 'Ann Lee', false],
      ['2026-11-28', 'review', 'beta', 'Review the Beta plan', 'Bea', false],
      ['2026-11-29', 'review', 'acme', 'Review the Acme plan', 'Ann Lee', false],
      ['2026-12-07', 'action', 'acme', 'Workshop', 'Omar', false],
      ['2026-12-07', 'action', 'acme', 'Workshop', 'Omar', false],
    ]);
  });

  it('--within bounds the look-ahead, the last day included; overdue items stay', () => {
    const within = (n: number) => agenda(load(), { today: TODAY, within: n }).map((i) => i.date);
    expect(within(0)).toEqual(['2026-11-15', '2026-11-20', '2026-11-23', '2026-11-23']);
    expect(within(5)).toEqual(['2026-11-15', '2026-11-20', '2026-11-23', '2026-11-23', '2026-11-28', '2026-11-28']);
    expect(within(6)).toHaveLength(7);
    expect(within(13)).toHaveLength(7);
    expect(within(14)).toHaveLength(9);
    expect(within(200).at(-1)).toBe('2027-03-01');
  });

  it('locates each item in its file', () => {
    const items = agenda(load(), { today: TODAY, within: 14 });
    expect(items.find((i) => i.title === 'Late call')).toMatchObject({ file: 'plans/acme.yaml', line: 9 });
    expect(items.find((i) => i.kind === 'health_input')).toMatchObject({ file: 'accounts/acme.yaml', line: 5 });
    expect(items.find((i) => i.kind === 'review' && i.account === 'acme')).toMatchObject({ line: 2 });
  });

  it('falls back on the last commit date for a plan without last_reviewed, and on today without one', () => {
    const repo = load();
    repo.plans.find((p) => p.id === 'beta')!.value!.last_reviewed = undefined;
    const review = (lastCommitDate?: (f: string) => string | undefined) =>
      agenda(repo, { today: TODAY, within: 14, lastCommitDate }).find((i) => i.kind === 'review' && i.account === 'beta')!;
    expect(review().date).toBe(TODAY);
    expect(review((f) => (f === 'plans/beta.yaml' ? '2026-08-01' : undefined))).toMatchObject({ date: '2026-10-30', overdue: true });
  });
});

describe('agenda --format ics', () => {
  const items = () => agenda(load(), { today: TODAY, within: 14 });

  it('parses in ical.js: one all-day event per item with its date, summary and description', () => {
    const text = agendaIcs(items(), { today: TODAY });
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(items().length);
    const proposal = events.find((e) => e.summary.startsWith('Send proposal'))!;
    expect(proposal.summary).toBe('Send proposal, v2; with pricing (beta)');
    expect(proposal.startDate.isDate).toBe(true);
    expect(proposal.startDate.toString()).toBe('2026-11-23');
    expect(proposal.endDate.toString()).toBe('2026-11-24');
    expect(proposal.description).toBe('Action for beta\nOwner: Bea\nplans/beta.yaml:6');
    expect(events[0]!.summary).toBe('OVERDUE: Contact Bo (acme)');
    for (const e of events) expect(e.component.getFirstPropertyValue('dtstamp')).toBeTruthy();
  });

  it('keeps UIDs stable from run to run and unique per item, also for two actions with one title', () => {
    // summary (without the overdue mark) -> UIDs, in calendar order
    const uids = (text: string) => {
      const byTitle: Record<string, unknown[]> = {};
      for (const v of new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')) {
        const title = String(v.getFirstPropertyValue('summary')).replace(/^OVERDUE: /, '');
        (byTitle[title] ??= []).push(v.getFirstPropertyValue('uid'));
      }
      return byTitle;
    };
    const first = uids(agendaIcs(items(), { today: TODAY }));
    // A day later, with dates moved and one item overdue: the same items keep their UIDs.
    const later = agenda(load(), { today: '2026-11-24', within: 13 });
    const second = uids(agendaIcs(later, { today: '2026-11-24' }));
    const all = Object.values(first).flat();
    expect(all).toHaveLength(9);
    expect(new Set(all).size).toBe(9);
    expect(first['Workshop (acme)']).toHaveLength(2);
    expect(second).toEqual(first);
  });

  it('writes CRLF line ends and folds lines at 75 octets without splitting a character', () => {
    const long = agenda(load(), { today: TODAY, within: 14 }).map((i) => ({ ...i, title: `${i.title} ${'é'.repeat(60)}` }));
    const text = agendaIcs(long, { today: TODAY });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    const summary = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')[0]!.getFirstPropertyValue('summary');
    expect(summary).toBe(`OVERDUE: Contact Bo ${'é'.repeat(60)} (acme)`);
  });

  it('drops the control characters RFC 5545 forbids from every text property (issue 24)', () => {
    const hostile = items().map((i) => ({ ...i, title: `t\u0000i\u0007t\u001b[2Jle\u007f\u001f\u000b\tx`, owner: 'Bo\u001b]0;pwned\u0007', file: 'plans/a\u0000b.yaml' }));
    const text = agendaIcs(hostile, { today: TODAY, name: 'cal\u001b' });
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('cal');
    const event = new ICAL.Event(cal.getAllSubcomponents('vevent')[0]!);
    expect(event.summary).toBe('OVERDUE: tit[2Jle\tx (acme)');
    expect(event.description).toContain('Owner: Bo]0;pwned\nplans/ab.yaml:');
    expect(escapeText('a\u0000\u0001\u001b\u007f\tb\r\nc')).toBe('a\tb\\nc');
  });

  it('escapes text and folds as RFC 5545 says', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    expect(foldLine('x'.repeat(150))).toBe(`${'x'.repeat(75)}\r\n ${'x'.repeat(74)}\r\n ${'x'}`);
  });
});
