import { createInterface } from 'node:readline/promises';
import { KamError } from '../errors.js';
import { isCI, type Io } from './io.js';

/** Prompts only when a person is there to answer: both ends a terminal, not CI, not declined. */
export function canPrompt(io: Io, opts: { yes?: boolean } = {}): boolean {
  return Boolean(io.stdin.isTTY && io.stdout.isTTY && !opts.yes && !isCI(io.env));
}

export interface Question {
  label: string;
  defaultValue: string;
  /** The cleaned-up answer, or an error message to show before asking again. */
  parse: (answer: string) => { value: string } | { error: string };
}

/**
 * Asks each question in turn on io.stdin/io.stdout; an empty answer takes the default. Lines are
 * read through one async iterator, so answers typed (or piped) ahead of a prompt are not lost.
 */
export async function ask(io: Io, questions: Question[]): Promise<string[]> {
  const rl = createInterface({ input: io.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  try {
    const answers: string[] = [];
    for (const q of questions) {
      for (;;) {
        io.stdout.write(`${q.label} (${q.defaultValue}): `);
        const next = await lines.next();
        if (next.done) throw new KamError('no answer (input ended); nothing was written');
        const parsed = q.parse(next.value.trim() || q.defaultValue);
        if ('value' in parsed) {
          answers.push(parsed.value);
          break;
        }
        io.stdout.write(`  ${parsed.error}\n`);
      }
    }
    return answers;
  } finally {
    rl.close();
  }
}
