import type { ChalkInstance } from 'chalk';
import type { PlanHealth } from '../../../health/portfolio.js';
import type { Config } from '../../../schema/config.js';

/** What every `kam health` formatter gets: the accounts to list, worst first. */
export interface HealthReport {
  rows: PlanHealth[];
  /** How many accounts with a plan there are in all (the rows may be filtered). */
  total: number;
  filtered: boolean;
  config: Config;
  chalk: ChalkInstance;
}

export type HealthFormatter = (report: HealthReport) => string;
