import { samePerson } from '../people/people.js';
import { KamError } from '../errors.js';
import type { Config } from '../schema/config.js';
import { didYouMean } from '../util/didYouMean.js';
import { BANDS, type AccountHealth, type Band } from './health.js';

export interface HealthFilter {
  /** A manager's name, any case. */
  manager?: string;
  /** A tier name or the untiered label, any case. */
  tier?: string;
  band?: string;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The accounts a filter keeps; a tier, manager or band that matches nothing known is a usage error. */
export function selectHealth<T extends Pick<AccountHealth, 'tier' | 'manager' | 'band'>>(list: T[], config: Config, filter: HealthFilter): T[] {
  let rows = list;
  if (filter.tier !== undefined) {
    const names = [...config.scoring.tiers.map((t) => t.name), config.scoring.untiered];
    const tier = names.find((n) => same(n, filter.tier!));
    if (!tier) throw new KamError(`no tier "${filter.tier}"${didYouMean(filter.tier, names)} (tiers: ${names.map((n) => `"${n}"`).join(', ')})`);
    rows = rows.filter((a) => a.tier === tier);
  }
  if (filter.manager !== undefined) {
    const managers = [...new Set(list.flatMap((a) => (a.manager ? [a.manager] : [])))].sort();
    if (!managers.some((m) => samePerson(m, filter.manager!)))
      throw new KamError(`no account with a plan is managed by "${filter.manager}"${didYouMean(filter.manager, managers)}`);
    rows = rows.filter((a) => a.manager !== null && samePerson(a.manager, filter.manager!));
  }
  if (filter.band !== undefined) {
    const band = BANDS.find((b) => same(b, filter.band!));
    if (!band) throw new KamError(`no band "${filter.band}"; bands are red, amber and green`);
    rows = rows.filter((a) => a.band === (band as Band));
  }
  return rows;
}
