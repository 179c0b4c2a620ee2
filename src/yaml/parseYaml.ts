import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { parseYamlFast } from './fastYaml.js';
import type { Finding } from '../findings/finding.js';
import { makeFinding } from '../findings/makeFinding.js';
import { indentationMistake } from './indentation.js';
import { PositionIndex } from './positions.js';
import { minOf } from '../util/lists.js';

export interface ParsedYaml {
  /** Plain data (maps become plain objects), or undefined when the YAML could not be read. */
  data: unknown;
  index: PositionIndex;
  findings: Finding[];
}

/** Aliases a document may expand before it is treated as an alias bomb. */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses YAML text keeping every node's position. Never throws: syntax errors, duplicate keys,
 * unknown tags and alias bombs all come back as located findings.
 */
export function parseYaml(text: string, file: string, account: string | null): ParsedYaml {
  const fast = parseYamlFast(text);
  return fast ? { data: fast.data, index: fast.index, findings: [] } : parseWithYaml(text, file, account);
}

/** The reference path: `yaml`'s parser, its error messages, and everything the fast path declines. */
export function parseWithYaml(text: string, file: string, account: string | null): ParsedYaml {
  const lines = new LineCounter();
  // yaml's own uniqueKeys check compares every key with every earlier one: 10,000 keys take
  // seconds, 100,000 minutes. duplicateKeyOffsets() finds the same duplicates in linear time.
  // logLevel 'error': yaml's warnings (e.g. a list used as a key) would go to stderr as Node
  // process warnings; the schema reports such keys itself.
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: true, merge: false, version: '1.2', logLevel: 'error' });
  const findings: Finding[] = [];
  const at = (offset: number) => {
    const pos = lines.linePos(offset);
    return { file, account, line: pos.line, column: pos.col };
  };
  // A line whose cause is plain (a list item under "key: []") gets one finding with the fix, not
  // yaml's two or three knock-on errors.
  const explained = new Set<number>();
  for (const error of [...doc.errors, ...doc.warnings]) {
    // A stack overflow inside yaml happens at a depth that depends on the thread's stack: report
    // it as the depth limit, at the start of the file, the same on every thread.
    if (/call stack/i.test(error.message)) {
      if (!findings.some((f) => f.message === TOO_DEEP)) findings.push(makeFinding('yaml_syntax', { file, account, line: 1, column: 1 }, TOO_DEEP));
      continue;
    }
    const pos = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
    if (explained.has(pos.line)) continue;
    const obvious = obviousCause(text, pos.line);
    if (obvious) explained.add(pos.line);
    const message = obvious ?? yamlHint(error.code, firstLine(error.message));
    findings.push(makeFinding('yaml_syntax', { file, account, line: pos.line, column: obvious ? 1 : pos.col }, message));
  }
  // An indentation mistake gives yaml errors on other lines and in its terms (and one per line
  // after it): when the walk of the lines finds the line that is out of place where yaml failed
  // (or one line off: an over-indented key fails on the line above), that one finding replaces
  // them. The "key: []" explanation of obviousCause says more for its case, and is kept.
  if (findings.length > 0 && !findings.some((f) => f.message === TOO_DEEP)) {
    const first = minOf(findings.map((f) => f.line));
    const mistake = indentationMistake(text);
    if (mistake && Math.abs(mistake.line - first) <= 1) {
      const obvious = obviousCause(text, mistake.line);
      const message = obvious?.includes('which already says the') ? obvious : mistake.message;
      findings.splice(0, findings.length, makeFinding('yaml_syntax', { file, account, line: mistake.line, column: obvious === message ? 1 : mistake.column }, message));
    }
  }
  // Too deep is reported at 1:1 however it was found (here, or by yaml running out of stack, which
  // depends on the thread): the same answer on the main thread and on workers.
  if (findings.length === 0)
    for (const problem of valueProblems(doc)) findings.push(makeFinding('yaml_syntax', problem.message === TOO_DEEP ? { file, account, line: 1, column: 1 } : at(problem.offset), problem.message));
  // After valueProblems: null keys are renamed there, and the index must use the same names.
  const index = findings.some((f) => f.message === TOO_DEEP) ? new PositionIndex() : PositionIndex.fromDocument(doc, lines);
  for (const offset of duplicateKeyOffsets(doc)) {
    const pos = lines.linePos(offset);
    findings.push(
      makeFinding('duplicate_key', { file, account, line: pos.line, column: pos.col }, `duplicate key "${keyAt(text, offset)}": remove one of the two entries or merge them`),
    );
  }
  if (findings.length > 0) return { data: undefined, index, findings };
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), index, findings };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    findings.push(makeFinding('yaml_syntax', { file, account, line: 1, column: 1 }, `cannot expand the document: ${reason}; use fewer aliases (at most ${MAX_ALIAS_COUNT} expansions)`));
    return { data: undefined, index, findings };
  }
}

/** How deep collections may nest; plan files use a handful of levels. */
export const MAX_NESTING = 100;
const TOO_DEEP = `the document nests collections more than ${MAX_NESTING} levels deep, more than kam reads; flatten it (plan files need a few levels)`;

const YAML_11_ONLY = new Set(['tag:yaml.org,2002:set', 'tag:yaml.org,2002:omap', 'tag:yaml.org,2002:pairs']);

/**
 * What plain data cannot hold, found on the Document before it is converted, each at its own
 * node: nesting past MAX_NESTING (converting and validating recurse), keys that are lists or
 * mappings (`[x]: 1`), and values that are not text, numbers, booleans or null (`%YAML 1.1`
 * timestamps, `!!binary`, `!!set`). A key written `null` or `~` keeps its text as its name
 * (yaml would make it ""). Iterative: deep nesting cannot overflow the stack here.
 */
function valueProblems(doc: Document): { offset: number; message: string }[] {
  const problems: { offset: number; message: string }[] = [];
  const stack: [unknown, number][] = [[doc.contents, 0]];
  while (stack.length > 0 && problems.length < 20) {
    const [node, depth] = stack.pop()!;
    const offset = (node as { range?: [number] } | null)?.range?.[0] ?? 0;
    if (depth > MAX_NESTING) {
      problems.push({ offset, message: TOO_DEEP });
      break;
    }
    if (isMap(node) || isSeq(node)) {
      if (node.tag && YAML_11_ONLY.has(node.tag)) problems.push({ offset, message: `a ${node.tag.split(':').pop()} (${node.tag.replace('tag:yaml.org,2002:', '!!')}) is not plain data; kam files use plain mappings and lists: remove the tag` });
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = pair.key as { range?: [number] } | null;
        if (isScalar(pair.key)) {
          if (pair.key.value === null && pair.key.source) pair.key.value = pair.key.source;
        } else if (k && (isMap(pair.key) || isSeq(pair.key))) {
          problems.push({ offset: k.range?.[0] ?? offset, message: `a key must be text, not a ${isMap(pair.key) ? 'mapping' : 'list'}; write the key as plain text (e.g. name: value)` });
          continue;
        }
        stack.push([pair.value, depth + 1]);
      }
    } else if (isSeq(node)) for (const item of node.items) stack.push([item, depth + 1]);
    else if (isScalar(node)) {
      const v = node.value;
      if (v instanceof Date) problems.push({ offset, message: 'a YAML 1.1 timestamp is not text: kam reads dates as text (YYYY-MM-DD); remove the %YAML 1.1 line or quote the date' });
      else if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
        problems.push({ offset, message: `the value is ${v instanceof Uint8Array ? 'binary data (!!binary)' : `a ${typeof v}`}, not text, a number or true/false; kam files hold plain text: remove the tag` });
    }
  }
  return problems;
}

/**
 * Where each repeated mapping key starts (the second and later occurrences), as yaml's
 * uniqueKeys finds them (equal scalar values; collection keys by identity), in one pass.
 * Iterative, so deep nesting cannot overflow the stack; aliases are not followed.
 */
function duplicateKeyOffsets(doc: Document): number[] {
  const offsets: number[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const id = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(id) && isScalar(pair.key) && pair.key.range) offsets.push(pair.key.range[0]);
        seen.add(id);
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) for (const item of node.items) stack.push(item);
  }
  return offsets;
}

/** The key text that starts at `offset`, for naming a duplicate key. */
function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 200);
  const match = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^:\n#]*?))\s*:/.exec(rest);
  return (match?.[1] ?? match?.[2] ?? match?.[3] ?? rest.split('\n')[0]!).trim();
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * The cause of a syntax error on `line` when it is plain from the text around it: list items or
 * keys below a key whose value is already given (`stakeholders: []` followed by `  - name: ...`,
 * the way an uncommented example reads). Null when there is nothing certain to say.
 */
export function obviousCause(text: string, line: number): string | null {
  const all = text.split(/\r\n?|\n/);
  const here = all[line - 1];
  if (here === undefined || !/^ +(-\s|-$|[^\s#-][^:#]*:(\s|$))/.test(here)) return null;
  const indent = here.length - here.trimStart().length;
  for (let i = line - 2; i >= 0; i--) {
    const prev = all[i]!;
    if (prev.trim() === '' || prev.trimStart().startsWith('#')) continue;
    const prevIndent = prev.length - prev.trimStart().length;
    if (prevIndent >= indent) continue; // an earlier item of the same block
    const m = /^(\s*)(?:-\s+)?([^\s#:][^:#]*?):\s+(\[\s*\]|\{\s*\}|[^\s#].*?)\s*(#.*)?$/.exec(prev);
    if (!m) return null;
    const [, , key, value] = m;
    const empty = /^(\[\s*\]|\{\s*\})$/.test(value!);
    const what = here.trimStart().startsWith('-') ? 'a list item' : 'a key';
    return empty
      ? `${what} under "${key}: ${value}", which already says the ${value!.startsWith('[') ? 'list' : 'mapping'} is empty: remove the "${value}" after "${key}:" (line ${i + 1}) so the lines below belong to it`
      : `${what} indented under "${key}", which already has a value on line ${i + 1}: indent it like "${key}" or remove the value after "${key}:"`;
  }
  return null;
}

function yamlHint(code: string, message: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return `${message}: indent with spaces; YAML does not allow tabs there`;
    case 'TAG_RESOLVE_FAILED':
      return `${message}: kam files use plain YAML; remove the tag`;
    case 'MULTIPLE_DOCS':
      return `${message}: keep one document per file (remove the extra "---")`;
    case 'MISSING_CHAR':
      return /quote/.test(message) ? `${message}: close the quote on the line where the value starts` : `${message}: check the indentation and quoting on this line`;
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/compact mappings/.test(message)) return `${message}: a value that contains ": " must be quoted, e.g. title: "CFO: finance"`;
      // yaml's words for a "- " item where a key was due (most often an item indented too little).
      if (/block sequence/.test(message)) return 'a list item ("- ") where a key was expected: indent it like the other items of its list, under the key the list belongs to';
      return `${message}: check the indentation and quoting on this line`;
    case 'BAD_INDENT':
    case 'UNEXPECTED_TOKEN':
      return `${message}: check the indentation and quoting on this line`;
    default:
      return message;
  }
}
