import { plural } from '../util/plural.js';
/**
 * The one line whose indentation is wrong, found from the text when yaml could not parse it.
 *
 * yaml reports an indentation mistake where its parser notices it, often on another line and in
 * its own terms: one over-indented `region:` under `industry: Agriculture` reads as a plain
 * scalar running over two lines ("Nested mappings are not allowed in compact mappings", at the
 * line above), one under-indented key or one tab gives an error for every line after it, and an
 * under-indented list item is "A block sequence may not be used as an implicit map key". Users
 * think in lines and columns: this walks the lines as a YAML block reader does (a stack of the
 * open mappings and lists with their indentation) and names the first line that does not fit,
 * with the fix. parseYaml uses it only when yaml failed and the line is where yaml failed (or
 * one line off), so a valid file is never touched and a wrong guess cannot hide another error.
 *
 * Conservative by design: whatever it does not follow line by line (flow collections or quoted
 * text over several lines, `?` keys, directives and document markers) makes it return null, and
 * yaml's own message stands. Block scalars (`|`, `>`) are skipped as text, as YAML reads them.
 */
export interface IndentMistake {
  line: number;
  column: number;
  message: string;
}

interface Level {
  indent: number;
  kind: 'map' | 'seq';
  line: number;
  /** The key (a mapping) or "list item" (a list), as messages name it. */
  name: string;
  /** A list written at the indentation of its key (`key:` then `- x`): a key there ends it. */
  compact?: boolean;
  /** What it is the value of, for messages: `"ratings"`, or "a list item". */
  of?: string;
}

/** What the previous content line left open: a `key:` or `-` with its value below, or a value given. */
interface Last {
  indent: number;
  line: number;
  name: string;
  opener: boolean;
}

class Bail extends Error {}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{},&*!|>?%@`-][^#]*?|-[^\s#][^#]*?)\s*:(?:[ \t]+(.*))?$/;

export function indentationMistake(text: string): IndentMistake | null {
  try {
    return walk(text.split(/\r\n?|\n/));
  } catch (err) {
    if (err instanceof Bail) return null;
    throw err;
  }
}

function walk(lines: string[]): IndentMistake | null {
  const stack: Level[] = [];
  let last: Last | undefined;
  let blockAbove: number | undefined; // inside a block scalar whose key is indented this much
  const content = lines.map((l) => !(l.trim() === '' || l.trimStart().startsWith('#')));
  const indentOf = (l: string) => l.length - l.trimStart().length;
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    if (!content[n]) continue;
    const lead = /^[ \t]*/.exec(raw)![0];
    if (blockAbove !== undefined) {
      if (!lead.includes('\t') && lead.length > blockAbove) continue;
      blockAbove = undefined;
    }
    const line = n + 1;
    if (lead.includes('\t')) {
      const above = last ? ` (line it up with "${last.name}" on line ${last.line}, or with the lines it belongs with)` : '';
      return { line, column: lead.indexOf('\t') + 1, message: `a tab in the indentation: YAML indents with spaces only; replace the tab with spaces${above}` };
    }
    const i = lead.length;
    const rest = raw.slice(i);
    if (/^(---|\.\.\.|%|\?\s|\?$)/.test(rest)) throw new Bail();
    const item = /^-(\s|$)/.test(rest);
    const what = item ? 'the list item' : keyName(rest) ? `"${keyName(rest)}"` : 'this line';
    let top = stack.at(-1);
    if (top?.compact && top.indent === i && !item) {
      stack.pop(); // a key after a compact list: the list has ended
      top = stack.at(-1);
    }
    if (last?.opener && i > last.indent) {
      // The value of the `key:` or `-` above: a new, deeper level.
    } else if (last?.opener && i === last.indent && item && top?.kind === 'map' && top.indent === i) {
      // A list at the indentation of its key (`key:` then `- x`): YAML allows it.
      stack.push({ indent: i, kind: 'seq', line, name: 'list item', compact: true, of: `"${last.name}"` });
    } else if (top && i > top.indent) {
      if (!item && !keyName(rest)) continue; // more words of a plain value over two lines: valid YAML
      const prev = last!;
      return {
        line,
        column: i + 1,
        message: `${what} is indented more than "${prev.name}" on line ${prev.line}, which already has its value, so it cannot belong to it: line it up with "${prev.name}" (column ${prev.indent + 1}), or if it belongs under it, remove the value after "${prev.name}:"`,
      };
    } else if (top && i < top.indent) {
      const inner = top;
      while (stack.length > 0 && stack.at(-1)!.indent > i) stack.pop();
      const outer = stack.at(-1);
      if (!outer ? i > 0 : outer.indent !== i) {
        const belowOuter = outer ? ` or like ${levelName(outer)}` : '';
        return {
          line,
          column: i + 1,
          message: `${what} is indented ${plural(i, 'space')}, which lines up with no line above it: indent it like ${levelName(inner)}${belowOuter}, whichever it belongs with`,
        };
      }
      // Back at an outer level, yet the next line returns to the level just left: this line is
      // the one out of place (one under-indented key among its siblings).
      const next = nextContent(lines, content, n);
      if (next !== undefined && indentOf(lines[next]!) === inner.indent && !/^[ ]*-(\s|$)/.test(lines[next]!) === (inner.kind === 'map') && !last?.opener) {
        return {
          line,
          column: i + 1,
          message: `${what} is indented less than the lines above and below it (lines ${n} and ${next + 1}, column ${inner.indent + 1}), so it ends the ${inner.kind === 'seq' ? 'list' : 'mapping'}${inner.of ? ` of ${inner.of}` : ''}: indent it like them (${inner.indent} spaces)`,
        };
      }
    }
    // This line's own nodes: a `- ` opens a list item, a key a mapping at its column.
    let col = i;
    let rem = rest;
    let opener = false;
    let name = '';
    let of = last?.opener ? (last.name === 'list item' ? 'a list item' : `"${last.name}"`) : undefined;
    for (;;) {
      const at = stack.at(-1);
      if (/^-(\s|$)/.test(rem)) {
        if (!at || at.indent < col) stack.push({ indent: col, kind: 'seq', line, name: 'list item', of });
        else if (at.kind !== 'seq') return mixed(line, col + 1, 'a list item', at);
        of = 'a list item';
        const after = rem.slice(1);
        const pad = after.length - after.trimStart().length;
        name = 'list item';
        if (after.trim() === '' || after.trimStart().startsWith('#')) {
          opener = true;
          break;
        }
        col += 1 + pad;
        rem = after.trimStart();
        continue;
      }
      const key = KEY.exec(rem);
      if (key) {
        const keyText = key[1]!.trim();
        if (!at || at.indent < col) stack.push({ indent: col, kind: 'map', line, name: keyText, of });
        else if (at.kind !== 'map') return mixed(line, col + 1, `the key "${keyText}"`, at);
        name = keyText;
        const value = valueKind(key[2] ?? '');
        opener = value === 'open';
        if (value === 'block') blockAbove = col;
        break;
      }
      // A scalar (the value of a `- ` item, or text at the top of the file).
      if (valueKind(rem) === 'block') blockAbove = col;
      if (!at || at.indent < col) {
        if (stack.length > 0 && at?.kind !== 'seq') throw new Bail();
      }
      name = name || rem.trim();
      break;
    }
    last = { indent: col, line, name, opener };
  }
  return null;
}

/** A list item among keys, or a key among list items, at the same indentation. */
function mixed(line: number, column: number, what: string, level: Level): IndentMistake {
  return level.kind === 'seq'
    ? { line, column, message: `${what} stands among the list items that start on line ${level.line}: a list holds only "- " items; make it an item ("- ..."), or indent it like the key the list belongs to` }
    : { line, column, message: `${what} stands among the keys of the mapping that starts on line ${level.line} ("${level.name}"): indent it under the key it belongs to (more than that key)` };
}

/** `"current_revenue" on line 9 (column 3)`, `the list item on line 3 (column 1)`. */
function levelName(level: Level): string {
  return `${level.kind === 'seq' ? 'the list item' : `"${level.name}"`} on line ${level.line} (column ${level.indent + 1})`;
}

function keyName(rest: string): string | undefined {
  if (/^-(\s|$)/.test(rest)) return undefined;
  return KEY.exec(rest)?.[1]?.trim();
}

function nextContent(lines: string[], content: boolean[], n: number): number | undefined {
  for (let j = n + 1; j < lines.length; j++) if (content[j]) return j;
  return undefined;
}

/** A value as the walk needs it: none (its value follows below), a block scalar, or on this line. */
function valueKind(value: string): 'open' | 'block' | 'inline' {
  const v = value.replace(/(^|\s)#.*$/, '').trim();
  if (v === '' || /^([&!][^\s]*\s*)+$/.test(v)) return 'open';
  if (/^([&!][^\s]*\s+)*[|>][-+0-9]*$/.test(v)) return 'block';
  if (/^[[{]/.test(v) && !balanced(v)) throw new Bail();
  if (/^"/.test(v) && !/^"(?:[^"\\]|\\.)*"/.test(v)) throw new Bail();
  if (/^'/.test(v) && !/^'(?:[^']|'')*'/.test(v)) throw new Bail();
  return 'inline';
}

/** Whether the brackets of a one-line flow collection close (quotes respected). */
function balanced(v: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (let k = 0; k < v.length; k++) {
    const c = v[k]!;
    if (quote) {
      if (c === '\\' && quote === '"') k++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth === 0 && quote === undefined;
}
