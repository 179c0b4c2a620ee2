import { LineCounter, parseDocument } from 'yaml';
import type { Finding } from './finding.js';
import { makeFinding } from './makeFinding.js';
import { PositionIndex } from './positions.js';

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
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true, merge: false, version: '1.2' });
  const index = PositionIndex.fromDocument(doc, lines);
  const findings: Finding[] = [];
  for (const error of [...doc.errors, ...doc.warnings]) {
    const pos = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
    const duplicate = error.code === 'DUPLICATE_KEY';
    const message = duplicate ? `duplicate key "${keyAt(text, error.pos[0])}"` : firstLine(error.message);
    findings.push(
      makeFinding(duplicate ? 'duplicate_key' : 'yaml_syntax', { file, account, line: pos.line, column: pos.col },
        duplicate ? `${message}: remove one of the two entries or merge them` : yamlHint(error.code, message)),
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

/** The key text that starts at `offset`, for naming a duplicate key. */
function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 200);
  const match = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^:\n#]*?))\s*:/.exec(rest);
  return (match?.[1] ?? match?.[2] ?? match?.[3] ?? rest.split('\n')[0]!).trim();
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function yamlHint(code: string, message: string): string {
  switch (code) {
    case 'TAG_RESOLVE_FAILED':
      return `${message}: kam files use plain YAML; remove the tag`;
    case 'MULTIPLE_DOCS':
      return `${message}: keep one document per file (remove the extra "---")`;
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return `${message}: check the indentation and quoting on this line`;
    default:
      return message;
  }
}
