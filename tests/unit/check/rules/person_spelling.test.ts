import { expect } from 'vitest';
import { ruleTester } from '../../../helpers/ruleTester.js';
import { personSpelling } from '../../../../src/check/rules/person_spelling.js';
import { CONFIG } from '../../../helpers/ruleTester.js';
import { mutual, PEOPLE_CONFIG } from './people.js';

ruleTester(personSpelling, {
  valid: [{ name: 'one spelling of every person' }],
  invalid: [
    {
      name: 'a manager differing by case',
      account: (a) => a.replace('manager: Ann', 'manager: ann'),
      errors: [{ severity: 'warning', file: 'accounts/acme.yaml', line: 2, person: 'Ann', message: expect.stringContaining('"ann" and "Ann" are one person written two ways; write "Ann" (as most files write it)') }],
    },
    {
      name: 'an action owner in capitals with a double space',
      plan: (p) => p.replace('owner: Ann,', 'owner: "ANN  ",'),
      errors: [{ severity: 'warning', file: 'plans/acme.yaml', line: 11, person: 'Ann', message: expect.stringContaining('"ANN  " and "Ann" are one person') }],
    },
    {
      name: 'follows kam.yaml people: when it is declared',
      config: `${CONFIG}people:\n  ANN: {}\n`,
      errors: [
        { file: 'accounts/acme.yaml', line: 2, message: '"Ann" and "ANN" are one person written two ways; write "ANN" (as kam.yaml people: lists it)' },
        { file: 'plans/acme.yaml', line: 4 },
      ],
    },
    {
      name: 'customer owners are compared among themselves, never rewritten as people: lists our side',
      config: PEOPLE_CONFIG,
      plan: mutual(
        '  - { title: Sign the SOW, side: customer, owner: ann, due: 2026-12-01 }\n' +
          '  - { title: Review, side: customer, owner: Rachel Moss, due: 2026-12-01 }\n' +
          '  - { title: Approve, side: customer, owner: Rachel  Moss, due: 2026-12-01 }\n' +
          '  - { title: Budget, side: customer, owner: Rachel Moss, due: 2026-12-01 }\n',
      ),
      errors: [{ line: 14, message: '"Rachel  Moss" and "Rachel Moss" are one person written two ways; write "Rachel Moss" (as most files write it)' }],
    },
  ],
});
