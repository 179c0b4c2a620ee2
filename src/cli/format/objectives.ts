// Objective progress (spec 1.2, section 1) as table cells, for every command that shows it.
import { percent } from '../../numbers/format.js';
import type { ObjectiveProgress } from '../../numbers/objectives.js';
import { escapeControl } from '../../util/terminal.js';
import { plural } from '../../util/plural.js';

/** Where the progress comes from, in words. */
export function progressSource(o: ObjectiveProgress): string {
  if (o.source === 'measure' && o.measure) {
    const m = o.measure;
    const unit = m.unit ? ` ${escapeControl(m.unit)}` : '';
    return `measure: ${m.actual}${unit}${m.as_of ? ` on ${m.as_of}` : ''} (baseline ${m.baseline}, target ${m.target})`;
  }
  if (o.source === 'actions') return `${o.done} of ${plural(o.actions, 'linked action')} done`;
  return o.id === null ? 'text only: no measure, no linked actions' : 'no measure and no action names it';
}

/** objective, due, progress, from. */
export function objectiveRows(list: readonly ObjectiveProgress[]): string[][] {
  return list.map((o) => [escapeControl(o.id ? `${o.title} (${o.id})` : o.title), o.due ?? '-', percent(o.progress), progressSource(o)]);
}
