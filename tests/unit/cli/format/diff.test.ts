import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { healthChange, numberChange, textChange } from '../../../../src/cli/format/diff/cells.js';
import { COMMENT_LIMIT, diffMarkdown, markdown } from '../../../../src/cli/format/diff/markdown.js';
import { sparkline } from '../../../../src/cli/format/sparkline.js';
import type { AccountChange } from '../../../../src/git/changes.js';
import { makeFinding } from '../../../../src/findings/makeFinding.js';
import { RULES_BY_ID } from '../../../../src/check/registry.js';

type Band = 'red' | 'amber' | 'green';
const state = (score: number | null, tier: string | null, completeness: number | null, health: number | null = null, band: Band | null = null) => ({ score, tier, quadrant: 'Strategic', completeness, health, band });
const change = (kind: AccountChange['kind'], before: AccountChange['before'], after: AccountChange['after']): AccountChange => ({ id: 'acme', kind, before, after, findings: { new: [], resolved: [] } });

describe('diff cells', () => {
  it.each([
    [change('changed', state(62.5, 'Tier 2', 40), state(71.3, 'Tier 2', 55)), '62.5 → 71.3 (+8.8)', '40% → 55% (+15)'],
    [change('changed', state(71.3, 'Tier 2', 42.9), state(62.5, 'Tier 2', 42.9)), '71.3 → 62.5 (-8.8)', '42.9%'],
    [change('changed', state(null, null, 50), state(70, 'Tier 2', null)), '– → 70.0', '50% → –'],
    [change('added', null, state(70, 'Tier 2', 10)), '70.0', '10%'],
    [change('removed', state(70, 'Tier 2', null), null), '70.0', '–'],
  ])('shows score and completeness changes with arrows and signed deltas', (c, score, completeness) => {
    expect(numberChange(c, 'score')).toBe(score);
    expect(numberChange(c, 'completeness', '%')).toBe(completeness);
  });

  it('marks a tier change', () => {
    expect(textChange(change('changed', state(70, 'Tier 2', 1), state(80, 'Tier 1', 1)), 'tier')).toEqual({ text: 'Tier 2 → Tier 1', changed: true });
    expect(textChange(change('changed', state(70, 'Tier 2', 1), state(71, 'Tier 2', 1)), 'tier')).toEqual({ text: 'Tier 2', changed: false });
  });
});

describe('health in a diff', () => {
  it.each([
    [state(1, 'Tier 1', 1, 62.5, 'amber'), state(1, 'Tier 1', 1, 38, 'red'), { text: '62.5 amber → 38.0 red (-24.5)', worse: true, better: false }],
    [state(1, 'Tier 1', 1, 38, 'red'), state(1, 'Tier 1', 1, 70, 'green'), { text: '38.0 red → 70.0 green (+32.0)', worse: false, better: true }],
    [state(1, 'Tier 1', 1, 71, 'green'), state(1, 'Tier 1', 1, 75.5, 'green'), { text: '71.0 green → 75.5 green (+4.5)', worse: false, better: false }],
    [state(1, 'Tier 1', 1, 50, 'amber'), state(1, 'Tier 1', 1, 50, 'amber'), { text: '50.0 amber', worse: false, better: false }],
    [state(1, 'Tier 1', 1, 50, 'amber'), state(1, 'Tier 1', null), { text: '50.0 amber → –', worse: true, better: false }],
  ] as const)('shows health before → after with its band', (before, after, expected) => {
    expect(healthChange(change('changed', before, after))).toEqual(expected);
  });

  it('says in a pull-request comment that a plan went red', () => {
    const c = change('changed', state(50, 'Tier 3', 50, 45, 'amber'), state(50, 'Tier 3', 50, 30, 'red'));
    const out = markdown({ diff: { base: 'main', head: 'worktree', changes: [c] }, chalk: new Chalk({ level: 0 }) });
    expect(out).toContain('| Health |');
    expect(out).toContain('**45.0 amber → 30.0 red (-15.0)** 🔴');
  });
});

describe('markdown', () => {
  it('escapes user text so a message cannot break the comment or inject HTML', () => {
    const c = change('changed', state(50, 'Tier 3', 50), state(80, 'Tier 1', 50));
    c.findings.new.push(makeFinding(RULES_BY_ID.unanswered_question, { file: 'plans/acme.yaml', account: 'acme', line: 3, column: 1 }, 'bad <script>x</script> | *bold* _it_\nnext'));
    const out = markdown({ diff: { base: 'main', head: 'worktree', changes: [c] }, chalk: new Chalk({ level: 0 }) });
    expect(out).toContain('**Tier 3 → Tier 1**');
    expect(out).toContain('bad &lt;script&gt;x&lt;/script&gt; \\| \\*bold\\* \\_it\\_<br>next'); // util/markdown.ts escapeMarkdown
    expect(out).not.toContain('<script>');
    expect(out.startsWith('<!-- kam-diff -->\n## Account plans: `main` → `worktree`\n')).toBe(true);
  });

  it('says so when nothing changed', () => {
    expect(markdown({ diff: { base: 'main', head: 'HEAD', changes: [] }, chalk: new Chalk({ level: 0 }) })).toContain('No account changed.');
  });
});

describe('sparkline', () => {
  it('scales from the lowest to the highest value and leaves gaps for missing scores', () => {
    expect(sparkline([10, 20, 30, 40, 50, 60, 70, 80])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([50, null, 100])).toBe('▁ █');
    expect(sparkline([60, 60])).toBe('▄▄');
  });
});

describe('markdown within GitHub comment limits', () => {
  /** n changed accounts, each with `findings` new findings of a long message. */
  function bigDiff(n: number, findings: number) {
    const changes = Array.from({ length: n }, (_, i) => {
      const c = { ...change('changed', state(50, 'Tier 3', 50), state(60, 'Tier 2', 60)), id: `acct-${String(i).padStart(4, '0')}` };
      c.findings = { new: [], resolved: [] };
      for (let j = 0; j < findings; j++)
        c.findings.new.push(makeFinding(RULES_BY_ID.unanswered_question, { file: `plans/${c.id}.yaml`, account: c.id, line: j + 1, column: 3 }, `unanswered: ${'why '.repeat(30)}(q.${j})`));
      return c;
    });
    return { base: 'origin/main', head: 'worktree', changes };
  }

  it('keeps a small diff whole', () => {
    const diff = bigDiff(3, 2);
    const out = markdown({ diff, chalk: new Chalk({ level: 0 }) });
    expect(out).not.toContain('Cut to fit');
    expect(out.match(/<details>/g)).toHaveLength(3);
  });

  it('stays under 65,536 characters: summary and table first, then details while they fit, then a note', () => {
    const diff = bigDiff(200, 20);
    const out = markdown({ diff, chalk: new Chalk({ level: 0 }) });
    expect(out.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(out).toContain('**200 accounts changed');
    expect(out.split('\n').filter((l) => l.startsWith('| `acct-'))).toHaveLength(200);
    const shown = out.match(/<details>/g)?.length ?? 0;
    expect(shown).toBeGreaterThan(0);
    expect(out.trimEnd().split('\n').at(-1)).toBe(`_Cut to fit GitHub's 65,536-character limit: the findings of ${200 - shown} accounts not shown. Run \`kam diff origin/main\` (or \`--format json\`) for everything._`);
  });

  it('cuts the table too when even that does not fit', () => {
    const out = diffMarkdown(bigDiff(50, 1), 3000);
    expect(out.length).toBeLessThanOrEqual(3000);
    expect(out).toMatch(/_Cut to fit GitHub's 65,536-character limit: \d+ more changed accounts and the findings of 50 accounts not shown/);
  });
});
