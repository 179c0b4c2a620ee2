import type { ChalkInstance } from 'chalk';
import type { DiffResult } from '../../../git/diff.js';

export interface DiffReport {
  diff: DiffResult;
  chalk: ChalkInstance;
}

export type DiffFormatter = (report: DiffReport) => string;
