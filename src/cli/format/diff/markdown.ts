import type { AccountChange } from '../../../git/changes.js';
import type { Finding } from '../../../findings/finding.js';
import { findingCounts, healthChange, numberChange, numbersChange, summaryLine, textChange } from './cells.js';
import type { DiffFormatter } from './types.js';
import { voidedAgreement } from '../../../signoff/digest.js';
import { escapeControl } from '../../../util/terminal.js';
import { pushAll } from '../../../util/lists.js';
import { plural, pluralWord } from '../../../util/plural.js';
import { escapeXml } from '../../../util/xml.js';
import { escapeMarkdown, markdownCode } from '../../../util/markdown.js';
import { groupDigits } from '../../../util/digits.js';

/** A marker a workflow can look for to update its earlier comment instead of adding one. */
export const MARKDOWN_MARKER = '<!-- kam-diff -->';

/**
 * For a pull-request comment or $GITHUB_STEP_SUMMARY: a heading, a table with arrows, tier changes
 * in bold, and each account's findings folded in <details>.
 */
export const markdown: DiffFormatter = ({ diff }) => diffMarkdown(diff);

/** GitHub's limit for a pull request comment, in characters. */
export const COMMENT_LIMIT = 65_536;

/**
 * The Markdown, at most `limit` characters (JavaScript string length, which counts an emoji as
 * two, so it never undercounts): the heading and summary always, then table rows and findings
 * details while they fit, and a closing note saying what was left out and where to see it.
 */
export function diffMarkdown(diff: Parameters<DiffFormatter>[0]['diff'], limit = COMMENT_LIMIT): string {
  const out = [MARKDOWN_MARKER, `## Account plans: \`${code(diff.base)}\` → \`${code(diff.head)}\``, ''];
  if (diff.changes.length === 0) return `${[...out, 'No account changed.'].join('\n')}\n`;
  out.push(`**${summaryLine(diff.changes)}.**`, '');
  // A voided agreement is what a reviewer must not miss: it goes above the table.
  for (const c of diff.changes) {
    const voided = voidedAgreement(c);
    if (voided) out.push(`> ⚠️ \`${code(c.id)}\`: this change voids the agreement with ${md(voided.by)} of ${voided.date} (shared objectives, actions or KPIs changed); agree again and run \`kam signoff ${code(c.id)} --by NAME\`.`, '');
  }
  const full = [...out, ...table(diff.changes), ...numbersList(diff.changes), ...diff.changes.flatMap(findingsDetails)];
  const fullText = `${full.join('\n')}\n`;
  if (fullText.length <= limit) return fullText;
  // Too long for a comment: the table while it fits, then each account's details while they fit.
  const reserve = 400; // the closing note
  let size = out.join('\n').length + 1;
  const fit = (lines: string[]) => {
    const n = lines.join('\n').length + 1;
    if (size + n > limit - reserve) return false;
    pushAll(out, lines);
    size += n;
    return true;
  };
  const [head1, head2, ...rows] = table(diff.changes);
  fit([head1!, head2!]);
  let rowsShown = 0;
  while (rowsShown < rows.length && fit([rows[rowsShown]!])) rowsShown++;
  if (rowsShown === rows.length) fit(numbersList(diff.changes));
  let detailsShown = 0;
  if (rowsShown === rows.length) while (detailsShown < diff.changes.length && fit(findingsDetails(diff.changes[detailsShown]!))) detailsShown++;
  const hasFindings = (c: AccountChange) => c.findings.new.length + c.findings.resolved.length > 0;
  const detailsLeft = diff.changes.slice(detailsShown).filter(hasFindings).length;
  const rowsLeft = rows.length - rowsShown;
  const left = [
    rowsLeft > 0 ? `${rowsLeft} more changed ${pluralWord(rowsLeft, 'account')}` : '',
    detailsLeft > 0 ? `the findings of ${plural(detailsLeft, 'account')}` : '',
  ].filter(Boolean);
  out.push('', `_Cut to fit GitHub's ${groupDigits(COMMENT_LIMIT)}-character limit: ${left.join(' and ')} not shown. Run \`kam diff ${code(diff.base)}\` (or \`--format json\`) for everything._`);
  return `${out.join('\n')}\n`;
}

function table(changes: AccountChange[]): string[] {
  const out = ['| Account | Change | Score | Tier | Quadrant | Checklist | Health | Findings |', '| --- | --- | ---: | --- | --- | ---: | --- | --- |'];
  for (const c of changes) {
    const tier = textChange(c, 'tier');
    const quadrant = textChange(c, 'quadrant');
    const health = healthChange(c);
    const healthCell = health.worse ? `**${health.text}**${c.after?.band === 'red' ? ' 🔴' : ''}` : health.text;
    out.push(
      `| \`${code(c.id)}\` | ${KIND[c.kind]} | ${numberChange(c, 'score')} | ${tier.changed ? `**${md(tier.text)}**` : md(tier.text)} | ${quadrant.changed ? `**${md(quadrant.text)}**` : md(quadrant.text)} | ${numberChange(c, 'completeness', '%')} | ${healthCell} | ${findingCounts(c)} |`,
    );
  }
  return out;
}

/** Target, coverage and renewal changes, one bullet per account (spec 1.2's numbers). */
function numbersList(changes: AccountChange[]): string[] {
  const items = changes.flatMap((c) => {
    const words = numbersChange(c);
    return words.length ? [`- \`${code(c.id)}\`: ${md(words.join(', '))}`] : [];
  });
  return items.length ? ['', '**Numbers**', '', ...items] : [];
}

const KIND: Record<AccountChange['kind'], string> = { added: '🆕 added', removed: '🗑️ removed', changed: 'changed' };

function findingsDetails(c: AccountChange): string[] {
  if (c.findings.new.length + c.findings.resolved.length === 0) return [];
  const item = (f: Finding) => `- ${f.severity === 'error' ? '❌' : '⚠️'} \`${code(f.file)}:${f.line}\` ${md(f.message)} (\`${f.rule}\`)`;
  const out = ['', `<details><summary><code>${escapeXml(escapeControl(c.id))}</code>: ${findingCounts(c)} ${pluralWord(c.findings.new.length + c.findings.resolved.length, 'finding')}</summary>`, ''];
  if (c.findings.new.length) pushAll(out, ['**New**', '', ...c.findings.new.map(item), '']);
  if (c.findings.resolved.length) pushAll(out, ['**Resolved**', '', ...c.findings.resolved.map((f) => item(f).replace(/^- \S+/, '- ✅')), '']);
  out.push('</details>');
  return out;
}

/** User text in Markdown: escaped, and its control characters shown as escapes (it may be printed to a terminal). */
function md(text: string): string {
  return escapeControl(escapeMarkdown(text));
}

/** Text inside a code span, control characters shown as escapes. */
function code(text: string): string {
  return markdownCode(escapeControl(text));
}
