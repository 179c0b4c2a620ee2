import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { installBudget, RenderLimitError, templateMistake } from '../../../src/render/limits.js';

function envWith(limits: { calls: number; chars: number }) {
  const env = Handlebars.create();
  const budget = installBudget(env, limits);
  const render = (text: string, model: object) => {
    budget.reset();
    const out = env.compile(text)(model);
    budget.finish(out);
    return out;
  };
  return render;
}

describe('template budget', () => {
  it('renders normal templates unchanged, #each/#if/#with/sections included', () => {
    const render = envWith({ calls: 100, chars: 10_000 });
    const model = { list: ['a', 'b'], ok: true, obj: { x: 1 } };
    expect(render('{{#each list}}[{{this}}]{{/each}}{{#if ok}}Y{{else}}N{{/if}}{{#unless ok}}U{{/unless}}{{#with obj}}{{x}}{{/with}}{{#list}}<{{this}}>{{/list}}', model))
      .toBe('[a][b]YN1<a><b>'.replace('YN', 'Y'));
  });

  it('stops nested loops past the call budget, with the reason', () => {
    const render = envWith({ calls: 1000, chars: 1_000_000 });
    const model = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i]));
    const nested = '{{#each @root}}'.repeat(5) + 'x' + '{{/each}}'.repeat(5);
    expect(() => render(nested, model)).toThrow(RenderLimitError);
    expect(() => render(nested, model)).toThrow(/more than 1,000 block bodies/);
    // The counter restarts with each render: a small template after a stopped one still works.
    expect(render('{{#each @root}}x{{/each}}', model)).toBe('x'.repeat(20));
  });

  it('stops output past the size budget, counting nested output once', () => {
    const render = envWith({ calls: 1_000_000, chars: 1000 });
    const list = Array.from({ length: 30 }, (_, i) => i);
    // 30 x 30 x 1 char = 900 characters: within 1000 even though every level returns them.
    expect(render('{{#each list}}{{#each ../list}}.{{/each}}{{/each}}', { list })).toHaveLength(900);
    expect(() => render('{{#each list}}{{#each ../list}}..{{/each}}{{/each}}', { list })).toThrow(/larger than/);
    expect(() => render('{{text}}', { text: 'y'.repeat(2000) })).toThrow(/larger than/);
  });

  it('{{log}} writes nothing anywhere', () => {
    const render = envWith({ calls: 100, chars: 1000 });
    const writes: unknown[] = [];
    const original = console.log;
    const originalInfo = console.info;
    console.log = (...a: unknown[]) => void writes.push(a);
    console.info = (...a: unknown[]) => void writes.push(a);
    try {
      expect(render('{{log "secret" level="error"}}{{log "x"}}ok', {})).toBe('ok');
    } finally {
      console.log = original;
      console.info = originalInfo;
    }
    expect(writes).toEqual([]);
  });
});

describe('templateMistake', () => {
  it.each([
    ['{{lookup}}', 1, /\{\{lookup\}\} takes two arguments/],
    ['line\n{{#lookup .}}x{{/lookup}}', 2, /\{\{lookup\}\} takes two arguments/],
    ['{{blockHelperMissing}}', 1, /handlebars' own machinery/],
    ['{{#if x}}\n\n{{#helperMissing}}x{{/helperMissing}}{{/if}}', 3, /"helperMissing" is handlebars' own machinery/],
    ['{{#each list}}{{md (helperMissing)}}{{/each}}', 1, /helperMissing/],
  ])('%j: line %i', (text, line, message) => {
    const found = templateMistake(text);
    expect(found?.line).toBe(line);
    expect(found?.message).toMatch(message);
  });

  it('accepts correct uses', () => {
    expect(templateMistake('{{lookup account "name"}}{{#each x}}{{/each}}{{#nosuch}}{{/nosuch}}')).toBeUndefined();
  });
});
