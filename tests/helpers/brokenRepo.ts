import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { EXAMPLE } from './kam.js';
import { copyRepo } from './tmpRepo.js';

/** A copy of the example with problems in a few files, so findings have something to compare. */
export function brokenRepo(): string {
  const root = copyRepo(EXAMPLE);
  const edit = (file: string, from: string, to: string) => {
    const text = readFileSync(join(root, file), 'utf8');
    expect(text).toContain(from);
    writeFileSync(join(root, file), text.replace(from, to));
  };
  edit('plans/banco-austral.yaml', '    influence: high\n', '    influence: huge\n');
  edit('plans/kestrel-retail.yaml', 'stage:', 'stage: [unclosed\nstagex:');
  edit('accounts/andes-agro.yaml', 'ratings:\n', 'ratings:\n  bogus: 9\n');
  writeFileSync(join(root, 'plans/ghost.yaml'), 'account: nobody\nperiod: FY2027\n');
  return root;
}

