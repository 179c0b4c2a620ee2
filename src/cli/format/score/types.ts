import type { ChalkInstance } from 'chalk';
import type { Config } from '../../../schema/config.js';
import type { Portfolio } from '../../../score/portfolio.js';
import type { RankedScore } from '../../../score/score.js';

/** What every `kam score` formatter gets: the accounts to list and the portfolio they come from. */
export interface ScoreReport {
  /** The accounts left after --tier/--manager/--top, ranked, with their overall rank. */
  rows: RankedScore[];
  /** The whole portfolio (the summary is about all of it, whatever the filters). */
  portfolio: Portfolio;
  config: Config;
  chalk: ChalkInstance;
  /** Whether any filter was given, so the table can say the summary covers more than it lists. */
  filtered: boolean;
}

export type ScoreFormatter = (report: ScoreReport) => string;
