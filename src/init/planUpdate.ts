// `kam new plan <id> --update`: add to an existing plan the checklist questions and sections it
// lacks (after the checklist or a profile changed), as the form would have written them, without
// touching a byte the user wrote. Only insertions: every original line stays, in order.
import { isMap, isScalar, parseDocument, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { afterLastItem, indentOf, lineEnd } from '../yaml/index.js';
import type { Config } from '../schema/config.js';
import { planText, type PlanForm } from './formText.js';
import { commentLines } from './yamlText.js';
import { pushAll } from '../util/lists.js';

/** The top-level sections of the plan form, in form order. */
const SECTIONS = ['team', 'stakeholders', 'answers', 'objectives', 'swot', 'opportunities', 'actions', 'risks', 'kpis'] as const;
const SWOT_KEYS = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;

export interface PlanUpdate {
  text: string;
  /** Checklist question ids added under `answers:`, in checklist order. */
  questions: string[];
  /** Sections (and `swot.<key>`s) added, in form order. */
  sections: string[];
}

interface Insert {
  at: number;
  text: string;
  /** Among inserts at one offset, the deeper one (keys of a section) goes first in the file. */
  depth: number;
}

/** The plan text with what it lacks added, or why kam cannot add it safely. */
export function updatePlanText(config: Config, text: string, form: Pick<PlanForm, 'account' | 'accountName' | 'today'>): PlanUpdate | { reason: string } {
  const doc = parseDocument(text, { version: '1.2', uniqueKeys: true, merge: false });
  if (doc.errors.length > 0) return { reason: `the file has YAML errors (${doc.errors[0]!.message.split('\n')[0]}); fix them first ("kam validate" shows them)` };
  const root = doc.contents;
  if (!isMap(root) || root.flow) return { reason: 'the file is not a block mapping of "key: value" lines, so kam cannot add to it in place' };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const inserts: Insert[] = [];
  const questions: string[] = [];
  const sections: string[] = [];
  const blank = planText(config, form).split('\n');
  const appended: string[] = [];

  for (const section of SECTIONS) {
    const pair = findPair(root, section);
    if (!pair) {
      if (section === 'answers') pushAll(questions, config.checklist.categories.flatMap((c) => c.questions.map((q) => q.id)));
      sections.push(section);
      appended.push(chunkOf(blank, section));
      continue;
    }
    const value = pair.value;
    if (section === 'answers') {
      const present = isMap(value) ? new Set((value.items as Pair[]).map((p) => (isScalar(p.key) ? String(p.key.value) : ''))) : new Set<string>();
      const missing = config.checklist.categories
        .map((c) => ({ category: c, questions: c.questions.filter((q) => !present.has(q.id)) }))
        .filter((g) => g.questions.length > 0);
      if (missing.length === 0) continue;
      if (isMap(value) && value.flow) return { reason: 'answers: is written as a flow mapping ({ ... }); write it as one "question: answer" line per key so kam can add to it' };
      if (!isMap(value) && !(isScalar(value) && value.value === null) && value !== null)
        return { reason: 'answers: is not a mapping of question ids to answers; fix it first ("kam validate" shows why)' };
      const lines = missing.flatMap((g) => {
        const header = g.category.questions.length === g.questions.length ? [`  # ==== ${g.category.title} ====`] : [];
        return [...header, ...g.questions.flatMap((q) => [commentLines(q.text, 2), `  ${q.id}:`])];
      });
      pushAll(questions, missing.flatMap((g) => g.questions.map((q) => q.id)));
      const at = isMap(value) && value.items.length > 0 ? afterLastItem(text, value) : lineEnd(text, (pair.key as Scalar).range![1]);
      inserts.push({ at, text: lines.join('\n'), depth: 1 });
    } else if (section === 'swot' && isMap(value) && !value.flow) {
      const missing = SWOT_KEYS.filter((k) => !findPair(value, k));
      if (missing.length === 0) continue;
      const indent = ' '.repeat(indentOf(text, value));
      pushAll(sections, missing.map((k) => `swot.${k}`));
      inserts.push({ at: value.items.length > 0 ? afterLastItem(text, value) : lineEnd(text, (pair.key as Scalar).range![1]), text: missing.map((k) => `${indent}${k}: []`).join('\n'), depth: 1 });
    }
  }
  if (appended.length > 0) inserts.push({ at: text.length, text: `\n${appended.join('\n\n')}`, depth: 0 });
  if (inserts.length === 0) return { text, questions, sections };

  let out = text;
  for (const ins of inserts.sort((a, b) => b.at - a.at || a.depth - b.depth)) {
    // Each insertion is whole lines: it starts on a fresh line and ends with a line break.
    const needsBreak = ins.at > 0 && out[ins.at - 1] !== '\n';
    const body = ins.text.split('\n').join(eol) + eol;
    out = out.slice(0, ins.at) + (needsBreak ? eol : '') + body + out.slice(ins.at);
  }
  const check = parseDocument(out, { version: '1.2', uniqueKeys: true, merge: false });
  if (check.errors.length > 0) return { reason: 'kam could not add the missing keys without disturbing the file; add them by hand ("kam check" lists the open questions)' };
  return { text: out, questions, sections };
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return (map.items as Pair[]).find((p) => isScalar(p.key) && String(p.key.value) === key);
}


/** The form's text of one top-level section: the comment lines just above it, its key line, and its indented lines. */
function chunkOf(lines: string[], key: string): string {
  const start = lines.findIndex((l) => l === `${key}:` || l.startsWith(`${key}:`) && /^[a-z_]+:(\s|$)/.test(l));
  let from = start;
  while (from > 0 && lines[from - 1]!.startsWith('#')) from--;
  let to = start + 1;
  while (to < lines.length && (lines[to] === '' || /^\s+\S/.test(lines[to]!))) to++;
  while (to > start + 1 && lines[to - 1] === '') to--;
  return lines.slice(from, to).join('\n');
}

