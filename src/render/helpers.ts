// Handlebars helpers for kam's templates: formatting only. Every number a template shows was
// computed by the core (score, completeness, flags); helpers only decide how it looks.
import type { HelperOptions } from 'handlebars';
import { powerMapSvg } from '../relationships/draw.js';
import type { PowerMap } from '../relationships/powerMap.js';
import { plural } from '../util/plural.js';
import { escapeMarkdown } from '../util/markdown.js';

type Env = { registerHelper(name: string, fn: (...args: any[]) => unknown): void; SafeString: new (html: string) => unknown };

/** Handlebars passes its options object as the last argument; strip it. */
const args = (list: unknown[]): unknown[] => list.slice(0, -1);
const isOptions = (x: unknown): x is HelperOptions => typeof x === 'object' && x !== null && 'hash' in x && 'data' in x;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** YYYY-MM-DD as written (`iso`, the default) or "15 Dec 2026" (`long`); empty for no date. */
export function formatDate(value: unknown, style: 'iso' | 'long' = 'iso'): string {
  if (value === undefined || value === null || value === '') return '';
  const text = String(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m || style === 'iso') return text;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/**
 * One formatter per currency (null: not a currency Intl knows): building an Intl.NumberFormat
 * costs far more than formatting with it, and kam site formats thousands of amounts.
 */
const moneyFormats = new Map<string, Intl.NumberFormat | null>();

/** Money in the repo's currency, whole units: "$1,200,000", "€250,000". */
export function formatMoney(value: unknown, currency: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  let format = moneyFormats.get(currency);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
    } catch {
      format = null;
    }
    moneyFormats.set(currency, format);
  }
  return format ? format.format(value) : `${PLAIN().format(value)} ${currency}`;
}

/**
 * As `toLocaleString('en-US')` and `toLocaleString('en-US', { maximumFractionDigits: 2 })`, built
 * once, when first used: the first Intl formatter of a process sets up ICU (20 ms), which a
 * document without such numbers need not pay.
 */
let plain: Intl.NumberFormat | undefined;
let figure: Intl.NumberFormat | undefined;
const PLAIN = () => (plain ??= new Intl.NumberFormat('en-US'));
const FIGURE = () => (figure ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }));

/** A 0..100 number as "45%" (or with `digits` decimals); empty when there is no number. */
export function formatPercent(value: unknown, digits = 0): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  return `${value.toFixed(digits)}%`;
}

/** A number with a fixed number of decimals ("81.3"); "n/a" for null (an unscored account). */
export function formatNumber(value: unknown, digits = 1): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'n/a';
  return value.toFixed(digits);
}

/** A KPI value: numbers with thousands separators ("1,800,000"), text as written ("3.0%"). */
export function formatFigure(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return FIGURE().format(value);
  return value === undefined || value === null ? '' : String(value);
}

/** A change with its sign: "+2.5", "-1.0" (one decimal). */
export function formatSigned(value: unknown, digits = 1): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(digits)}`;
}

/** A text bar for Markdown: "███████░░░" for 70 (of 100). */
export function textBar(percent: unknown, width = 10): string {
  const p = typeof percent === 'number' && Number.isFinite(percent) ? Math.max(0, Math.min(100, percent)) : 0;
  const full = Math.round((p / 100) * width);
  return '█'.repeat(full) + '░'.repeat(width - full);
}

/** Largest width `{{bar}}` draws and most decimals `{{num}}`/`{{percent}}` show: templates are untrusted. */
export const MAX_BAR_WIDTH = 200;
export const MAX_DIGITS = 10;

/** A helper's numeric argument, checked: a whole number in 0..max, else an error naming the helper. */
function bounded(helper: string, what: string, value: unknown, fallback: number, max: number): number {
  if (typeof value !== 'number') return fallback;
  if (!Number.isInteger(value) || value < 0 || value > max) throw new Error(`{{${helper}}}: the ${what} must be a whole number from 0 to ${max}, not ${value}`);
  return value;
}

/** Registers every helper on an isolated Handlebars environment; `currency` is the repo's. */
export function registerHelpers(env: Env, currency: string): void {
  env.registerHelper('date', (...a: unknown[]) => formatDate(a[0], (args(a)[1] === 'long' ? 'long' : 'iso')));
  env.registerHelper('money', (...a: unknown[]) => formatMoney(a[0], currency));
  env.registerHelper('percent', (...a: unknown[]) => formatPercent(a[0], bounded('percent', 'number of decimals', args(a)[1], 0, MAX_DIGITS)));
  env.registerHelper('num', (...a: unknown[]) => formatNumber(a[0], bounded('num', 'number of decimals', args(a)[1], 1, MAX_DIGITS)));
  env.registerHelper('plural', (...a: unknown[]) => {
    const [count, singular, many] = args(a);
    return plural(Number(count ?? 0), String(singular ?? ''), typeof many === 'string' ? many : undefined);
  });
  env.registerHelper('signed', (...a: unknown[]) => formatSigned(a[0]));
  env.registerHelper('figure', (...a: unknown[]) => formatFigure(a[0]));
  env.registerHelper('md', (...a: unknown[]) => escapeMarkdown(isOptions(a[0]) ? '' : a[0]));
  env.registerHelper('bar', (...a: unknown[]) => textBar(a[0], bounded('bar', 'width', args(a)[1], 10, MAX_BAR_WIDTH)));
  // The power map as SVG markup: draw.ts escapes every string of the plan it draws.
  env.registerHelper('powerMapSvg', (...a: unknown[]) => {
    const map = a[0] as PowerMap | undefined;
    return map && Array.isArray(map.people) && map.people.length ? new env.SafeString(powerMapSvg(map, { title: `Power map: ${map.people.length} stakeholders by reporting line`, inline: true })) : '';
  });
  env.registerHelper('eq', (...a: unknown[]) => a[0] === a[1]);
  env.registerHelper('or', (...a: unknown[]) => args(a).some(Boolean));
  env.registerHelper('and', (...a: unknown[]) => args(a).every(Boolean));
  env.registerHelper('not', (...a: unknown[]) => !a[0]);
}
