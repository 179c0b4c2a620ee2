// Counted nouns in kam's messages: "1 day", "3 days". The one rule (English: the plural unless the
// count is exactly 1, so 0, -1 and 1.5 take it too) and the one place that writes it. `many`
// names an irregular plural ("1 opportunity", "2 opportunities").

/** The count and the noun in the form the count takes: "1 finding", "0 findings". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${pluralWord(count, one, many)}`;
}

/** The noun alone, in the form `count` takes: "finding" for 1, else "findings". */
export function pluralWord(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}
