import type { AccountChange } from '../../../git/diff.js';
import type { Finding } from '../../../findings/finding.js';
import { findingCounts, healthChange, numberChange, summaryLine, textChange } from './cells.js';
import type { DiffFormatter } from './types.js';

/** A marker a workflow can look for to update its earlier comment instead of adding one. */
export const MARKDOWN_MARKER = '<!-- kam-diff -->';

/**
 * For a pull-request comment or $GITHUB_STEP_SUMMARY: a heading, a table with arrows, tier changes
 * in bold, and each account's findings folded in <details>.
 */
export const markdown: DiffFormatter = ({ diff }) => {
  const out = [MARKDOWN_MARKER, `## Account plans: \`${code(diff.base)}\` → \`${code(diff.head)}\``, ''];
  if (diff.changes.length === 0) return `${[...out, 'No account changed.'].join('\n')}\n`;
  out.push(`**${summaryLine(diff.changes)}.**`, '');
  out.push('| Account | Change | Score | Tier | Quadrant | Checklist | Health | Findings |', '| --- | --- | ---: | --- | --- | ---: | --- | --- |');
  for (const c of diff.changes) {
    const tier = textChange(c, 'tier');
    const quadrant = textChange(c, 'quadrant');
    const health = healthChange(c);
    const healthCell = health.worse ? `**${health.text}**${c.after?.band === 'red' ? ' 🔴' : ''}` : health.text;
    out.push(
      `| \`${c.id}\` | ${KIND[c.kind]} | ${numberChange(c, 'score')} | ${tier.changed ? `**${md(tier.text)}**` : md(tier.text)} | ${quadrant.changed ? `**${md(quadrant.text)}**` : md(quadrant.text)} | ${numberChange(c, 'completeness', '%')} | ${healthCell} | ${findingCounts(c)} |`,
    );
  }
  for (const c of diff.changes) out.push(...findingsDetails(c));
  return `${out.join('\n')}\n`;
};

const KIND: Record<AccountChange['kind'], string> = { added: '🆕 added', removed: '🗑️ removed', changed: 'changed' };

function findingsDetails(c: AccountChange): string[] {
  if (c.findings.new.length + c.findings.resolved.length === 0) return [];
  const item = (f: Finding) => `- ${f.severity === 'error' ? '❌' : '⚠️'} \`${code(f.file)}:${f.line}\` ${md(f.message)} (\`${f.rule}\`)`;
  const out = ['', `<details><summary><code>${c.id}</code>: ${findingCounts(c)} finding${c.findings.new.length + c.findings.resolved.length === 1 ? '' : 's'}</summary>`, ''];
  if (c.findings.new.length) out.push('**New**', '', ...c.findings.new.map(item), '');
  if (c.findings.resolved.length) out.push('**Resolved**', '', ...c.findings.resolved.map((f) => item(f).replace(/^- \S+/, '- ✅')), '');
  out.push('</details>');
  return out;
}

/** User text in Markdown: no HTML, no table breaks, no accidental emphasis or links. */
function md(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/[\\`*_[\]|<>#~&]/g, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`));
}

/** Text inside a code span: backticks cannot be escaped there, so they are replaced. */
function code(text: string): string {
  return text.replace(/`/g, "'");
}
