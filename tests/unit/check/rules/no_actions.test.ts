import { noActions } from '../../../../src/check/rules/no_actions.js';
import { ruleTester } from '../../../helpers/ruleTester.js';

const atStage = (stage: string, actions: string) => (p: string) => p.replace('last_reviewed:', `stage: ${stage}\nlast_reviewed:`).replace(/actions:\n.*\n$/, actions);
const AT = { severity: 'warning', account: 'acme', file: 'plans/acme.yaml', path: ['actions'] };

ruleTester(noActions, {
  valid: [
    ['execution', 'actions:\n  - { title: Call, owner: Ann, due: 2026-12-01, status: blocked }\n'],
    ['execution', 'actions:\n  - { title: Call, owner: Ann, due: 2026-12-01 }\n'],
    ['research', ''],
    ['strategy', 'actions:\n  - { title: Call, owner: Ann, due: 2026-10-01, status: done }\n'],
  ].map(([stage, actions]) => ({ name: `stage ${stage} with ${JSON.stringify(actions)}`, plan: atStage(stage!, actions!) })),
  invalid: [
    ...[
      ['action_plan', 'actions:\n  - { title: Call, owner: Ann, due: 2026-10-01, status: done }\n'],
      ['execution', ''],
      ['review', 'actions: []\n'],
    ].map(([stage, actions]) => ({ name: `stage ${stage} with ${JSON.stringify(actions)}`, plan: atStage(stage!, actions!), errors: [AT] })),
    { name: 'points at the actions key when there is one', plan: atStage('execution', 'actions: []\n'), errors: [{ ...AT, line: 11, column: 10 }] },
  ],
});
