// The one Markdown escape, and the Markdown subset of Teams' Adaptive Cards. Text from a plan repo
// is data in every Markdown kam writes (documents, the digest, score and diff tables, the GitHub
// step summary): it opens no emphasis, link, code span, HTML tag, heading, list or table cell.

/**
 * Makes user text safe inside Markdown (CommonMark and GitHub's), table cells included:
 * characters that would start markup (emphasis, strikethrough, links, code, raw HTML, table
 * pipes) are backslash-escaped or turned into entities, an underscore only where it could open
 * or close emphasis (snake_case stays), an ampersand only where it would start an entity, and
 * line breaks become <br> so a cell or list item stays on one line.
 */
export function escapeMarkdown(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/[`*[\]|~]/g, (c) => `\\${c}`)
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/&(?=[#a-zA-Z][\w#]*;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n?|\n/g, '<br>')
    .replace(/^(\s*)(#+|[-+])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** Text inside a code span: backticks cannot be escaped there, so they become apostrophes. */
export function markdownCode(text: string): string {
  return text.replace(/`/g, "'");
}

/**
 * Text for an Adaptive Card TextBlock, whose Markdown subset (bold, italic, lists, links) reads
 * neither entities nor HTML: every markup character is backslash-escaped instead, and a leading
 * list marker too ("12\. item"; a backslash before the digits would be shown as one).
 */
export function escapeCardMarkdown(text: string): string {
  return text
    .replace(/[\\`*_~[\]()<>#]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+])(?=\s)/, '$1\\$2')
    .replace(/^(\s*\d+)\.(?=\s)/, '$1\\.');
}
