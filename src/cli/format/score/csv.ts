import { writeCsv } from '../../../util/csvWrite.js';
import { scoreText, tierText } from './values.js';
import type { ScoreFormatter } from './types.js';

/**
 * One row per account after a header row, CRLF line ends as RFC 4180 asks (spreadsheets read
 * both), cells safe to open in a spreadsheet (util/csvWrite.ts: no formula runs). Ratings follow, one column per criterion in config order, empty when unrated; `unrated`
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
  return writeCsv(header, lines);
};
