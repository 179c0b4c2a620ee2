import { describe, expect, it } from 'vitest';
import { planText } from '../../../src/init/formText.js';
import { updatePlanText } from '../../../src/init/planUpdate.js';
import { loadText } from '../../../src/load/loadText.js';
import { configSchema, defaultConfig } from '../../../src/schema/config.js';
import { planSchema } from '../../../src/schema/plan.js';

const form = { account: 'acme', accountName: 'Acme', today: '2026-11-23' };

/** Whether every line of `before` is in `after`, in order: nothing was changed or removed. */
function keepsEveryLine(before: string, after: string): boolean {
  const lines = after.split('\n');
  let at = 0;
  for (const line of before.split('\n')) {
    while (at < lines.length && lines[at] !== line) at++;
    if (at === lines.length) return false;
    at++;
  }
  return true;
}

/** The checklist with one more question in "needs" and a whole new category. */
const grown = () => {
  const base = defaultConfig();
  const categories = base.checklist.categories.map((c) =>
    c.id === 'needs' ? { ...c, questions: [...c.questions, { id: 'needs.renewal_date', text: 'When is their renewal decided?' }] } : c,
  );
  categories.push({ id: 'esg', title: 'ESG', questions: [{ id: 'esg.targets', text: 'Which ESG targets do they report on?' }] });
  return configSchema.parse({ version: 1, checklist: { categories } });
};

describe('kam new plan --update', () => {
  const written = [
    '# my own notes at the top',
    'account: acme',
    'period: "FY2027"      # quoted on purpose',
    'team:',
    '  - { name: Dana Whitfield, roles: [relationship_lead] }',
    'answers:',
    '  needs.budget_cycle: |',
    '    Opens in March.',
    '    Closes in June.',
    '',
    '  our_team.executive_sponsor: { na: "no sponsor yet" }   # ask Lee',
    '  # a comment of mine under the last answer',
    '',
    'actions:',
    '  - { title: Call them, owner: Dana Whitfield, due: 2026-12-01 }',
    '',
  ].join('\n');

  it('adds the missing answer keys and sections and keeps every byte written, the answers included', () => {
    const config = grown();
    const result = updatePlanText(config, written, form);
    if ('reason' in result) throw new Error(result.reason);
    expect(keepsEveryLine(written, result.text)).toBe(true);
    expect(result.text.startsWith(written.slice(0, written.indexOf('  # a comment of mine')))).toBe(true);
    expect(result.sections).toEqual(['stakeholders', 'objectives', 'swot', 'opportunities', 'risks', 'kpis']);
    expect(result.questions).toContain('needs.renewal_date');
    expect(result.questions).toContain('esg.targets');
    expect(result.questions).not.toContain('needs.budget_cycle');
    expect(result.text).toContain('  # When is their renewal decided?\n  needs.renewal_date:\n');
    expect(result.text).toContain('  # ==== ESG ====\n  # Which ESG targets do they report on?\n  esg.targets:\n');
    const loaded = loadText(planSchema(config), 'acme', 'plans/acme.yaml', result.text, 'acme');
    expect(loaded.findings).toEqual([]);
    expect(loaded.value!.answers['needs.budget_cycle']).toBe('Opens in March.\nCloses in June.\n');
    expect(loaded.value!.answers['our_team.executive_sponsor']).toEqual({ na: 'no sponsor yet' });
    expect(loaded.value!.period).toBe('FY2027');
  });

  it('changes nothing in a plan that has everything, and is idempotent', () => {
    const config = grown();
    const full = planText(config, form);
    expect(updatePlanText(config, full, form)).toEqual({ text: full, questions: [], sections: [] });
    const once = updatePlanText(config, written, form) as { text: string };
    expect(updatePlanText(config, once.text, form)).toEqual({ text: once.text, questions: [], sections: [] });
  });

  it('fills an empty answers: key and missing swot keys, keeping CRLF line ends', () => {
    const config = defaultConfig();
    const crlf = 'account: acme\r\nanswers:\r\nswot:\r\n  strengths: [fast]\r\n';
    const result = updatePlanText(config, crlf, form);
    if ('reason' in result) throw new Error(result.reason);
    expect(result.text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(keepsEveryLine(crlf, result.text)).toBe(true);
    expect(result.sections).toContain('swot.threats');
    const loaded = loadText(planSchema(config), 'acme', 'plans/acme.yaml', result.text, 'acme');
    expect(loaded.findings).toEqual([]);
    expect(loaded.value!.swot.strengths).toEqual(['fast']);
  });

  it('refuses a file it cannot add to safely', () => {
    expect(updatePlanText(defaultConfig(), 'account: [acme\n', form)).toMatchObject({ reason: expect.stringContaining('YAML errors') });
    expect(updatePlanText(defaultConfig(), 'account: acme\nanswers: { needs.goals: grow }\n', form)).toMatchObject({ reason: expect.stringContaining('flow mapping') });
  });
});
