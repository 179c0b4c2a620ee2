import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { appendSignoff } from '../../../src/signoff/appendSignoff.js';

const entry = { by: 'Dr. Claudia Brenner', date: '2026-11-20', digest: `sha256:${'ab'.repeat(32)}` };
const line = `{ by: Dr. Claudia Brenner, date: 2026-11-20, digest: "sha256:${'ab'.repeat(32)}" }`;

const ok = (text: string) => {
  const r = appendSignoff(text, entry);
  if ('reason' in r) throw new Error(r.reason);
  return r.text;
};

describe('appendSignoff keeps every byte and adds one entry', () => {
  it.each([
    ['no signoffs key: added at the end', '# plan\naccount: acme # the id\nnotes: x\n', `# plan\naccount: acme # the id\nnotes: x\nsignoffs:\n  - ${line}\n`],
    ['no final line break', 'account: acme', `account: acme\nsignoffs:\n  - ${line}\n`],
    ['an empty key with a comment', 'account: acme\nsignoffs: # none yet\nnotes: x\n', `account: acme\nsignoffs: # none yet\n  - ${line}\nnotes: x\n`],
    ['a block list', 'account: acme\nsignoffs:\n  # first\n  - { by: Bo, date: 2026-01-01, digest: "sha256:00" }\nnotes: x\n', `account: acme\nsignoffs:\n  # first\n  - { by: Bo, date: 2026-01-01, digest: "sha256:00" }\n  - ${line}\nnotes: x\n`],
    ['a block list of block maps', 'account: acme\nsignoffs:\n- by: Bo\n  date: 2026-01-01\n  digest: x\n', `account: acme\nsignoffs:\n- by: Bo\n  date: 2026-01-01\n  digest: x\n- ${line}\n`],
    ['an empty flow list', 'account: acme\nsignoffs: [] # later\n', `account: acme\nsignoffs: [ ${line} ] # later\n`],
    ['CRLF line ends', 'account: acme\r\nnotes: x\r\n', `account: acme\r\nnotes: x\r\nsignoffs:\r\n  - ${line}\r\n`],
  ])('%s', (_what, text, expected) => {
    expect(ok(text)).toBe(expected);
  });

  it('reads back as the entry with its values as given', () => {
    const data = parse(ok('account: acme\n'), { version: '1.2' });
    expect(data.signoffs).toEqual([entry]);
  });

  it('quotes a name YAML would read otherwise', () => {
    const r = appendSignoff('account: acme\n', { ...entry, by: 'Bo: "the boss", #1' });
    if ('reason' in r) throw new Error(r.reason);
    expect(parse(r.text, { version: '1.2' }).signoffs[0].by).toBe('Bo: "the boss", #1');
  });

  it.each([
    ['YAML errors', 'account: [acme\n'],
    ['signoffs that is not a list', 'account: acme\nsignoffs: yes\n'],
    ['a flow mapping file', '{ account: acme }\n'],
  ])('refuses %s', (_what, text) => {
    expect(appendSignoff(text, entry)).toEqual({ reason: expect.any(String) });
  });
});
