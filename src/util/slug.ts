/** Letters NFKD does not decompose into an ASCII base letter. */
const TRANSLITERATIONS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ħ: 'h', ı: 'i', ŧ: 't', ŋ: 'n', ĸ: 'k',
};

/**
 * A lowercase id slug from a display name: "Crème Brûlée AG" -> "creme-brulee-ag",
 * "Ørsted A/S" -> "orsted-a-s", "AT&T" -> "at-and-t", "L'Oréal" -> "loreal".
 * Empty when the name has no letter or digit kam can spell in ASCII.
 */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøłđðþħıŧŋĸ]/g, (c) => TRANSLITERATIONS[c]!)
    .replace(/&/g, ' and ')
    .replace(/(?<=\w)['’](?=\w)/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
