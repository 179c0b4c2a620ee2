import type { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandFactories } from '../../../src/cli/commands/index.js';
import { diffFormatters } from '../../../src/cli/format/diff/index.js';
import { findingsFormatters } from '../../../src/cli/format/findings/index.js';
import { importFormatters } from '../../../src/cli/format/import.js';
import { scoreFormatters } from '../../../src/cli/format/score/index.js';
import { processIo } from '../../../src/cli/io.js';
import { pipelineFormatters } from '../../../src/cli/format/pipeline/index.js';

/** Commands declare --format choices without importing the formatters (kam --version stays light): these must agree. */
const commands = new Map<string, Command>(commandFactories.map((f) => f(() => {}, processIo())).map((c) => [c.name(), c]));
const choices = (name: string): string[] => {
  const option = commands.get(name)!.options.find((o: Option) => o.long === '--format');
  expect(option, `kam ${name} --format`).toBeDefined();
  return option!.argChoices ?? [];
};

describe('--format choices come from the formatter registries', () => {
  it.each([
    ['check', Object.keys(findingsFormatters)],
    ['score', Object.keys(scoreFormatters)],
    ['diff', Object.keys(diffFormatters)],
    ['import', Object.keys(importFormatters)],
    ['pipeline', Object.keys(pipelineFormatters)],
  ])('kam %s offers exactly its formatters', (name, registry) => {
    expect(choices(name)).toEqual(registry);
  });

  it('kam validate offers the findings formats a person or a program reads (a subset of the registry)', () => {
    expect(choices('validate')).toEqual(['stylish', 'json']);
    for (const c of choices('validate')) expect(Object.keys(findingsFormatters)).toContain(c);
  });
});

describe('md and markdown are one format to every command', () => {
  const all = (cmds: Command[]): Command[] => cmds.flatMap((c) => [c, ...all(c.commands as Command[])]);
  const withMarkdown = all([...commands.values()])
    .map((c) => ({ name: c.name(), option: c.options.find((o: Option) => o.long === '--format') }))
    .filter((c) => c.option?.argChoices?.some((x) => x === 'md' || x === 'markdown'));

  it('several commands offer Markdown (render, score, health, agenda...)', () => {
    expect(withMarkdown.map((c) => c.name)).toEqual(expect.arrayContaining(['render', 'score', 'health', 'agenda']));
  });

  it.each(withMarkdown.map((c) => [c.name, c.option!] as const))('kam %s takes -f md and -f markdown, and hands its action the name it lists', (_name, option) => {
    const listed = option.argChoices!.find((x) => x === 'md' || x === 'markdown')!;
    const parse = (arg: string) => (option as unknown as { parseArg: (a: string, p: unknown) => string }).parseArg(arg, undefined);
    expect(parse('md')).toBe(listed);
    expect(parse('markdown')).toBe(listed);
    expect(() => parse('mdx')).toThrow(/Allowed choices are/);
  });
});
