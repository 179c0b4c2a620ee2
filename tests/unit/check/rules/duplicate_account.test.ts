import { expect } from 'vitest';
import { ruleTester } from '../../../helpers/ruleTester.js';
import { duplicateAccount } from '../../../../src/check/rules/duplicate_account.js';
import type { Finding } from '../../../../src/findings/finding.js';

// Low ratings keep the extra accounts untiered, so no other rule speaks up.
const other = (name: string) => `# the customer\nname: ${name}\nratings: { revenue: 1, growth: 1 }\n`;

/** The findings at [file, line], each at its name, naming up to three other files and counting the rest. */
const expected = (at: [string, number][]) => ({
  errors: at.map(([file, line]) => ({ file, line, severity: 'warning', column: 7, path: ['name'] })),
  assert(found: Finding[]) {
    for (const f of found) {
      const others = at.map(([file]) => file).filter((file) => file !== f.file);
      for (const file of others.slice(0, 3)) expect(f.message).toContain(file);
      if (others.length > 3) expect(f.message).toContain(` and ${others.length - 3} more;`);
      expect(f.message).not.toContain(`${f.file} `);
    }
  },
});

ruleTester(duplicateAccount, {
  valid: [
    {
      name: 'nothing for names that differ by more than case and spacing',
      files: { 'accounts/beta.yaml': other('Beta Foods'), 'accounts/gamma.yaml': other('Beta Food') },
    },
  ],
  invalid: [
    {
      name: 'the same name in two files, at the name of each',
      files: { 'accounts/beta.yaml': other('Beta Foods'), 'accounts/beta-foods.yaml': other('Beta Foods') },
      ...expected([['accounts/beta-foods.yaml', 2], ['accounts/beta.yaml', 2]]),
    },
    {
      name: 'case and runs of spaces aside, as people are matched',
      files: { 'accounts/beta.yaml': other('Beta  Foods'), 'accounts/gamma.yaml': other('BETA foods') },
      ...expected([['accounts/beta.yaml', 2], ['accounts/gamma.yaml', 2]]),
    },
    {
      name: 'the fixture account, named again in another file',
      files: { 'accounts/acme-corp.yaml': other('acme') },
      ...expected([['accounts/acme-corp.yaml', 2], ['accounts/acme.yaml', 1]]),
    },
    {
      name: 'three files, each naming the two others',
      files: { 'accounts/b1.yaml': other('Beta'), 'accounts/b2.yaml': other('beta'), 'accounts/b3.yaml': other('Beta ') },
      ...expected([['accounts/b1.yaml', 2], ['accounts/b2.yaml', 2], ['accounts/b3.yaml', 2]]),
    },
    {
      name: 'many files of one name: each names three and counts the rest',
      files: Object.fromEntries(['b1', 'b2', 'b3', 'b4', 'b5'].map((id) => [`accounts/${id}.yaml`, other('Beta')])),
      ...expected(['b1', 'b2', 'b3', 'b4', 'b5'].map((id) => [`accounts/${id}.yaml`, 2])),
    },
  ],
});
