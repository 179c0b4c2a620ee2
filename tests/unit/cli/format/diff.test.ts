import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { numberChange, textChange } from '../../../../src/cli/format/diff/cells.js';
import { markdown } from '../../../../src/cli/format/diff/markdown.js';
import { sparkline } from '../../../../src/cli/format/sparkline.js';
import type { AccountChange } from '../../../../src/git/diff.js';
import { makeFinding } from '../../../../src/findings/makeFinding.js';

const state = (score: number | null, tier: string | null, completeness: number | null) => ({ score, tier, quadrant: 'Strategic', completeness });
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

describe('markdown', () => {
  it('escapes user text so a message cannot break the comment or inject HTML', () => {
    const c = change('changed', state(50, 'Tier 3', 50), state(80, 'Tier 1', 50));
    c.findings.new.push(makeFinding('unanswered_question', { file: 'plans/acme.yaml', account: 'acme', line: 3, column: 1 }, 'bad <script>x</script> | *bold* _it_\nnext'));
    const out = markdown({ diff: { base: 'main', head: 'worktree', changes: [c] }, chalk: new Chalk({ level: 0 }) });
    expect(out).toContain('**Tier 3 → Tier 1**');
    expect(out).toContain('bad &lt;script&gt;x&lt;/script&gt; \\| \\*bold\\* \\_it\\_ next');
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
