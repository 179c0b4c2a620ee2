// Help texts are written for a terminal of 80 columns (issue #23). Commander wraps what it lays
// out itself (descriptions, options) at its help width; the texts each command adds after it
// (what it does, examples, exit codes) pass through wrapHelp on their way out, so a sentence or
// an example never runs past the edge, however it is written in the source.

import { pushAll } from '../util/lists.js';

/** The widest help kam prints, also on a wider terminal: longer lines are hard to read. */
export const HELP_WIDTH = 80;

/** Commander's help width for a stream: the terminal's when narrower than HELP_WIDTH. */
export function helpWidth(stream: { isTTY?: boolean; columns?: number }): number {
  const columns = stream.isTTY ? stream.columns : undefined;
  return columns && columns >= 40 ? Math.min(columns, HELP_WIDTH) : HELP_WIDTH;
}

/** Columns a help text takes: one per code point (kam's help texts hold no wide characters). */
function width(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * `text` with no line wider than `max` where it can be helped (a single word longer than the
 * line stays whole). Lines that fit are kept as they are. A paragraph (lines without leading
 * space, up to a blank or indented line) with a line too long is rewrapped as a whole; an
 * example line (`  $ kam ...   what it does`) keeps its command whole where it fits (else it
 * continues on the next line after a `\`) and wraps its description under itself, or below the
 * command when too little room is left; any other indented line wraps under its own indent.
 */
export function wrapHelp(text: string, max = HELP_WIDTH): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '' || /^\s/.test(line)) {
      out.push(...(width(line) > max ? wrapIndented(line, max) : [line]));
      i++;
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '' && !/^\s/.test(lines[i]!)) para.push(lines[i++]!);
    if (para.every((l) => width(l) <= max)) pushAll(out, para);
    else pushAll(out, wrapWords(para.join(' ').split(/\s+/), max, ''));
  }
  return out.join('\n');
}

/** Words filled greedily into lines of at most `max` columns, each line starting with `indent`. */
function wrapWords(words: string[], max: number, indent: string, first = indent): string[] {
  const out: string[] = [];
  let current = first;
  let empty = true;
  for (const word of words.filter((w) => w !== '')) {
    if (!empty && width(current) + 1 + width(word) > max) {
      out.push(current);
      current = indent;
      empty = true;
    }
    current += (empty ? '' : ' ') + word;
    empty = false;
  }
  if (!empty || out.length === 0) out.push(current);
  return out;
}

const EXAMPLE = /^(\s*)(\$ .*?)(?:(\s{2,})(\S.*))?$/;

function wrapIndented(line: string, max: number): string[] {
  const example = EXAMPLE.exec(line);
  if (!example) {
    const indent = /^\s*/.exec(line)![0];
    return wrapWords(line.trim().split(/\s+/), max, `${indent}  `, indent);
  }
  const [, indent = '', command = '', gap = '', description] = example;
  const commandLines = wrapCommand(command, max, indent);
  if (description === undefined) return commandLines;
  const last = commandLines[commandLines.length - 1]!;
  const column = commandLines.length === 1 ? width(indent + command + gap) : 0;
  if (commandLines.length === 1 && column + width(description) <= max) return [line];
  // Under itself when that leaves room for a few words, else on its own lines below the command.
  if (commandLines.length === 1 && max - column >= 28) {
    const words = description.split(/\s+/);
    return wrapWords(words, max, ' '.repeat(column), last + gap);
  }
  return [...commandLines, ...wrapWords(description.split(/\s+/), max, `${indent}    `)];
}

/** A shell command over lines of at most `max` columns, continued with ` \` as a shell reads it. */
function wrapCommand(command: string, max: number, indent: string): string[] {
  if (width(indent + command) <= max) return [indent + command];
  // Quoted arguments stay whole: a break inside quotes would change the command.
  const words = command.match(/(?:"[^"]*"|'[^']*'|\S)+/g) ?? [command];
  const out: string[] = [];
  let current = indent + words.shift()!;
  for (const word of words) {
    if (width(current) + 1 + width(word) + 2 > max) {
      out.push(`${current} \\`);
      current = `${indent}    ${word}`;
    } else current += ` ${word}`;
  }
  out.push(current);
  return out;
}
