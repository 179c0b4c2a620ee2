// Numbers as CRM exports and spreadsheets write them (docs/crm.md, "Numbers"):
//   plain `12500000`, grouped `12,500,000.00` / `12 500 000` / `12'500'000`, scientific `1.25E+7`,
//   a currency symbol (`$`, `€`...) or ISO code (`USD`, `EUR`...) before or after, a leading `-`.
// With `decimalComma` the roles of `.` and `,` swap: `12.500.000,00`, `1,25E+7`. kam never guesses
// which of the two a file uses: `12,500` is 12500 by default and 12.5 with --decimal-comma.
// Everything else (abbreviations such as 1.2M, percentages, formulas, two currencies) is refused.

export type ParsedNumber = { value: number } | { reason: string };

export interface NumberOptions {
  /** `,` is the decimal separator and `.` groups thousands. */
  decimalComma?: boolean;
}

const SYMBOL = '[$€£¥₹₩₽₺₪¢]';
/** A currency before the number: a symbol, an ISO 4217 code, or a prefixed dollar (US$, CA$). */
const PREFIX = new RegExp(`^(?:[A-Z]{3}|[A-Z]{1,2}\\$|${SYMBOL})\\s*`, 'u');
const SUFFIX = new RegExp(`\\s*(?:[A-Z]{3}|${SYMBOL})$`, 'u');

const GRAMMAR = {
  point: { plain: /^\d+(?:\.\d+)?$/, sci: /^\d+(?:\.\d+)?[eE][+-]?\d+$/, grouped: /^\d{1,3}([, '])\d{3}(?:\1\d{3})*(?:\.\d+)?$/, group: /[, ']/g, decimal: '.' },
  comma: { plain: /^\d+(?:,\d+)?$/, sci: /^\d+(?:,\d+)?[eE][+-]?\d+$/, grouped: /^\d{1,3}([. '])\d{3}(?:\1\d{3})*(?:,\d+)?$/, group: /[. ']/g, decimal: ',' },
} as const;

export function parseNumber(cell: string, opts: NumberOptions = {}): ParsedNumber {
  const raw = cell.trim();
  const mode = opts.decimalComma ? 'comma' : 'point';
  const value = read(raw, mode);
  if (value !== undefined) return { value };
  const other = mode === 'point' ? 'comma' : 'point';
  const hint =
    raw !== '' && read(raw, other) !== undefined
      ? mode === 'point'
        ? '; it reads as a decimal comma number: if the file writes decimals with ",", import with --decimal-comma'
        : '; it reads as a decimal point number: drop --decimal-comma if the file writes decimals with "."'
      : '';
  const examples = mode === 'point' ? '12500000, 12,500,000.00, 1.25E+7, $12.5 or 12500000 EUR' : '12500000, 12.500.000,00, 1,25E+7 or 12.500.000 €';
  return { reason: `"${raw}" is not a number kam reads: write digits, optionally grouped by thousands, with a currency before or after (${examples})${hint}` };
}

function read(raw: string, mode: keyof typeof GRAMMAR): number | undefined {
  let text = raw.replace(/[\s\u00a0\u202f\u2009]+/gu, ' ');
  let negative = false;
  const minus = () => {
    if (!negative && text.startsWith('-')) {
      negative = true;
      text = text.slice(1).trimStart();
    }
  };
  minus();
  const prefix = PREFIX.exec(text);
  if (prefix) text = text.slice(prefix[0].length);
  minus();
  const suffix = SUFFIX.exec(text);
  if (suffix) {
    if (prefix) return undefined; // two currencies
    text = text.slice(0, suffix.index);
  }
  const g = GRAMMAR[mode];
  let digits: string;
  if (g.plain.test(text) || g.sci.test(text)) digits = text;
  else if (g.grouped.test(text)) digits = text.replace(g.group, '');
  else return undefined;
  const value = Number((negative ? '-' : '') + (g.decimal === ',' ? digits.replace(',', '.') : digits));
  return Number.isFinite(value) ? value : undefined;
}
