/**
 * A person's name as kam compares it: names that differ only by case or runs of spaces are one
 * person (spec 1.1, section 9). A small local helper until name normalisation lands in one place.
 */
export const personKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();
