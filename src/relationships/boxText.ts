// The words in a power map box, as lines that fit its width. A box never cuts a word: name, title,
// role and influence, stance and the people of ours who hold the relationship wrap onto as many
// lines as they need, and the layout (powerMap.ts) makes every box as tall as the tallest one
// needs. SVG has no text wrapping, so widths are estimated, on the wide side, per character.
/**
 * The fields of a power map person (powerMap.ts's PowerMapPerson) a box shows; declared here so
 * the layout can import this module without a cycle.
 */
export interface BoxSource {
  name: string;
  title: string | null;
  roleLabel: string | null;
  influence: 'high' | 'medium' | 'low' | null;
  stance: string | null;
  owner: string | null;
  contacts: string[];
  unowned: boolean;
}

/** A box's width and its padding (text starts PAD_X from the left edge and ends PAD_X before the right). */
export const BOX_WIDTH = 200;
const PAD_X = 10;
const PAD_TOP = 6;
const PAD_BOTTOM = 8;
/** The fewest lines a box has room for (name, title, role, stance, owner), so small maps look as they did. */
const MIN_HEIGHT = 92;

/** Text width estimated in em, on the wide side (DejaVu Sans, the usual Linux fallback, is wide). */
export function emWidth(text: string, bold: boolean): number {
  let w = 0;
  for (const c of text) {
    if (/[iljtfrI.,;:!|'` ]/.test(c)) w += 0.36;
    else if (/[mwMW@%]/.test(c)) w += 0.98;
    else if (/[A-Z0-9]/.test(c)) w += 0.74;
    else if (c.charCodeAt(0) > 0x2e7f) w += 1.0; // CJK and other full-width scripts
    else w += 0.64;
  }
  return bold ? w * 1.12 : w;
}

/**
 * `text` as lines no wider than `px` at `size` px: broken between words, and a word wider than a
 * whole line (a long compound name, a URL) broken between characters, so nothing is ever cut.
 */
export function wrapText(text: string, size: number, bold: boolean, px: number): string[] {
  const fits = (s: string) => emWidth(s, bold) * size <= px;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = [...word];
    while (!fits(rest.join(''))) {
      let n = rest.length - 1;
      while (n > 1 && !fits(rest.slice(0, n).join(''))) n--;
      // After a hyphen when there is one on the line ("Konstantinopoulou-" / "Whitfield").
      const hyphen = rest.slice(0, n).lastIndexOf('-');
      if (hyphen > 0) n = hyphen + 1;
      lines.push(rest.slice(0, n).join(''));
      rest = rest.slice(n);
    }
    line = rest.join('');
  }
  if (line) lines.push(line);
  return lines;
}

export interface BoxLine {
  text: string;
  size: number;
  bold: boolean;
  /** The kind of line, for its colour: name, title, role, stance, holders. */
  kind: 'name' | 'title' | 'role' | 'stance' | 'holders';
}

/** What a box says about one person (the fields of PowerMapPerson it shows). */
export interface BoxPerson {
  name: string;
  title: string | null;
  roleLabel: string | null;
  influence: string | null;
  stanceLabel: string;
  holders: string;
  unowned: boolean;
}

const LINE_HEIGHT: Record<BoxLine['kind'], number> = { name: 16, title: 15, role: 15, stance: 16, holders: 15 };

/** The lines of a person's box, top to bottom. */
export function boxLines(p: BoxPerson): BoxLine[] {
  const px = BOX_WIDTH - 2 * PAD_X;
  const lines: BoxLine[] = [];
  const add = (text: string, kind: BoxLine['kind'], size: number, bold: boolean) => {
    for (const t of wrapText(text, size, bold, px)) lines.push({ text: t, size, bold, kind });
  };
  add(p.name, 'name', 13, true);
  if (p.title) add(p.title, 'title', 11.5, false);
  const role = [p.roleLabel, p.influence ? `${p.influence} influence` : null].filter(Boolean).join(' · ');
  if (role) add(role, 'role', 11.5, p.influence === 'high');
  add(p.stanceLabel, 'stance', 11.5, true);
  add(p.unowned ? `⚠ ${p.holders}` : p.holders, 'holders', 11.5, p.unowned);
  return lines;
}

/** The baselines of `lines` in a box (from its top edge), and the height the box needs. */
export function boxBaselines(lines: readonly BoxLine[]): { baselines: number[]; height: number } {
  let y = PAD_TOP;
  const baselines = lines.map((l) => {
    y += LINE_HEIGHT[l.kind];
    return y;
  });
  return { baselines, height: Math.max(MIN_HEIGHT, Math.ceil(y + PAD_BOTTOM)) };
}

/** Where a box's text starts, from its left edge. */
export const TEXT_X = PAD_X;

const STANCE_LABELS: Record<string, string> = { supporter: 'Supporter', neutral: 'Neutral', detractor: 'Detractor', unknown: 'Stance unknown' };

/** The stance as a box and the legend write it. */
export const stanceLabel = (stance: string | null): string => STANCE_LABELS[stance ?? 'unknown']!;

/** "Dana Whitfield", "Dana Whitfield + Omar Haddad", "no owner", "no owner; Omar Haddad". */
export function holdersText(p: Pick<BoxSource, 'owner' | 'contacts'>): string {
  if (p.owner) return p.contacts.length ? `${p.owner} + ${p.contacts.join(', ')}` : p.owner;
  return p.contacts.length ? `no owner; ${p.contacts.join(', ')}` : 'no owner';
}

/** A power map person as its box shows them. */
export const boxPerson = (p: BoxSource): BoxPerson => ({
  name: p.name,
  title: p.title,
  roleLabel: p.roleLabel,
  influence: p.influence,
  stanceLabel: stanceLabel(p.stance),
  holders: holdersText(p),
  unowned: p.unowned,
});

/** The height every box of a map gets: what its wordiest person needs. */
export const mapBoxHeight = (people: readonly BoxSource[]): number =>
  people.reduce((h, p) => Math.max(h, boxBaselines(boxLines(boxPerson(p))).height), MIN_HEIGHT);
