import { expect } from 'vitest';
import { ruleTester } from '../../../helpers/ruleTester.js';
import { unknownPerson } from '../../../../src/check/rules/unknown_person.js';
import { CONFIG } from '../../../helpers/ruleTester.js';
import { mutual, PEOPLE_CONFIG } from './people.js';

ruleTester(unknownPerson, {
  valid: [
    { name: 'nothing without people:' },
    { name: 'nothing when every name is listed (any case)', config: `${CONFIG}people:\n  ann: {}\n` },
  ],
  invalid: [
    {
      name: 'with people: declared, a name not in it is a warning with did-you-mean, once per file',
      config: `${CONFIG}people:\n  Anne: "@anne"\n  Bo Berg: {}\n`,
      errors: [
        { file: 'accounts/acme.yaml', line: 2, person: 'Ann', message: '"Ann" is not in kam.yaml people:; did you mean "Anne"? Or add them under people:' },
        { file: 'plans/acme.yaml', line: 4, person: 'Ann' },
      ],
    },
    {
      name: 'the owner of a customer action (or of a joint one who is a stakeholder) is the customer\'s person, never reported',
      config: PEOPLE_CONFIG,
      plan: mutual(
        '  - { title: Sign the SOW, side: customer, owner: Rachel Moss, due: 2026-12-01 }\n' +
          '  - { title: Joint workshop, side: joint, owner: bo, due: 2026-12-01 }\n' +
          '  - { title: Joint pilot, side: joint, owner: Zed Ames, due: 2026-12-01 }\n' +
          '  - { title: Send the deck, side: us, owner: Carl, due: 2026-12-01 }\n',
      ),
      errors: [{ line: 14, person: 'Zed Ames' }, { line: 15, person: 'Carl' }],
      assert(found) {
        expect(found.map((f) => f.message).join('\n')).not.toMatch(/Rachel|"bo"/);
      },
    },
  ],
});
