import { weakestComponent } from '../../../health/health.js';
import { mdCell } from '../score/markdown.js';
import type { HealthFormatter } from './types.js';
import { componentText, healthText } from './values.js';

const BAND_MARK = { red: '🔴 red', amber: '🟠 amber', green: '🟢 green' } as const;

/** A GitHub-flavoured Markdown table, worst first, to paste into an issue or a weekly note. */
export const markdown: HealthFormatter = ({ rows }) => {
  const header = ['account', 'name', 'tier', 'health', 'band', 'weakest', 'manager'];
  const align = [':---', ':---', ':---', '---:', ':---', ':---', ':---'];
  const lines = rows.map((h) => {
    const weak = weakestComponent(h);
    return [h.id, h.name, h.tier, healthText(h.health), h.band ? BAND_MARK[h.band] : null, componentText(weak, weak ? h.components[weak]?.value : undefined), h.manager].map(mdCell);
  });
  return [header, align, ...lines].map((cells) => `| ${cells.join(' | ')} |\n`).join('');
};
