// The one XML escape: the JUnit report, the power map's SVG and the bits of HTML kam writes into
// Markdown (a <summary> in kam diff) all go through it. Text from a plan repo is data: it can
// close no tag, end no quoted attribute and start no entity, and the characters XML 1.0 cannot
// hold at all are dropped (a reader would reject the whole file).

/**
 * What XML 1.0's Char production leaves out: C0 controls other than tab, LF and CR; lone
 * surrogates; U+FFFE and U+FFFF. Global and `u`: `replace` is safe.
 */
export const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;', '\r': '&#13;' };

/**
 * `text` for XML or HTML content or a quoted attribute value: the characters Handlebars escapes
 * (& < > " ' ` =), as it writes them, so an SVG inside a rendered document reads like the text
 * around it; a CR as a reference (a parser would turn a raw one into a line feed); what XML
 * cannot hold dropped.
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"'`=\r]/g, (c) => ENTITY[c]!);
}

/**
 * `text` for a quoted attribute value that must keep its whitespace: escapeXml, and line feeds
 * and tabs as references too (a parser normalises raw ones in attribute values to spaces).
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
