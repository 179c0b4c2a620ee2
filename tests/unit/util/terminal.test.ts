import { describe, expect, it } from 'vitest';
import { escapeControl } from '../../../src/util/terminal.js';

describe('escapeControl', () => {
  it.each([
    ['\x1b[2J\x1b[H', '\\x1b[2J\\x1b[H'], // clear screen, cursor home
    ['\x1b]0;pwned\x07', '\\x1b]0;pwned\\x07'], // set the window title
    ['ok\r✔ no problems', 'ok\\r✔ no problems'], // overwrite the line
    ['a\nb\tc', 'a\\nb\\tc'],
    ['\x00\x7f', '\\x00\\x7f'],
    ['\u009b31m', '\\x9b31m'], // C1 CSI
    ['\u0085next', '\\x85next'],
    ['abc\u202edcba', 'abc\\u202edcba'], // right-to-left override
    ['x\u2028y', 'x\\u2028y'],
  ])('%j → %s', (input, expected) => {
    expect(escapeControl(input)).toBe(expected);
  });

  it('leaves printable text alone, accents, CJK and emoji included', () => {
    for (const text of ['Acme Corp', 'Müller & Söhne', '東京', '🚀 launch', '', 'back\\slash']) expect(escapeControl(text)).toBe(text);
  });

  it('no control character survives any input', () => {
    let all = '';
    for (let c = 0; c < 0x3000; c++) all += String.fromCharCode(c);
    expect(escapeControl(all)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
  });
});
