// Layout of the key account matrix (portfolio document): pure geometry, no SVG text.
//
// Axes: x = the *current* axis score (our position with the account today: McDonald's "relative
// strength"), y = the *potential* axis score (the account's attractiveness). Both run 0..100;
// quadrant lines sit at scoring.matrix_threshold, so the top right is "high current, high
// potential" (Strategic by default). Bubble area follows revenue.current (radius ~ sqrt).
// Bubbles at or near the same spot are nudged apart (separateBubbles) so none overlaps another,
// each inside the plot frame. Labels are placed deterministically: for each bubble, biggest
// first, try the eight spots around it, then rings further out and then the whole plot (with a
// leader line), and take the first spot that overlaps no earlier label, no bubble and no
// quadrant label.
//
// With an earlier position (`kam render --portfolio --since REV`, spec 1.2 section 8), a bubble
// also gets a small hollow mark where the account was and an arrow from it to the bubble's edge;
// labels keep clear of those marks too.
import { maxOf } from '../util/lists.js';

export interface MatrixPoint {
  id: string;
  label: string;
  /** Current axis score, 0..100. */
  current: number;
  /** Potential axis score, 0..100. */
  potential: number;
  /** Revenue today; sizes the bubble. */
  revenue: number;
  /** Index of the account's tier (0 = top tier); -1 when untiered. */
  group: number;
  /** The bubble's number in the key table: when given, the bubble is labelled with it, not the name. */
  key?: number;
  /** Where the account was at an earlier revision (axis scores, 0..100); absent: no move is drawn. */
  before?: { current: number; potential: number };
}

export interface MatrixQuadrantLabels {
  high_current_high_potential: string;
  low_current_high_potential: string;
  high_current_low_potential: string;
  low_current_low_potential: string;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedBubble {
  id: string;
  cx: number;
  cy: number;
  r: number;
  group: number;
  current: number;
  potential: number;
  key: number | null;
  label: Box & { text: string; textX: number; textY: number };
  /** From the bubble's edge to the label, when the label sits away from its bubble. */
  leader: { x1: number; y1: number; x2: number; y2: number } | null;
  /**
   * The earlier position's mark (x, y, radius `r`) and, when it lies outside the bubble, the arrow
   * from the mark's edge to the bubble's edge; null without an earlier position or when the
   * account did not move on either axis.
   */
  move: { x: number; y: number; r: number; before: { current: number; potential: number }; arrow: { x1: number; y1: number; x2: number; y2: number } | null } | null;
}

export interface MatrixLayout {
  width: number;
  height: number;
  plot: Box & {
    right: number;
    bottom: number;
    centerX: number;
    centerY: number;
    /** Where tick labels and the x axis title go. */
    leftText: number;
    bottomText: number;
    xTitle: number;
  };
  /** Pixel position of the threshold lines. */
  thresholdX: number;
  thresholdY: number;
  ticks: { value: number; x: number; y: number }[];
  quadrants: (Box & { text: string; textX: number; textY: number; anchor: 'start' | 'end' })[];
  bubbles: PlacedBubble[];
  fontSize: number;
}

export interface MatrixOptions {
  threshold: number;
  quadrants: MatrixQuadrantLabels;
  width?: number;
  height?: number;
}

const FONT = 11;
const QUADRANT_FONT = 13;
const MIN_R = 5;
const MAX_R = 24;
const GAP = 3;
const MAX_LABEL_CHARS = 28;
const RING_STEP = 8;
const RINGS = 40;
const PAD = 1;
/** Radius of the mark where an account was; an arrow needs at least this much room to show. */
const WAS_R = 4;
const MIN_ARROW = 6;

/** A conservative width for sans-serif text (wide fonts such as DejaVu Sans included). */
export const textWidth = (text: string, fontSize: number): number => Math.ceil([...text].length * fontSize * 0.62) + 4;

/** Dense portfolios get shorter labels (the full name stays in the bubble's tooltip). */
const labelChars = (count: number): number => (count > 40 ? 16 : count > 25 ? 20 : MAX_LABEL_CHARS);
const shorten = (text: string, max: number): string => ([...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text);

export function boxesOverlap(a: Box, b: Box, pad = 0): boolean {
  return a.x < b.x + b.width + pad && b.x < a.x + a.width + pad && a.y < b.y + b.height + pad && b.y < a.y + a.height + pad;
}

function circleHitsBox(c: { cx: number; cy: number; r: number }, b: Box, pad = 0): boolean {
  const nx = Math.max(b.x, Math.min(c.cx, b.x + b.width));
  const ny = Math.max(b.y, Math.min(c.cy, b.y + b.height));
  return (c.cx - nx) ** 2 + (c.cy - ny) ** 2 < (c.r + pad) ** 2;
}

/**
 * Boxes and circles bucketed on a coarse grid, so that "does this label box hit anything?" looks
 * at the few shapes near it instead of every bubble and label: the layout stays about linear in
 * the number of accounts (seconds, not minutes, at 10,000).
 */
class ShapeIndex<T> {
  private readonly cells = new Map<number, T[]>();
  constructor(private readonly bounds: (t: T) => Box, private readonly cell = 32) {}
  private keys(b: Box, pad: number): number[] {
    const x0 = Math.floor((b.x - pad) / this.cell);
    const x1 = Math.floor((b.x + b.width + pad) / this.cell);
    const y0 = Math.floor((b.y - pad) / this.cell);
    const y1 = Math.floor((b.y + b.height + pad) / this.cell);
    const out: number[] = [];
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) out.push(x * 100_003 + y);
    return out;
  }
  add(t: T): void {
    for (const k of this.keys(this.bounds(t), 0)) {
      const list = this.cells.get(k);
      if (list) list.push(t);
      else this.cells.set(k, [t]);
    }
  }
  /** Whether a shape near `b` (within `pad`) passes `hit`. */
  some(b: Box, pad: number, hit: (t: T) => boolean): boolean {
    for (const k of this.keys(b, pad)) for (const t of this.cells.get(k) ?? []) if (hit(t)) return true;
    return false;
  }
}

const circleBounds = (c: { cx: number; cy: number; r: number }): Box => ({ x: c.cx - c.r, y: c.cy - c.r, width: 2 * c.r, height: 2 * c.r });

const inside = (b: Box, area: Box): boolean => b.x >= area.x && b.y >= area.y && b.x + b.width <= area.x + area.width && b.y + b.height <= area.y + area.height;

/** Candidate label boxes around a bubble, nearest first; `ring` 0 touches the bubble. */
function* candidates(cx: number, cy: number, r: number, w: number, h: number): Generator<Box & { ring: number }> {
  const d = r + GAP;
  const diag = r * Math.SQRT1_2 + GAP;
  yield { ring: 0, x: cx + d, y: cy - h / 2, width: w, height: h }; // right
  yield { ring: 0, x: cx - d - w, y: cy - h / 2, width: w, height: h }; // left
  yield { ring: 0, x: cx - w / 2, y: cy - d - h, width: w, height: h }; // above
  yield { ring: 0, x: cx - w / 2, y: cy + d, width: w, height: h }; // below
  yield { ring: 0, x: cx + diag, y: cy - diag - h, width: w, height: h }; // above right
  yield { ring: 0, x: cx + diag, y: cy + diag, width: w, height: h }; // below right
  yield { ring: 0, x: cx - diag - w, y: cy - diag - h, width: w, height: h }; // above left
  yield { ring: 0, x: cx - diag - w, y: cy + diag, width: w, height: h }; // below left
  for (let ring = 1; ring <= RINGS; ring++) {
    const dist = d + ring * RING_STEP;
    const steps = 12 + ring * 2;
    for (let i = 0; i < steps; i++) {
      const angle = (2 * Math.PI * i) / steps;
      const px = cx + dist * Math.cos(angle);
      const py = cy - dist * Math.sin(angle);
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      const x = cos > 0.3 ? px : cos < -0.3 ? px - w : px - w / 2;
      const y = sin > 0.3 ? py - h : sin < -0.3 ? py : py - h / 2;
      yield { ring, x, y, width: w, height: h };
    }
  }
}

/** Every spot of the plot on a coarse grid, nearest to the bubble first: the last resort. */
function gridCandidates(cx: number, cy: number, w: number, h: number, area: Box): Box[] {
  const spots: (Box & { dist: number })[] = [];
  for (let y = area.y; y + h <= area.y + area.height; y += 4) {
    for (let x = area.x; x + w <= area.x + area.width; x += 4) {
      spots.push({ x, y, width: w, height: h, dist: (x + w / 2 - cx) ** 2 + (y + h / 2 - cy) ** 2 });
    }
  }
  return spots.sort((a, b) => a.dist - b.dist);
}

/** Up to this many bubbles, a label that finds no spot near its bubble is sought over the whole plot clear of every bubble. */
const WHOLE_PLOT_SEARCH = 80;
/** Space kept between two bubbles nudged apart. */
const BUBBLE_GAP = 2;
/** Rounds of nudging; a portfolio that still has overlaps after them is too dense for the plot. */
const SEPARATION_ROUNDS = 400;
/** Pair checks all rounds together may take (fewer rounds for a big portfolio: a render stays fast). */
const SEPARATION_WORK = 4_000_000;
/** Above this many bubbles the nudging (pairwise, per round) is skipped: no plot holds them apart. */
const MAX_SEPARATED = 400;

/**
 * Moves circles (in place) so that none overlaps another and each lies inside `area`, keeping
 * every one as near its own spot as it can: each round pushes every overlapping pair apart
 * along the line between their centres (circles at the very same spot along a direction taken
 * from their order, the golden angle, so a stack opens like a flower), bigger circles moving
 * less, then clamps each into the frame. Deterministic: the same input gives the same places.
 */
export function separateBubbles(circles: { cx: number; cy: number; r: number }[], area: Box): void {
  const clamp = (c: { cx: number; cy: number; r: number }) => {
    c.cx = Math.max(area.x + c.r, Math.min(area.x + area.width - c.r, c.cx));
    c.cy = Math.max(area.y + c.r, Math.min(area.y + area.height - c.r, c.cy));
  };
  circles.forEach(clamp);
  if (circles.length > MAX_SEPARATED) return;
  const pairs = (circles.length * (circles.length - 1)) / 2;
  const rounds = Math.max(20, Math.min(SEPARATION_ROUNDS, Math.floor(SEPARATION_WORK / Math.max(1, pairs))));
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < circles.length; i++) {
      for (let j = i + 1; j < circles.length; j++) {
        const a = circles[i]!;
        const b = circles[j]!;
        const need = a.r + b.r + BUBBLE_GAP;
        let dx = b.cx - a.cx;
        let dy = b.cy - a.cy;
        let d = Math.hypot(dx, dy);
        if (d >= need - 1e-6) continue;
        if (d < 1e-6) {
          const angle = (j + round) * 2.39996;
          dx = Math.cos(angle);
          dy = Math.sin(angle);
          d = 1;
        }
        // A little past the need, so pairs settle instead of creeping towards it.
        const push = need - Math.hypot(b.cx - a.cx, b.cy - a.cy) + 0.01;
        const share = a.r / (a.r + b.r);
        a.cx -= (dx / d) * push * (1 - share);
        a.cy -= (dy / d) * push * (1 - share);
        b.cx += (dx / d) * push * share;
        b.cy += (dy / d) * push * share;
        clamp(a);
        clamp(b);
        moved = true;
      }
    }
    if (!moved) return;
  }
}

/** The point on a box's outline nearest to (x, y). */
function nearestOnBox(b: Box, x: number, y: number): { x: number; y: number } {
  return { x: Math.max(b.x, Math.min(x, b.x + b.width)), y: Math.max(b.y, Math.min(y, b.y + b.height)) };
}

export function layoutMatrix(points: MatrixPoint[], opts: MatrixOptions): MatrixLayout {
  const width = opts.width ?? 760;
  // A dense portfolio gets a taller plot, so its labels still find room.
  const height = opts.height ?? 520 + Math.min(360, Math.max(0, points.length - 30) * 8);
  const maxChars = labelChars(points.length);
  // Margins leave room for the biggest bubble at 0 or 100, tick labels and axis titles.
  const plot: Box = { x: 60, y: MAX_R + 4, width: width - 60 - (MAX_R + 6), height: height - (MAX_R + 4) - 46 };
  const px = (v: number) => plot.x + (Math.max(0, Math.min(100, v)) / 100) * plot.width;
  const py = (v: number) => plot.y + plot.height - (Math.max(0, Math.min(100, v)) / 100) * plot.height;
  const maxRevenue = maxOf(points.map((p) => p.revenue), 0);
  const radius = (revenue: number) => (maxRevenue > 0 ? MIN_R + (MAX_R - MIN_R) * Math.sqrt(Math.max(0, revenue) / maxRevenue) : MIN_R);

  const qh = QUADRANT_FONT + 4;
  const q = opts.quadrants;
  const quadrant = (text: string, right: boolean, top: boolean) => {
    const w = textWidth(text, QUADRANT_FONT);
    const x = right ? plot.x + plot.width - 6 - w : plot.x + 6;
    const y = top ? plot.y + 6 : plot.y + plot.height - 6 - qh;
    return { text, x, y, width: w, height: qh, textX: right ? x + w : x, textY: y + QUADRANT_FONT, anchor: (right ? 'end' : 'start') as 'start' | 'end' };
  };
  const quadrants = [
    quadrant(q.high_current_high_potential, true, true),
    quadrant(q.low_current_high_potential, false, true),
    quadrant(q.high_current_low_potential, true, false),
    quadrant(q.low_current_low_potential, false, false),
  ];

  // Drawn biggest first, so a small bubble is never under a big one; bubbles that would overlap
  // (accounts at or near the same spot) are nudged apart until none touches another, every one
  // inside the plot frame.
  const circles = points
    .map((p, i) => ({ p, i, cx: px(p.current), cy: py(p.potential), r: radius(p.revenue) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  separateBubbles(circles, plot);
  // Earlier positions: drawn at their own axis scores (never nudged), so the arrow shows the real move.
  const moved = (c: (typeof circles)[number]) => {
    const b = c.p.before;
    return b !== undefined && (Math.abs(b.current - c.p.current) > 1e-9 || Math.abs(b.potential - c.p.potential) > 1e-9);
  };
  const marks = circles.filter(moved).map((c) => ({ cx: px(c.p.before!.current), cy: py(c.p.before!.potential), r: WAS_R }));
  const labels = new ShapeIndex<Box>((b) => b);
  const shapes = new ShapeIndex<{ cx: number; cy: number; r: number }>(circleBounds);
  for (const o of circles) shapes.add(o);
  for (const o of marks) shapes.add(o);
  const bubbles: PlacedBubble[] = circles.map((c) => {
    const text = c.p.key !== undefined ? String(c.p.key) : shorten(c.p.label, maxChars);
    const w = textWidth(text, FONT);
    const h = FONT + 4;
    const freeOfLabels = (b: Box) => inside(b, plot) && !labels.some(b, PAD, (l) => boxesOverlap(l, b, PAD));
    const freeOfAll = (b: Box) =>
      freeOfLabels(b) && !shapes.some(b, PAD, (o) => circleHitsBox(o, b, PAD)) && !quadrants.some((qb) => boxesOverlap(qb, b, PAD));
    // Near the bubble and clear of every bubble and label; else anywhere in the plot clear of
    // them (with a leader line); only then clear of labels alone.
    let chosen: (Box & { ring: number }) | undefined;
    let grid: Box[] | undefined;
    for (const test of [freeOfAll, freeOfLabels]) {
      for (const cand of candidates(c.cx, c.cy, c.r, w, h)) {
        if (test(cand)) {
          chosen = cand;
          break;
        }
      }
      if (chosen) break;
      // The whole-plot search costs a scan of the plot per label: only for a portfolio small
      // enough to read (a denser one has no room left; the label goes next to its bubble).
      if (points.length > WHOLE_PLOT_SEARCH) continue;
      grid ??= gridCandidates(c.cx, c.cy, w, h, plot);
      const spot = grid.find(test);
      if (spot) {
        chosen = { ...spot, ring: 99 };
        break;
      }
    }
    // A plot too full for even one more label: overlap is unavoidable; stack it at the bubble.
    chosen ??= { x: c.cx + c.r + GAP, y: c.cy - h / 2, width: w, height: h, ring: 99 };
    const box = { x: chosen.x, y: chosen.y, width: w, height: h };
    labels.add(box);
    let leader: PlacedBubble['leader'] = null;
    if (chosen.ring > 0) {
      const end = nearestOnBox(box, c.cx, c.cy);
      const len = Math.hypot(end.x - c.cx, end.y - c.cy) || 1;
      leader = { x1: c.cx + ((end.x - c.cx) / len) * c.r, y1: c.cy + ((end.y - c.cy) / len) * c.r, x2: end.x, y2: end.y };
    }
    let move: PlacedBubble['move'] = null;
    if (moved(c)) {
      const x = px(c.p.before!.current);
      const y = py(c.p.before!.potential);
      const dist = Math.hypot(c.cx - x, c.cy - y);
      // From the mark's edge to the bubble's edge: an arrow only where there is room for one.
      const ux = (c.cx - x) / (dist || 1);
      const uy = (c.cy - y) / (dist || 1);
      const arrow = dist - c.r - WAS_R >= MIN_ARROW ? { x1: x + ux * WAS_R, y1: y + uy * WAS_R, x2: c.cx - ux * c.r, y2: c.cy - uy * c.r } : null;
      move = { x, y, r: WAS_R, before: c.p.before!, arrow };
    }
    return {
      id: c.p.id,
      cx: c.cx,
      cy: c.cy,
      r: c.r,
      group: c.p.group,
      current: c.p.current,
      potential: c.p.potential,
      key: c.p.key ?? null,
      label: { ...box, text, textX: box.x + 2, textY: box.y + FONT },
      leader,
      move,
    };
  });

  const ticks = [0, 25, 50, 75, 100].map((value) => ({ value, x: px(value), y: py(value) }));
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    width,
    height,
    plot: {
      ...plot,
      right: plot.x + plot.width,
      bottom: plot.y + plot.height,
      centerX: round(plot.x + plot.width / 2),
      centerY: round(plot.y + plot.height / 2),
      leftText: plot.x - 6,
      bottomText: plot.y + plot.height + 15,
      xTitle: plot.y + plot.height + 34,
    },
    thresholdX: round(px(opts.threshold)),
    thresholdY: round(py(opts.threshold)),
    ticks: ticks.map((t) => ({ value: t.value, x: round(t.x), y: round(t.y) })),
    quadrants: quadrants.map((qq) => ({ ...qq, textX: round(qq.textX), textY: round(qq.textY) })),
    bubbles: bubbles.map((b) => ({
      ...b,
      cx: round(b.cx),
      cy: round(b.cy),
      r: round(b.r),
      label: { ...b.label, x: round(b.label.x), y: round(b.label.y), textX: round(b.label.textX), textY: round(b.label.textY) },
      leader: b.leader && { x1: round(b.leader.x1), y1: round(b.leader.y1), x2: round(b.leader.x2), y2: round(b.leader.y2) },
      move: b.move && {
        ...b.move,
        x: round(b.move.x),
        y: round(b.move.y),
        arrow: b.move.arrow && { x1: round(b.move.arrow.x1), y1: round(b.move.arrow.y1), x2: round(b.move.arrow.x2), y2: round(b.move.arrow.y2) },
      },
    })),
    fontSize: FONT,
  };
}
