import type { ChalkInstance } from 'chalk';
import type { HealthExplanation } from '../../../health/explain.js';
import { round1, roundTo } from '../../../score/score.js';
import { plainTable } from '../score/table.js';
import { colorBand, healthText } from './values.js';
import type { ObjectiveProgress } from '../../../numbers/objectives.js';
import { objectiveRows } from '../objectives.js';
import { escapeControl } from '../../../util/terminal.js';

const fmt = (n: number) => String(roundTo(n, 4));

/** `kam health --explain ID --format json`: the working, health to one decimal, the rest to four. */
export function explainHealthJson(e: HealthExplanation, objectives?: ObjectiveProgress[]): string {
  const h = e.health;
  const out = {
    account: { id: h.id, name: h.name, tier: h.tier, manager: h.manager, health: h.health === null ? null : round1(h.health), band: h.band },
    weight: e.weight,
    components: e.components.map((c) => ({
      id: c.id, label: c.label, weight: c.weight, measured: c.measured, counted: c.points !== null,
      value: c.value === null ? null : roundTo(c.value, 4), points: c.points === null ? null : roundTo(c.points, 4), reason: c.reason,
    })),
    left_out: h.left_out,
    bands: e.bands,
    next: e.next,
    lifts: e.lifts.map((l) => ({ ...l, needed: l.needed === null ? null : roundTo(l.needed, 4), most: roundTo(l.most, 4) })),
    // spec 1.2, section 1: shown beside health, never part of it.
    ...(objectives ? { objectives: objectives.map((o) => ({ id: o.id, title: o.title, due: o.due, progress: o.progress, from: o.source })) } : {}),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** The human working: one row per component, the sum, the band and what would lift it. */
export function explainHealthText(e: HealthExplanation, chalk: ChalkInstance, objectives?: ObjectiveProgress[]): string {
  const h = e.health;
  const out: string[] = [];
  out.push(`${chalk.bold(escapeControl(h.name))} (${escapeControl(h.id)})${h.tier ? `, ${escapeControl(h.tier)}` : ''}${h.manager ? `, managed by ${escapeControl(h.manager)}` : ''}`);
  out.push(h.health === null ? `Health ${chalk.bold('-')}: no component is measured with a weight above 0.` : `Health ${chalk.bold(healthText(h.health))}  ${colorBand(chalk, h.band)}`);
  out.push('');
  const cells = e.components.map((c) =>
    c.points === null
      ? [chalk.dim(escapeControl(c.id)), chalk.dim(c.weight), chalk.dim('left out'), chalk.dim('-'), chalk.dim(c.weight <= 0 && c.measured ? 'weight 0' : escapeControl(c.reason))]
      : [escapeControl(c.id), c.weight, c.value!.toFixed(3), c.points.toFixed(2), escapeControl(c.reason)],
  );
  out.push(plainTable(['component', 'weight', 'value', 'points', 'how'], chalk, ['left', 'right', 'right', 'right', 'left'], cells));
  if (h.health !== null) {
    const terms = e.components.filter((c) => c.points !== null).map((c) => `${fmt(c.weight)} × ${fmt(c.value!)}`);
    out.push(chalk.dim(`points = 100 × weight × value / ${fmt(e.weight)} (the weight of the components counted); points add up to the health`));
    out.push(`Health = 100 × (${terms.join(' + ')}) / ${fmt(e.weight)} = ${chalk.bold(healthText(h.health))}`);
  }
  out.push(`Bands: green from ${e.bands.green}, amber from ${e.bands.amber}, red below.`);
  if (e.next && h.health !== null) {
    out.push('');
    const reachable = e.lifts.filter((l) => l.needed !== null);
    if (reachable.length === 0) out.push(`No single component reaches ${e.next.band} (${e.next.min}) on its own: it takes several.`);
    else {
      out.push(`To reach ${e.next.band} (${e.next.min}, ${round1(e.next.min - h.health)} points up), any one of:`);
      for (const l of reachable) out.push(`  ${chalk.green('*')} ${escapeControl(l.component)}: from ${fmt(h.components[l.component]!.value)} to ${fmt(l.needed!)} or more (at best +${l.most.toFixed(1)} points)`);
    }
    const partial = e.lifts.filter((l) => l.needed === null);
    if (partial.length) out.push(chalk.dim(`  Not enough alone: ${partial.map((l) => `${escapeControl(l.component)} (+${l.most.toFixed(1)} at best)`).join(', ')}`));
  }
  if (objectives && objectives.length) {
    out.push('');
    out.push(`Objectives ${chalk.dim('(progress, spec 1.2; not part of health)')}:`);
    out.push(plainTable(['objective', 'due', 'progress', 'from'], chalk, ['left', 'left', 'right', 'left'], objectiveRows(objectives)));
  }
  return `${out.join('\n')}\n`;
}
