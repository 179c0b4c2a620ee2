// spec 1.2, section 4: the agenda lists each unsettled contract at its decision day (kind
// renewal, owner the account's manager), an ended one too; settled ones never. In ICS too.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { agenda } from '../../../src/agenda/agenda.js';
import { agendaIcs } from '../../../src/agenda/ics.js';
import { CONFIG, KEY_ACCOUNT, TODAY, load } from '../numbers/fixture.js';

// Contracts of the fixture: dash-2025 ends 2027-03-31 with 90 days' notice (decide by 2026-12-31),
// price-2024 ends 2027-01-15 (no notice), old-2023 is renewed, later ends 2028-01-31.
const account = `${KEY_ACCOUNT}  - { id: gone, value: 10, end: 2026-10-31, renewal: at_risk }\n  - { id: lost-one, value: 10, end: 2026-12-01, renewal: lost }\n`;

describe('renewals in the agenda', () => {
  it('lists unsettled contracts at end - notice_days, owned by the manager, with or without a plan', () => {
    const repo = load({ 'accounts/acme.yaml': account });
    const items = agenda(repo, { today: TODAY, within: 60 }).filter((i) => i.kind === 'renewal');
    expect(items.map((i) => [i.date, i.title, i.owner, i.overdue, i.file, i.line])).toEqual([
      ['2026-10-31', 'Decide the renewal of contract gone (it ends 2026-10-31)', 'Ann', true, 'accounts/acme.yaml', 11],
      ['2026-12-31', 'Decide the renewal of contract dash-2025 (it ends 2027-03-31)', 'Ann', false, 'accounts/acme.yaml', 7],
      ['2027-01-15', 'Decide the renewal of contract price-2024 (it ends 2027-01-15)', 'Ann', false, 'accounts/acme.yaml', 8],
    ]);
    // Further out, later follows; renewed and lost contracts never appear.
    const all = agenda(repo, { today: TODAY, within: 800 }).filter((i) => i.kind === 'renewal');
    expect(all.map((i) => i.key.split('\u0000')[2])).toEqual(['gone', 'dash-2025', 'price-2024', 'later']);
  });

  it('writes them into the calendar as Renewal events on their decision day', () => {
    const repo = load({ 'accounts/acme.yaml': account }, CONFIG);
    const items = agenda(repo, { today: TODAY, within: 60 }).filter((i) => i.kind === 'renewal');
    const cal = new ICAL.Component(ICAL.parse(agendaIcs(items, { today: TODAY })));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.startDate.toString(), e.summary])).toEqual([
      ['2026-10-31', expect.stringContaining('Decide the renewal of contract gone')],
      ['2026-12-31', expect.stringContaining('Decide the renewal of contract dash-2025')],
      ['2027-01-15', expect.stringContaining('Decide the renewal of contract price-2024')],
    ]);
    expect(events[1]!.description).toContain('Renewal for acme');
    expect(events[0]!.summary).toMatch(/^OVERDUE: /);
  });
});
