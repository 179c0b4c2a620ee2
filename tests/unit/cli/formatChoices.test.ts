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
