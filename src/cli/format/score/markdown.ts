import { scoreText, unratedText } from './values.js';
import type { ScoreFormatter } from './types.js';
import { escapeControl } from '../../../util/terminal.js';

/** User text in a GitHub table cell: pipes escaped, line breaks flattened, empty shown as a dash. */
export function mdCell(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  const text = escapeControl(s.replace(/\r?\n|\r/g, ' ')).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').trim();
  return text === '' ? '-' : text;
}

/** A GitHub-flavoured Markdown table of the ranked accounts, ready to paste into an issue or a wiki. */
export const markdown: ScoreFormatter = ({ rows }) => {
  const header = ['#', 'account', 'name', 'manager', 'score', 'current', 'potential', 'tier', 'quadrant', 'unrated'];
  const align = ['---:', ':---', ':---', ':---', '---:', '---:', '---:', ':---', ':---', '---:'];
  const lines = rows.map((a) =>
    [a.rank, a.id, a.name, a.manager, scoreText(a.score), scoreText(a.current), scoreText(a.potential), a.tier, a.quadrant, unratedText(a)].map(mdCell),
  );
  return [header, align, ...lines].map((cells) => `| ${cells.join(' | ')} |\n`).join('');
};
