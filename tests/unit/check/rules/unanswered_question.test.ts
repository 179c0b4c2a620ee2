import { expect, it } from 'vitest';
import { unansweredQuestion } from '../../../../src/check/rules/unanswered_question.js';
import { checkFixture, ruleTester } from '../../../helpers/ruleTester.js';

ruleTester(unansweredQuestion, {
  valid: [{ name: 'every question answered, or { na: reason }' }],
  invalid: [
    {
      name: 'counts { na: reason } as answered and reports missing and blank answers',
      plan: (p) => p.replace('team.sponsor: Carl', 'team.sponsor: "  "'),
      errors: [{ question: 'team.sponsor', line: 8, column: 3 }],
    },
  ],
});

it('an na without a reason is a schema error, not an answer', async () => {
  const result = await checkFixture({ plan: (p) => p.replace('{ na: Ann leads alone }', '{ na: "" }') });
  expect(result.findings).toEqual([expect.objectContaining({ rule: 'schema', severity: 'error', file: 'plans/acme.yaml', line: 9, column: 20 })]);
});
