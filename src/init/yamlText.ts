import { stringify } from 'yaml';

// Small helpers for writing YAML files that people will read and edit: the values are stringified
// by the yaml library (so quoting is always right), the layout and comments are ours.

/** One scalar as YAML (quoted only when needed). */
export function scalar(value: string | number | boolean): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** A map or list on one line: `{ id: fit, weight: 2 }`. */
export function flow(value: object): string {
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trimEnd();
}

/** `key: value` in block style (nested maps and lists indented), indented by `indent` spaces. */
export function block(key: string, value: unknown, indent = 0): string {
  const text = stringify({ [key]: value }, { lineWidth: 100 }).trimEnd();
  return indentLines(text, indent);
}

/** One list item in block style: `- name: ...` with its other keys below, indented by `indent`. */
export function blockItem(value: unknown, indent = 0): string {
  return indentLines(stringify([value], { lineWidth: 100 }).trimEnd(), indent);
}

export function indentLines(text: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return text
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join('\n');
}

/** `code` followed by `# comment`, comments aligned at `column` where the code is short enough. */
export function withComment(code: string, comment: string | undefined, column = 36): string {
  if (!comment) return code;
  return `${code.padEnd(Math.max(column, code.length + 1))}# ${oneLine(comment)}`;
}

/** Comment lines (`# ...`) wrapped at about `width` characters. */
export function commentLines(text: string, indent = 0, width = 100): string {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  let line = '';
  for (const word of oneLine(text).split(' ')) {
    if (line && pad.length + 2 + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => `${pad}# ${l}`).join('\n');
}

/** Comments end at a line break: user text written into one must stay on one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The first line of every YAML file kam writes, for editor autocompletion. */
export function schemaLine(path: string): string {
  return `# yaml-language-server: $schema=${path}`;
}
