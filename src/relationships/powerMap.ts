// The power map of a plan (spec 1.1, section 1): its stakeholders as a reporting tree from
// `reports_to`, with each person's role, influence, stance and the people of ours who hold them.
// Pure data and geometry here; `svg.ts`, `mermaid.ts` and `text.ts` draw it.
//
// Layout (deterministic: the same plan gives the same numbers): every subtree is a rectangle.
// A leaf is one box. A manager whose reports are all leaves, four or more of them, stacks them in
// columns of up to six under it (a wide row of thirty boxes would be unreadable); any other manager
// sits centred over its reports' subtrees laid side by side. People without a manager (or whose
// manager is unknown, or who close a reporting cycle) are roots, side by side in plan order.
// Sibling rectangles never overlap, so no two boxes can.
import { reportingCycles } from './reportingTree.js';
import { STAKEHOLDER_ROLE_LABELS } from '../schema/enums.js';
import type { Plan } from '../schema/plan.js';
import { isGone } from './gone.js';
import { BOX_WIDTH, mapBoxHeight } from './boxText.js';
import { contactsOf, needsOwner, ownerOf, stakeholderKey } from './people.js';
import { threadsOf, type Threads } from './threads.js';

/** A box's width, and the height of a box of five one-line texts (boxes grow for longer words: boxText.ts). */
export const BOX = { width: BOX_WIDTH, height: 92 } as const;
const GAP_X = 24;
const GAP_Y = 44;
/** Between stacked boxes, and how far a stack is indented from its manager's left edge. */
const STACK_GAP = 14;
const STACK_INDENT = 28;
const STACK_MIN = 4;
const STACK_ROWS = 6;
const MARGIN = 16;

export interface PowerMapPerson {
  /** Position in the plan's `stakeholders` list. */
  index: number;
  /** The stakeholder's id, or its name when it has none. */
  key: string;
  id: string | null;
  name: string;
  title: string | null;
  role: string | null;
  roleLabel: string | null;
  influence: 'high' | 'medium' | 'low' | null;
  stance: 'supporter' | 'neutral' | 'detractor' | null;
  owner: string | null;
  contacts: string[];
  lastContact: string | null;
  /** The index of their manager in the map, or null for a root. */
  manager: number | null;
  /** Direct reports, by index, in plan order. */
  reports: number[];
  depth: number;
  /** High influence or a deciding role, and no owner: someone we could lose without noticing (never a gone person). */
  unowned: boolean;
  /** The day they left the role, when given (spec 1.2, section 6). */
  left: string | null;
  /** Left by today: drawn struck through, with the date. */
  gone: boolean;
  /** The id of who took over from them, when given. */
  successor: string | null;
}

export interface PlacedBox {
  index: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PowerMapLayout {
  width: number;
  height: number;
  boxes: PlacedBox[];
  /** One orthogonal path per manager-report link, as SVG path data. */
  links: { from: number; to: number; d: string }[];
}

export interface PowerMap {
  people: PowerMapPerson[];
  /** Indexes of the people at the top, in plan order. */
  roots: number[];
  layout: PowerMapLayout;
  /** How many people of ours hold relationships with the present stakeholders (spec 1.2, section 6). */
  threads: Threads;
}

type Stakeholders = Plan['stakeholders'];

/**
 * The reporting tree of a plan's stakeholders, laid out. Gone people (left by `today`) stay in the
 * tree where they were, marked `gone`: the map shows who left, and who reported to them.
 */
export function buildPowerMap(stakeholders: Stakeholders, today: string): PowerMap {
  const byId = new Map<string, number>();
  stakeholders.forEach((s, i) => {
    if (s.id !== undefined && !byId.has(s.id)) byId.set(s.id, i);
  });
  const manager: (number | null)[] = stakeholders.map((s) => (s.reports_to === undefined ? null : (byId.get(s.reports_to) ?? null)));
  // A cycle has no top: draw its first-listed member as a root (reporting_cycle reports it).
  for (const cycle of reportingCycles(stakeholders)) manager[cycle[0]!] = null;
  const reports: number[][] = stakeholders.map(() => []);
  manager.forEach((m, i) => {
    if (m !== null) reports[m]!.push(i);
  });
  const roots = manager.flatMap((m, i) => (m === null ? [i] : []));
  const depth = new Array<number>(stakeholders.length).fill(0);
  const order: number[] = [];
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const i = stack.pop()!;
    order.push(i);
    for (const r of [...reports[i]!].reverse()) {
      depth[r] = depth[i]! + 1;
      stack.push(r);
    }
  }
  const people = stakeholders.map((s, i): PowerMapPerson => ({
    index: i,
    key: stakeholderKey(s),
    id: s.id ?? null,
    name: s.name,
    title: s.title?.trim() ? s.title.trim() : null,
    role: s.role ?? null,
    roleLabel: s.role ? (STAKEHOLDER_ROLE_LABELS[s.role] ?? s.role) : null,
    influence: s.influence ?? null,
    stance: s.stance ?? null,
    owner: ownerOf(s),
    contacts: contactsOf(s),
    lastContact: s.last_contact ?? null,
    manager: manager[i]!,
    reports: reports[i]!,
    depth: depth[i]!,
    unowned: !isGone(s, today) && needsOwner(s) && ownerOf(s) === null,
    left: s.left ?? null,
    gone: isGone(s, today),
    successor: s.successor ?? null,
  }));
  return { people, roots, layout: layoutTree(roots, reports, mapBoxHeight(people)), threads: threadsOf(stakeholders, today) };
}

interface Sized {
  width: number;
  height: number;
  stacked: boolean;
}

/** `boxHeight`: every box's height (all equal, so rows stay aligned). */
function layoutTree(roots: number[], reports: number[][], boxHeight: number): PowerMapLayout {
  const box = { width: BOX_WIDTH, height: boxHeight };
  const size = new Map<number, Sized>();
  // Sizes bottom-up, iteratively (a long reporting chain must not overflow the stack).
  const post: number[] = [];
  const stack = [...roots];
  while (stack.length > 0) {
    const i = stack.pop()!;
    post.push(i);
    for (const r of reports[i]!) stack.push(r);
  }
  for (const i of post.reverse()) {
    const kids = reports[i]!;
    if (kids.length === 0) size.set(i, { width: box.width, height: box.height, stacked: false });
    else if (kids.length >= STACK_MIN && kids.every((k) => reports[k]!.length === 0)) {
      const columns = Math.ceil(kids.length / STACK_ROWS);
      const rows = Math.ceil(kids.length / columns);
      const width = Math.max(box.width, STACK_INDENT + columns * box.width + (columns - 1) * GAP_X);
      size.set(i, { width, height: box.height + GAP_Y + rows * box.height + (rows - 1) * STACK_GAP, stacked: true });
    } else {
      const row = kids.reduce((w, k) => w + size.get(k)!.width, 0) + GAP_X * (kids.length - 1);
      const tallest = kids.reduce((h, k) => Math.max(h, size.get(k)!.height), 0);
      size.set(i, { width: Math.max(box.width, row), height: box.height + GAP_Y + tallest, stacked: false });
    }
  }

  const boxes: PlacedBox[] = [];
  const at = new Map<number, PlacedBox>();
  const put = (b: PlacedBox) => {
    boxes.push(b);
    at.set(b.index, b);
  };
  const links: PowerMapLayout['links'] = [];
  // Top-down, iteratively (a reporting chain thousands deep must not overflow the stack): a
  // manager is visited twice, first to place its reports' rectangles, then (after them) to sit
  // over their boxes.
  const place = (root: number, rootLeft: number, rootTop: number) => {
    const work: { i: number; left: number; top: number; after: boolean }[] = [{ i: root, left: rootLeft, top: rootTop, after: false }];
    while (work.length > 0) {
      const { i, left, top, after } = work.pop()!;
      const s = size.get(i)!;
      const kids = reports[i]!;
      if (after) {
        // The manager's box sits over the centre of its reports' boxes (inside its own rectangle).
        const ky = top + box.height + GAP_Y;
        const centres = kids.map((k) => at.get(k)!.x + box.width / 2);
        const mx = (centres[0]! + centres[centres.length - 1]!) / 2;
        put({ index: i, x: mx - box.width / 2, y: top, width: box.width, height: box.height });
        kids.forEach((k, n) => links.push({ from: i, to: k, d: `M${mx} ${top + box.height}V${top + box.height + GAP_Y / 2}H${centres[n]}V${ky}` }));
        continue;
      }
      if (s.stacked) {
        const x = left;
        put({ index: i, x, y: top, width: box.width, height: box.height });
        const columns = Math.ceil(kids.length / STACK_ROWS);
        const rows = Math.ceil(kids.length / columns);
        kids.forEach((k, n) => {
          const col = Math.floor(n / rows);
          const row = n % rows;
          const kx = left + STACK_INDENT + col * (box.width + GAP_X);
          const ky = top + box.height + GAP_Y + row * (box.height + STACK_GAP);
          put({ index: k, x: kx, y: ky, width: box.width, height: box.height });
          // Down a rail left of the column, then right into the box.
          const rail = kx - STACK_INDENT / 2;
          links.push({ from: i, to: k, d: `M${x + STACK_INDENT / 2} ${top + box.height}V${top + box.height + GAP_Y / 2}H${rail}V${ky + box.height / 2}H${kx}` });
        });
        continue;
      }
      if (kids.length === 0) {
        put({ index: i, x: left + (s.width - box.width) / 2, y: top, width: box.width, height: box.height });
        continue;
      }
      const row = kids.reduce((w, k) => w + size.get(k)!.width, 0) + GAP_X * (kids.length - 1);
      const ky = top + box.height + GAP_Y;
      work.push({ i, left, top, after: true });
      const lefts: number[] = [];
      let kidLeft = left + (s.width - row) / 2;
      for (const k of kids) {
        lefts.push(kidLeft);
        kidLeft += size.get(k)!.width + GAP_X;
      }
      for (let n = kids.length - 1; n >= 0; n--) work.push({ i: kids[n]!, left: lefts[n]!, top: ky, after: false });
    }
  };
  let left = MARGIN;
  let height = 0;
  for (const r of roots) {
    place(r, left, MARGIN);
    left += size.get(r)!.width + GAP_X;
    height = Math.max(height, size.get(r)!.height);
  }
  const width = roots.length === 0 ? 2 * MARGIN : left - GAP_X + MARGIN;
  boxes.sort((a, b) => a.index - b.index);
  links.sort((a, b) => a.to - b.to);
  return { width, height: height + 2 * MARGIN, boxes, links };
}
