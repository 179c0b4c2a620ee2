import { escapeMarkdown } from '../../../util/markdown.js';
import { scoreText, tierText, unratedText } from './values.js';
import type { ScoreFormatter } from './types.js';
import { escapeControl } from '../../../util/terminal.js';

/**
 * User text in a GitHub table cell, escaped as `kam render` escapes it: markup characters
 * (pipes, emphasis, links) backslash-escaped, raw HTML turned into text, line breaks flattened;
 * empty shown as a dash.
 */
export function mdCell(value: string | number | null): string {
  const s = value === null ? '' : escapeControl(String(value).replace(/\r\n?|\n/g, ' ')).trim();
  return s === '' ? '-' : escapeMarkdown(s);
}

/** A GitHub-flavoured Markdown table of the ranked accounts, ready to paste into an issue or a wiki. */
export const markdown: ScoreFormatter = ({ rows }) => {
  const header = ['#', 'account', 'name', 'manager', 'score', 'current', 'potential', 'tier', 'quadrant', 'unrated'];
  const align = ['---:', ':---', ':---', ':---', '---:', '---:', '---:', ':---', ':---', '---:'];
  const lines = rows.map((a) =>
    [a.rank, a.id, a.name, a.manager, scoreText(a.score), scoreText(a.current), scoreText(a.potential), tierText(a), a.quadrant, unratedText(a)].map(mdCell),
  );
  return [header, align, ...lines].map((cells) => `| ${cells.join(' | ')} |\n`).join('');
};
