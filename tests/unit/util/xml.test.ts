import { describe, expect, it } from 'vitest';
import Handlebars from 'handlebars';
import { JSDOM } from 'jsdom';
import { escapeXml, escapeXmlAttribute, NOT_XML } from '../../../src/util/xml.js';

// Each hostile text, with what escapeXml and escapeXmlAttribute make of it.
const CASES: [string, string, string][] = [
  ['Acme & Söhne', 'Acme &amp; Söhne', 'Acme &amp; Söhne'],
  ['</text><script>alert(1)</script>', '&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;', '&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;'],
  ['" onload="alert(1)', '&quot; onload&#x3D;&quot;alert(1)', '&quot; onload&#x3D;&quot;alert(1)'],
  ["O'Brien", 'O&#x27;Brien', 'O&#x27;Brien'],
  ['`x` = 1', '&#x60;x&#x60; &#x3D; 1', '&#x60;x&#x60; &#x3D; 1'], // as Handlebars writes them (an unquoted attribute cannot be ended)
  ['&amp; already', '&amp;amp; already', '&amp;amp; already'], // text is text: an entity in it is printed
  ['<![CDATA[x]]>', '&lt;![CDATA[x]]&gt;', '&lt;![CDATA[x]]&gt;'],
  ['a\nb\tc', 'a\nb\tc', 'a&#10;b&#9;c'],
  ['a\r\nb', 'a&#13;\nb', 'a&#13;&#10;b'],
  ['nul\u0000bel\u0007esc\u001b[2J', 'nulbelesc[2J', 'nulbelesc[2J'], // XML cannot hold them at all
  ['lone \ud800 high, lone \udfff low', 'lone  high, lone  low', 'lone  high, lone  low'],
  ['\ufffe\uffff', '', ''],
  ['😀 \u{10FFFF} 東京', '😀 \u{10FFFF} 東京', '😀 \u{10FFFF} 東京'], // astral pairs and CJK stay
  ['\u0085\u2028', '\u0085\u2028', '\u0085\u2028'], // allowed by XML (the terminal escape is another matter)
  ['', '', ''],
];

describe('escapeXml: the one XML escape', () => {
  it.each(CASES)('%j', (input, content, attribute) => {
    expect(escapeXml(input)).toBe(content);
    expect(escapeXmlAttribute(input)).toBe(attribute);
  });

  it('an XML parser reads back the text (less what XML cannot hold), in content and in an attribute', () => {
    for (const [input] of CASES) {
      const doc = new JSDOM(`<r a="${escapeXmlAttribute(input)}">${escapeXml(input)}</r>`, { contentType: 'application/xml' }).window.document;
      const kept = input.replace(NOT_XML, '');
      expect(doc.documentElement.textContent).toBe(kept);
      expect(doc.documentElement.getAttribute('a')).toBe(kept);
      expect(doc.documentElement.children.length).toBe(0);
    }
  });

  it('writes what Handlebars writes for the same text, so an SVG in a rendered document escapes like the document', () => {
    for (const [input] of CASES) {
      const holdable = input.replace(NOT_XML, '');
      expect(escapeXml(holdable).replace(/&#13;/g, '\r')).toBe(Handlebars.escapeExpression(holdable));
    }
  });
});
