import { scoreText, tierText } from './values.js';
import type { ScoreFormatter } from './types.js';

/** RFC 4180: quote a field holding a comma, quote, CR or LF, doubling its quotes. */
export function csvField(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One row per account after a header row, CRLF line ends as RFC 4180 asks (spreadsheets read
 * both). Ratings follow, one column per criterion in config order, empty when unrated; `unrated`
 * lists the unrated criterion ids separated by spaces.
 */
export const csv: ScoreFormatter = ({ rows, config }) => {
  const criteria = config.scoring.criteria.map((c) => c.id);
  const header = ['rank', 'id', 'name', 'manager', 'score', 'current', 'potential', 'tier', 'quadrant', 'unrated', ...criteria];
  const lines = rows.map((a) => [
    a.rank,
    a.id,
    a.name,
    a.manager,
    scoreText(a.score),
    scoreText(a.current),
    scoreText(a.potential),
    tierText(a),
    a.quadrant,
    a.unrated.join(' '),
    ...criteria.map((id) => a.criteria[id]?.rating ?? null),
  ]);
  return [header, ...lines].map((fields) => `${fields.map(csvField).join(',')}\r\n`).join('');
};
