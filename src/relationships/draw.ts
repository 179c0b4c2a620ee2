// Drawings of a power map: SVG (HTML documents, `kam map --format svg`), Mermaid (Markdown, which
// GitHub renders), an indented text tree (the terminal). Every user string is escaped here (the
// SVG's by util/xml.ts); the output depends only on the map, so the same plan gives the same bytes.
import { boxBaselines, boxLines, boxPerson, emWidth, holdersText, TEXT_X, type BoxLine } from './boxText.js';
import type { PowerMap, PowerMapPerson } from './powerMap.js';
import { pushTo } from '../util/group.js';
import { CONTROL_CHARACTERS, escapeControl } from '../util/terminal.js';
import { pushAll } from '../util/lists.js';
import { escapeXml, escapeXmlAttribute } from '../util/xml.js';

const STANCE_STYLE: Record<string, { fill: string; stroke: string; label: string }> = {
  supporter: { fill: '#dcfce7', stroke: '#15803d', label: 'Supporter' },
  neutral: { fill: '#f1f5f9', stroke: '#475569', label: 'Neutral' },
  detractor: { fill: '#fee2e2', stroke: '#b91c1c', label: 'Detractor' },
  unknown: { fill: '#ffffff', stroke: '#94a3b8', label: 'Stance unknown' },
};
const INFLUENCE_WIDTH: Record<string, number> = { high: 4, medium: 2.5, low: 1.25, unknown: 1.25 };
const LEGEND_WIDTH = 700;
const LEGEND_ROW = 24;
const LEGEND_SIZE = 11.5;

const stanceOf = (p: PowerMapPerson) => STANCE_STYLE[p.stance ?? 'unknown']!;

const holders = holdersText;

/** "Threads: 2 (Dana Whitfield, Omar Haddad)": who of ours holds the account. */
export const threadsNote = (map: Pick<PowerMap, 'threads'>): string =>
  `Threads: ${map.threads.count}${map.threads.count ? ` (${map.threads.people.join(', ')})` : ''}`;

/** "left 2026-10-01" for a gone person, with who took over when known. */
export const leftNote = (p: Pick<PowerMapPerson, 'gone' | 'left' | 'successor'>): string | null => (p.gone ? `left ${p.left}${p.successor ? `, successor ${p.successor}` : ''}` : null);

function describe(p: PowerMapPerson): string {
  const parts = [p.name, leftNote(p), p.title, p.roleLabel, p.influence ? `${p.influence} influence` : null, stanceOf(p).label, p.owner ? `owner ${p.owner}` : 'no owner', p.contacts.length ? `contacts ${p.contacts.join(', ')}` : null];
  return parts.filter(Boolean).join(', ');
}

/**
 * The legend: colour and its text label for stance, border weight for influence, dashes for no
 * owner. Items flow left to right and start a new row where the next would pass the map's right
 * edge, so none is cut; `height` is what the rows take below `top`.
 */
function legendSvg(top: number, width: number, note: string): { items: string[]; height: number } {
  const swatch = (x: number, y: number, fill: string, stroke: string, strokeWidth: number, dash = '') =>
    `<rect x="${x}" y="${y}" width="18" height="14" rx="3" fill="${fill}" stroke="${stroke}" stroke-width="${strokeWidth}"${dash}/>`;
  const entries: { label: string; rect: (x: number, y: number) => string; newRow?: boolean }[] = [
    ...['supporter', 'neutral', 'detractor', 'unknown'].map((key) => {
      const st = STANCE_STYLE[key]!;
      return { label: st.label, rect: (x: number, y: number) => swatch(x, y, st.fill, st.stroke, 1.5) };
    }),
    ...['high', 'medium', 'low'].map((key, i) => ({ label: `${key} influence`, newRow: i === 0, rect: (x: number, y: number) => swatch(x, y, '#fff', '#475569', INFLUENCE_WIDTH[key]!) })),
    { label: '⚠ needs an owner (high influence or key role, no owner)', rect: (x: number, y: number) => swatch(x, y, '#fff', '#b91c1c', 2, ' stroke-dasharray="5 3"') },
  ];
  const items = [`<g class="pm-legend" font-size="${LEGEND_SIZE}" fill="#1f2937">`];
  const left = 16;
  let x = left;
  let row = 0;
  for (const e of entries) {
    const w = 24 + emWidth(e.label, false) * LEGEND_SIZE;
    if (x > left && (e.newRow || x + w > width - left)) {
      row++;
      x = left;
    }
    const y = top + row * LEGEND_ROW;
    items.push(`<g class="pm-legend-item">${e.rect(x, y)}<text x="${x + 24}" y="${y + 11}">${escapeXml(e.label)}</text></g>`);
    x += w + 18;
  }
  // Who of ours holds the account, on rows of its own, wrapped between words to the drawing's width.
  let text = '';
  const noteLine = (t: string) => {
    row++;
    items.push(`<text class="pm-threads" x="${left}" y="${top + row * LEGEND_ROW + 11}" font-weight="700">${escapeXml(t)}</text>`);
  };
  for (const word of note.split(' ')) {
    const next = text === '' ? word : `${text} ${word}`;
    if (text !== '' && emWidth(next, true) * LEGEND_SIZE > width - 2 * left) {
      noteLine(text);
      text = word;
    } else text = next;
  }
  if (text !== '') noteLine(text);
  items.push('</g>');
  return { items, height: 8 + (row + 1) * LEGEND_ROW + 8 };
}

/**
 * On a page, a map a little wider than the column shrinks to fit it (down to MIN_SCALE, where its
 * 11.5 px text is still readable); a wider one keeps that size and scrolls inside its own box.
 */
const MIN_SCALE = 0.8;
const fitStyle = (width: number) => `max-width: 100%; height: auto; min-width: ${Math.round(width * MIN_SCALE)}px`;

/**
 * A self-contained SVG of the power map, with its legend. `inline`: for an HTML page, which puts
 * <svg> in the SVG namespace itself (so the document names no external address at all).
 */
export function powerMapSvg(map: PowerMap, opts: { title?: string; inline?: boolean } = {}): string {
  const { layout } = map;
  const width = Math.max(layout.width, LEGEND_WIDTH);
  const n = (x: number) => String(Math.round(x * 10) / 10);
  const { items: legend, height: legendHeight } = legendSvg(layout.height + 8, width, threadsNote(map));
  const height = layout.height + legendHeight;
  const out: string[] = [
    `<svg${opts.inline ? '' : ' xmlns="http://www.w3.org/2000/svg"'} class="power-map" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}"${opts.inline ? ` style="${fitStyle(width)}"` : ''} role="img" aria-label="${escapeXmlAttribute(opts.title ?? `Power map: ${map.people.length} stakeholders`)}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif">`,
  ];
  for (const l of layout.links) out.push(`<path class="pm-link" d="${l.d}" fill="none" stroke="#94a3b8" stroke-width="1.5"/>`);
  for (const b of layout.boxes) {
    const p = map.people[b.index]!;
    const st = stanceOf(p);
    const stroke = p.unowned ? '#b91c1c' : st.stroke;
    const dash = p.unowned ? ' stroke-dasharray="7 4"' : '';
    const x = b.x + TEXT_X;
    // A gone person: the name struck through, the title line says when they left (spec 1.2, section 6).
    const boxed = boxLines(boxPerson(p.gone ? { ...p, title: `Left ${p.left}` } : p));
    const { baselines } = boxBaselines(boxed);
    const colour = (l: BoxLine) =>
      l.kind === 'name' ? '#0f172a'
      : l.kind === 'title' ? '#475569'
      : l.kind === 'role' ? '#1f2937'
      : l.kind === 'stance' ? (st.stroke === '#94a3b8' ? '#475569' : st.stroke)
      // Our people: the owner in blue; a missing owner in bold red only where one is needed.
      : p.owner ? '#1e3a8a' : p.unowned ? '#b91c1c' : '#64748b';
    const lines = boxed.map((l, k) => {
      const weight = l.kind === 'stance' ? ' font-weight="600"' : l.bold ? ' font-weight="700"' : '';
      return `<text class="pm-${l.kind}" x="${n(x)}" y="${n(b.y + baselines[k]!)}" font-size="${l.size}"${weight} fill="${colour(l)}"${l.kind === 'name' && p.gone ? ' text-decoration="line-through"' : ''}>${escapeXml(l.text)}</text>`;
    });
    out.push(
      `<g class="pm-person${p.unowned ? ' pm-unowned' : ''}${p.gone ? ' pm-gone' : ''}" data-key="${escapeXmlAttribute(p.key)}">`,
      `<title>${escapeXml(describe(p))}</title>`,
      `<rect class="pm-box" x="${n(b.x)}" y="${n(b.y)}" width="${b.width}" height="${b.height}" rx="8" fill="${st.fill}" stroke="${stroke}" stroke-width="${INFLUENCE_WIDTH[p.influence ?? 'unknown']}"${dash}${p.gone ? ' stroke-opacity="0.5" fill-opacity="0.5"' : ''}/>`,
      ...lines,
      '</g>',
    );
  }
  pushAll(out, legend);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/**
 * Mermaid label text, for inside `["…"]`. Mermaid reads more than the flowchart grammar: before
 * parsing it takes `%%{…}%%` anywhere as diagram config and `%%` after any JavaScript line break
 * (LF, CR, U+2028, U+2029) as a comment to the end of the line; `#name;` is an entity; its own
 * entity step stands for `#…;` by `ﬂ°…¶ß` while parsing, and `style`/`classDef` then `:`, no space,
 * then `#` on a line loses that line's last `;`. So control characters and line breaks become
 * spaces, and every character any of these steps reads (and the quote, HTML and Markdown-string
 * characters) becomes an entity code, a colon too unless a space follows it; nothing of a name is
 * left to Mermaid but text.
 */
const MERMAID_ENTITY: Record<string, string> = { '"': '#quot;', '<': '#lt;', '>': '#gt;', '&': '#amp;', '#': '#35;', '%': '#37;', ';': '#59;', '|': '#124;', '`': '#96;', '¶': '#182;', 'ﬂ': '#64258;' };
export const mermaidText = (text: string): string =>
  text.replace(CONTROL_CHARACTERS, ' ').replace(/["<>&#%;|`¶ﬂ]/g, (c) => MERMAID_ENTITY[c]!).replace(/:(?! )/g, '#58;');

/** The power map as a Mermaid `flowchart TD` (GitHub renders it in Markdown). */
export function powerMapMermaid(map: PowerMap): string {
  const out = ['flowchart TD'];
  for (const p of map.people) {
    const role = mermaidText([p.roleLabel, p.influence ? `${p.influence} influence` : null].filter(Boolean).join(' · '));
    // A gone person's name struck through (<s>, which Mermaid's labels keep) and the day they left.
    const name = p.gone ? `<s>${mermaidText(p.name)}</s>` : mermaidText(p.name);
    const label = [name, p.gone ? mermaidText(leftNote(p)!) : null, p.title ? mermaidText(p.title) : null, role || null, stanceOf(p).label, mermaidText(p.unowned ? `⚠ ${holders(p)}` : holders(p))].filter(Boolean).join('<br/>');
    out.push(`  p${p.index}["${label}"]`);
  }
  for (const l of map.layout.links) out.push(`  p${l.from} --> p${l.to}`);
  // Who of ours holds the account, as a note beside the tree (a %% comment would not be shown).
  out.push(`  threads["${mermaidText(threadsNote(map))}"]`);
  out.push('  classDef note fill:#fffbeb,stroke:#b45309,color:#0f172a', '  class threads note');
  for (const [key, st] of Object.entries(STANCE_STYLE)) out.push(`  classDef ${key} fill:${st.fill},stroke:${st.stroke},color:#0f172a`);
  out.push('  classDef unowned stroke:#b91c1c,stroke-width:3px,stroke-dasharray:6 3');
  if (map.people.some((p) => p.gone)) out.push('  classDef gone fill:#f8fafc,stroke:#94a3b8,color:#475569,stroke-dasharray:2 2');
  const byClass = new Map<string, number[]>();
  for (const p of map.people) {
    const c = p.stance ?? 'unknown';
    pushTo(byClass, c, p.index);
  }
  for (const [c, ids] of byClass) out.push(`  class ${ids.map((i) => `p${i}`).join(',')} ${c}`);
  const unowned = map.people.filter((p) => p.unowned).map((p) => `p${p.index}`);
  if (unowned.length) out.push(`  class ${unowned.join(',')} unowned`);
  const gone = map.people.filter((p) => p.gone).map((p) => `p${p.index}`);
  if (gone.length) out.push(`  class ${gone.join(',')} gone`);
  return `${out.join('\n')}\n`;
}

/** Levels of the text tree that are indented; deeper ones are written at this indentation, with their level. */
export const MAX_TEXT_INDENT = 40;

/**
 * The power map as an indented tree for the terminal; `paint` colours a stance word, `strike`
 * strikes a gone person's name through (ANSI on a colour terminal; plain text keeps the
 * "[left DATE]" mark either way).
 */
export function powerMapText(map: PowerMap, paint: (stance: string | null, text: string) => string = (_, t) => t, strike: (text: string) => string = (t) => t): string {
  const lines: string[] = [];
  // Depth first, iteratively (a reporting chain can be thousands deep). Past MAX_TEXT_INDENT
  // levels the indentation stops growing (6,000 levels would make lines of 18,000 columns) and
  // each line says its level instead.
  const work: { i: number; prefix: string; last: boolean; top: boolean; depth: number }[] = [];
  for (let n = map.roots.length - 1; n >= 0; n--) work.push({ i: map.roots[n]!, prefix: '', last: true, top: true, depth: 0 });
  while (work.length > 0) {
    const { i, prefix, last, top, depth } = work.pop()!;
    const p = map.people[i]!;
    // Plan text drives no terminal: control characters shown as escapes (src/util/terminal.ts).
    const facts = escapeControl([p.title, p.roleLabel, p.influence ? `${p.influence} influence` : null].filter(Boolean).join(', '));
    const who = p.owner ? `owner ${escapeControl(p.owner)}` : p.gone ? 'no owner' : '⚠ no owner';
    const with_ = p.contacts.length ? ` + ${escapeControl(p.contacts.join(', '))}` : '';
    const branch = top ? '' : last ? '└─ ' : '├─ ';
    const level = depth > MAX_TEXT_INDENT ? `[level ${depth}] ` : '';
    const name = p.gone ? `${strike(escapeControl(p.name))} [${escapeControl(leftNote(p)!)}]` : escapeControl(p.name);
    lines.push(`${prefix}${branch}${level}${name}${facts ? ` (${facts})` : ''} · ${paint(p.stance, stanceOf(p).label.toLowerCase())} · ${who}${with_}`);
    const next = top || depth >= MAX_TEXT_INDENT ? prefix : prefix + (last ? '   ' : '│  ');
    for (let n = p.reports.length - 1; n >= 0; n--) work.push({ i: p.reports[n]!, prefix: next, last: n === p.reports.length - 1, top: false, depth: depth + 1 });
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
