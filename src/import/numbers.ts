// Numbers as CRM exports write them: `1200000`, `1,200,000`, `1 200 000`, `$1,200,000.50`,
// `1200000 €`. Only plain numbers: no abbreviations (`1.2M`), no decimal commas, no formulas.

const CURRENCY = /^[$€£¥₹₩₽₺₪¢]|[$€£¥₹₩₽₺₪¢]$/gu;
const SPACES = /[\s\u00a0\u202f\u2009]+/gu;
const PLAIN = /^-?\d+(?:\.\d+)?$/;
/** Thousands groups: one separator kind (`,` space or `'`), groups of exactly three digits. */
const GROUPED = /^-?\d{1,3}(?:(,|'|\s)\d{3})(?:\1\d{3})*(?:\.\d+)?$/u;

export type ParsedNumber = { value: number } | { reason: string };

export function parseNumber(cell: string): ParsedNumber {
  const raw = cell.trim();
  let text = raw.replace(CURRENCY, '').trim().replace(/^-\s+/, '-');
  if (/^-?[$€£¥₹₩₽₺₪¢]/u.test(text)) text = text.replace(/^(-?)[$€£¥₹₩₽₺₪¢]/u, '$1');
  let digits: string | undefined;
  if (PLAIN.test(text)) digits = text;
  else if (GROUPED.test(text.replace(SPACES, ' '))) digits = text.replace(/[,'\s\u00a0\u202f\u2009]/gu, '');
  const value = digits === undefined ? NaN : Number(digits);
  if (!Number.isFinite(value))
    return { reason: `"${raw}" is not a plain number: write digits, optionally with thousands separators and a currency symbol (1200000, 1,200,000, $1 200 000)` };
  return { value };
}
