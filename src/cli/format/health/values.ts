import type { ChalkInstance } from 'chalk';
import type { Band } from '../../../health/health.js';
import { round1 } from '../../../score/score.js';

/** Health as printed in text formats: one decimal, always. */
export function healthText(n: number | null, empty = ''): string {
  return n === null ? empty : round1(n).toFixed(1);
}

/** The band as a coloured word (the word itself carries it without colour). */
export function colorBand(chalk: ChalkInstance, band: Band | null): string {
  if (band === null) return chalk.dim('-');
  return band === 'green' ? chalk.green(band) : band === 'amber' ? chalk.yellow(band) : chalk.red.bold(band);
}

/** A component's label for a table: its id and value in percent. */
export function componentText(id: string | null, value: number | undefined): string {
  return id === null || value === undefined || value >= 1 ? '' : `${id} ${Math.round(value * 100)}%`;
}
