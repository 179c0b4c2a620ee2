import type { Digest } from '../../../digest/digest.js';
import { escapeControl } from '../../../util/terminal.js';
import { digestSections, digestSummary, digestTitle } from './sections.js';

/** The digest for a terminal or a plain e-mail: every user string with control characters made visible. */
export function digestText(d: Digest): string {
  const out = [escapeControl(digestTitle(d)), escapeControl(digestSummary(d))];
  for (const s of digestSections(d)) {
    out.push('', escapeControl(s.title));
    if (s.lines.length === 0) out.push(`  ${escapeControl(s.empty)}`);
    for (const l of s.lines) out.push(`  ${escapeControl(l.lead)}  ${escapeControl(l.text)}`);
  }
  return `${out.join('\n')}\n`;
}
