// Drawings of a power map: SVG (HTML documents, `kam map --format svg`), Mermaid (Markdown, which
// GitHub renders), an indented text tree (the terminal). Every user string is escaped here; the
// output depends only on the map, so the same plan gives the same bytes.
import { BOX, type PowerMap, type PowerMapPerson } from './powerMap.js';
import { pushTo } from '../util/group.js';

const STANCE_STYLE: Record<string, { fill: string; stroke: string; label: string }> = {
  supporter: { fill: '#dcfce7', stroke: '#15803d', label: 'Supporter' },
  neutral: { fill: '#f1f5f9', stroke: '#475569', label: 'Neutral' },
  detractor: { fill: '#fee2e2', stroke: '#b91c1c', label: 'Detractor' },
  unknown: { fill: '#ffffff', stroke: '#94a3b8', label: 'Stance unknown' },
};
const INFLUENCE_WIDTH: Record<string, number> = { high: 4, medium: 2.5, low: 1.25, unknown: 1.25 };
const LEGEND_HEIGHT = 56;
const LEGEND_WIDTH = 700;

/** Text safe in XML and HTML: the characters handlebars escapes, as it does; control characters XML cannot hold dropped. */
export const escapeXml = (text: string): string =>
  text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"'`=]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;' })[c]!);

/** Text width estimated in em, on the wide side (DejaVu Sans, the usual Linux fallback, is wide). */
function emWidth(text: string, bold: boolean): number {
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

/** Cuts text to fit `px` at `size` px (a box is narrow), with an ellipsis; the box's tooltip has it whole. */
function fit(text: string, size: number, bold = false, px = BOX.width - 20): string {
  if (emWidth(text, bold) * size <= px) return text;
  const chars = [...text];
  while (chars.length > 1 && emWidth(`${chars.join('').trimEnd()}…`, bold) * size > px) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

const stanceOf = (p: PowerMapPerson) => STANCE_STYLE[p.stance ?? 'unknown']!;

/** "Dana Whitfield", "Dana Whitfield +2", "no owner", "Omar Haddad (contact)". */
function holders(p: PowerMapPerson): string {
  if (p.owner) return p.contacts.length ? `${p.owner} + ${p.contacts.join(', ')}` : p.owner;
  return p.contacts.length ? `no owner; ${p.contacts.join(', ')}` : 'no owner';
}

function describe(p: PowerMapPerson): string {
  const parts = [p.name, p.title, p.roleLabel, p.influence ? `${p.influence} influence` : null, stanceOf(p).label, p.owner ? `owner ${p.owner}` : 'no owner', p.contacts.length ? `contacts ${p.contacts.join(', ')}` : null];
  return parts.filter(Boolean).join(', ');
}

/**
 * A self-contained SVG of the power map, with its legend. `inline`: for an HTML page, which puts
 * <svg> in the SVG namespace itself (so the document names no external address at all).
 */
export function powerMapSvg(map: PowerMap, opts: { title?: string; inline?: boolean } = {}): string {
  const { layout } = map;
  const width = Math.max(layout.width, LEGEND_WIDTH);
  const height = layout.height + LEGEND_HEIGHT;
  const n = (x: number) => String(Math.round(x * 10) / 10);
  const out: string[] = [
    `<svg${opts.inline ? '' : ' xmlns="http://www.w3.org/2000/svg"'} class="power-map" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" role="img" aria-label="${escapeXml(opts.title ?? `Power map: ${map.people.length} stakeholders`)}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif">`,
  ];
  for (const l of layout.links) out.push(`<path class="pm-link" d="${l.d}" fill="none" stroke="#94a3b8" stroke-width="1.5"/>`);
  for (const b of layout.boxes) {
    const p = map.people[b.index]!;
    const st = stanceOf(p);
    const stroke = p.unowned ? '#b91c1c' : st.stroke;
    const dash = p.unowned ? ' stroke-dasharray="7 4"' : '';
    const x = b.x + 10;
    const lines: string[] = [];
    const line = (y: number, text: string, attrs = '') => lines.push(`<text x="${n(x)}" y="${n(b.y + y)}"${attrs}>${escapeXml(text)}</text>`);
    line(20, fit(p.name, 13, true), ' font-size="13" font-weight="700" fill="#0f172a"');
    if (p.title) line(36, fit(p.title, 11.5), ' font-size="11.5" fill="#475569"');
    const roleLine = [p.roleLabel, p.influence ? `${p.influence} influence` : null].filter(Boolean).join(' · ');
    if (roleLine) line(52, fit(roleLine, 11.5, p.influence === 'high'), ` font-size="11.5" fill="#1f2937"${p.influence === 'high' ? ' font-weight="700"' : ''}`);
    line(68, fit(st.label, 11.5, true), ` font-size="11.5" font-weight="600" fill="${st.stroke === '#94a3b8' ? '#475569' : st.stroke}"`);
    // Our people: the owner in blue; a missing owner in bold red only where one is needed.
    const held = fit(p.unowned ? `⚠ ${holders(p)}` : holders(p), 11.5, p.unowned);
    line(84, held, ` font-size="11.5" fill="${p.owner ? '#1e3a8a' : p.unowned ? '#b91c1c' : '#64748b'}"${p.unowned ? ' font-weight="700"' : ''}`);
    out.push(
      `<g class="pm-person${p.unowned ? ' pm-unowned' : ''}" data-key="${escapeXml(p.key)}">`,
      `<title>${escapeXml(describe(p))}</title>`,
      `<rect class="pm-box" x="${n(b.x)}" y="${n(b.y)}" width="${b.width}" height="${b.height}" rx="8" fill="${st.fill}" stroke="${stroke}" stroke-width="${INFLUENCE_WIDTH[p.influence ?? 'unknown']}"${dash}/>`,
      ...lines,
      '</g>',
    );
  }
  // Legend: colour and its text label for stance, border weight for influence, dashes for no owner.
  const ly = layout.height + 8;
  const legend: string[] = [`<g class="pm-legend" font-size="11.5" fill="#1f2937">`];
  let lx = 16;
  for (const key of ['supporter', 'neutral', 'detractor', 'unknown']) {
    const st = STANCE_STYLE[key]!;
    legend.push(`<rect x="${lx}" y="${ly}" width="18" height="14" rx="3" fill="${st.fill}" stroke="${st.stroke}" stroke-width="1.5"/><text x="${lx + 24}" y="${ly + 11}">${st.label}</text>`);
    lx += 24 + st.label.length * 7 + 14;
  }
  lx = 16;
  for (const key of ['high', 'medium', 'low']) {
    legend.push(`<rect x="${lx}" y="${ly + 24}" width="18" height="14" rx="3" fill="#fff" stroke="#475569" stroke-width="${INFLUENCE_WIDTH[key]}"/><text x="${lx + 24}" y="${ly + 35}">${key} influence</text>`);
    lx += 150;
  }
  legend.push(`<rect x="${lx}" y="${ly + 24}" width="18" height="14" rx="3" fill="#fff" stroke="#b91c1c" stroke-width="2" stroke-dasharray="5 3"/><text x="${lx + 24}" y="${ly + 35}">⚠ needs an owner (high influence or key role, no owner)</text>`);
  legend.push('</g>');
  out.push(...legend, '</svg>');
  return `${out.join('\n')}\n`;
}

/** Mermaid label text: quotes and angle brackets as Mermaid entity codes, no line breaks. */
const mermaidText = (text: string) =>
  text.replace(/[\r\n]+/g, ' ').replace(/[#"<>&|`]/g, (c) => ({ '#': '#35;', '"': '#quot;', '<': '#lt;', '>': '#gt;', '&': '#amp;', '|': '#124;', '`': '#96;' })[c]!);

/** The power map as a Mermaid `flowchart TD` (GitHub renders it in Markdown). */
export function powerMapMermaid(map: PowerMap): string {
  const out = ['flowchart TD'];
  for (const p of map.people) {
    const role = [p.roleLabel, p.influence ? `${p.influence} influence` : null].filter(Boolean).join(' · ');
    const label = [mermaidText(p.name), p.title ? mermaidText(p.title) : null, role || null, stanceOf(p).label, mermaidText(p.unowned ? `⚠ ${holders(p)}` : holders(p))].filter(Boolean).join('<br/>');
    out.push(`  p${p.index}["${label}"]`);
  }
  for (const l of map.layout.links) out.push(`  p${l.from} --> p${l.to}`);
  for (const [key, st] of Object.entries(STANCE_STYLE)) out.push(`  classDef ${key} fill:${st.fill},stroke:${st.stroke},color:#0f172a`);
  out.push('  classDef unowned stroke:#b91c1c,stroke-width:3px,stroke-dasharray:6 3');
  const byClass = new Map<string, number[]>();
  for (const p of map.people) {
    const c = p.stance ?? 'unknown';
    pushTo(byClass, c, p.index);
  }
  for (const [c, ids] of byClass) out.push(`  class ${ids.map((i) => `p${i}`).join(',')} ${c}`);
  const unowned = map.people.filter((p) => p.unowned).map((p) => `p${p.index}`);
  if (unowned.length) out.push(`  class ${unowned.join(',')} unowned`);
  return `${out.join('\n')}\n`;
}

/** Levels of the text tree that are indented; deeper ones are written at this indentation, with their level. */
export const MAX_TEXT_INDENT = 40;

/** The power map as an indented tree for the terminal; `paint` colours a stance word. */
export function powerMapText(map: PowerMap, paint: (stance: string | null, text: string) => string = (_, t) => t): string {
  const lines: string[] = [];
  // Depth first, iteratively (a reporting chain can be thousands deep). Past MAX_TEXT_INDENT
  // levels the indentation stops growing (6,000 levels would make lines of 18,000 columns) and
  // each line says its level instead.
  const work: { i: number; prefix: string; last: boolean; top: boolean; depth: number }[] = [];
  for (let n = map.roots.length - 1; n >= 0; n--) work.push({ i: map.roots[n]!, prefix: '', last: true, top: true, depth: 0 });
  while (work.length > 0) {
    const { i, prefix, last, top, depth } = work.pop()!;
    const p = map.people[i]!;
    const facts = [p.title, p.roleLabel, p.influence ? `${p.influence} influence` : null].filter(Boolean).join(', ');
    const who = p.owner ? `owner ${p.owner}` : '⚠ no owner';
    const with_ = p.contacts.length ? ` + ${p.contacts.join(', ')}` : '';
    const branch = top ? '' : last ? '└─ ' : '├─ ';
    const level = depth > MAX_TEXT_INDENT ? `[level ${depth}] ` : '';
    lines.push(`${prefix}${branch}${level}${p.name}${facts ? ` (${facts})` : ''} · ${paint(p.stance, stanceOf(p).label.toLowerCase())} · ${who}${with_}`);
    const next = top || depth >= MAX_TEXT_INDENT ? prefix : prefix + (last ? '   ' : '│  ');
    for (let n = p.reports.length - 1; n >= 0; n--) work.push({ i: p.reports[n]!, prefix: next, last: n === p.reports.length - 1, top: false, depth: depth + 1 });
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
