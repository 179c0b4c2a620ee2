import type { Digest } from '../../../digest/digest.js';
import { escapeMarkdown } from '../../../util/markdown.js';
import { digestSections, digestSummary, digestTitle } from './sections.js';

/** The digest as Markdown (a pull request comment, an e-mail, a wiki page): user text escaped. */
export function digestMarkdown(d: Digest): string {
  const out = [`# ${escapeMarkdown(digestTitle(d))}`, '', escapeMarkdown(digestSummary(d))];
  for (const s of digestSections(d)) {
    out.push('', `## ${escapeMarkdown(s.title)}`, '');
    if (s.lines.length === 0) out.push(escapeMarkdown(s.empty));
    for (const l of s.lines) out.push(`- **${escapeMarkdown(l.lead)}**${l.alert ? ' ⚠' : ''} ${escapeMarkdown(l.text)}`);
  }
  return `${out.join('\n')}\n`;
}
