import type { Config } from '../schema/config.js';
import type { AccountHealth, Band, ComponentDetail } from './health.js';

/** One component's share of the health: 100 x weight x value / sum of the counted weights. */
export interface ComponentShare extends ComponentDetail {
  /** Points this component adds to the health; null when left out. */
  points: number | null;
}

/** Raising one component to reach the next band. */
export interface Lift {
  component: string;
  label: string;
  /** The value (0..1) the component would need, alone, to reach the next band; null when even 1 is not enough. */
  needed: number | null;
  /** Points the component would add at its best (value 1). */
  most: number;
}

export interface HealthExplanation {
  health: AccountHealth;
  /** The sum of the weights counted. */
  weight: number;
  components: ComponentShare[];
  bands: Config['health']['bands'];
  /** The next band up and its threshold; null when green or without health. */
  next: { band: Band; min: number } | null;
  /** Components that could lift it, biggest possible gain first. */
  lifts: Lift[];
}

/** The arithmetic behind an account's health and what would lift it a band, as data. */
export function explainHealth(h: AccountHealth, config: Config): HealthExplanation {
  const { bands } = config.health;
  const weight = Object.values(h.components).reduce((s, c) => s + c.weight, 0);
  const components = h.details.map((d): ComponentShare => {
    const c = h.components[d.id];
    return { ...d, points: c && weight > 0 ? (100 * c.weight * c.value) / weight : null };
  });
  const next: HealthExplanation['next'] =
    h.band === 'red' ? { band: 'amber', min: bands.amber } : h.band === 'amber' ? { band: 'green', min: bands.green } : null;
  const lifts: Lift[] = [];
  if (next && h.health !== null && weight > 0) {
    const gap = next.min - h.health;
    for (const [id, c] of Object.entries(h.components)) {
      if (c.value >= 1) continue;
      const most = (100 * c.weight * (1 - c.value)) / weight;
      const needed = c.value + (gap * weight) / (100 * c.weight);
      const d = h.details.find((x) => x.id === id)!;
      lifts.push({ component: id, label: d.label, needed: needed <= 1 + 1e-9 ? Math.min(1, needed) : null, most });
    }
    lifts.sort((a, b) => b.most - a.most || (a.component < b.component ? -1 : 1));
  }
  return { health: h, weight, components, bands, next, lifts };
}
