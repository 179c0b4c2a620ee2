import type { Config } from './config.js';

/** Key tiers: the configured list, or every tier. */
export function keyTierNames(config: Config): string[] {
  return config.key_tiers ?? config.scoring.tiers.map((t) => t.name);
}
