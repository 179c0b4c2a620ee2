// People named in accounts and plans (managers, team members, owners, contacts): one person
// however the name is cased or spaced (spec 1.1, section 9). A small core others can import.
import type { Config } from '../schema/config.js';
import { closest } from '../util/didYouMean.js';

/** The key that identifies a person: Unicode NFC, runs of white space as one space, trimmed, lower case. */
export function personKey(name: string): string {
  // NFC only where it can matter: normalize() goes through ICU, costly per name on large repos.
  const composed = /[^\x00-\x7f]/.test(name) ? name.normalize('NFC') : name;
  return composed.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Whether two spellings name the same person. */
export const samePerson = (a: string, b: string): boolean => personKey(a) === personKey(b);

/** kam.yaml's `people:` names, or undefined when the repo declares none. */
export function declaredPeople(config: Config): string[] | undefined {
  return config.people ? Object.keys(config.people) : undefined;
}

/**
 * A directory of the spellings seen for each person. `canonical(name)` is the spelling the
 * person goes by: the one in `people:` when declared, else the first one added.
 */
export class People {
  private readonly spellings = new Map<string, string[]>();
  private readonly declared: Map<string, string> | undefined;

  constructor(declared?: readonly string[]) {
    this.declared = declared ? new Map(declared.map((n) => [personKey(n), n])) : undefined;
  }

  /** Records a spelling; returns the person's key. */
  add(name: string): string {
    const key = personKey(name);
    const list = this.spellings.get(key);
    if (!list) this.spellings.set(key, [name]);
    else if (!list.includes(name)) list.push(name);
    return key;
  }

  canonical(name: string): string {
    const key = personKey(name);
    return this.declared?.get(key) ?? this.spellings.get(key)?.[0] ?? name.trim();
  }

  /** Whether `people:` is declared and does not list this person (any case or spacing). */
  unknown(name: string): boolean {
    return this.declared !== undefined && !this.declared.has(personKey(name));
  }

  /** The closest declared name, for a did-you-mean. */
  suggest(name: string): string | undefined {
    return this.declared ? closest(name, [...this.declared.values()]) : undefined;
  }

  /** Every person written more than one way, with the spellings in the order they were seen. */
  variants(): { key: string; spellings: string[] }[] {
    return [...this.spellings].filter(([, s]) => s.length > 1).map(([key, spellings]) => ({ key, spellings }));
  }
}
