import { expect, it } from 'vitest';
import { staleHealthInput } from '../../../../src/check/rules/stale_health_input.js';
import { ACCOUNT, CONFIG, findingsOf, ruleTester } from '../../../helpers/ruleTester.js';

const config = `${CONFIG}health:
  measures:
    - { id: nps, label: NPS, min: -100, max: 100, max_age_days: 180 }
    - { id: csat, label: CSAT, min: 0, max: 5 }
`;
const account = (nps: string, csat = '2020-01-01') => `${ACCOUNT}health:\n  nps: { value: 35, as_of: ${nps} }\n  csat: { value: 4, as_of: ${csat} }\n`;
const name = (asOf: string) => `nps measured ${asOf} (max_age_days 180, today 2026-11-23)`;
const AT = { severity: 'warning', account: 'acme', file: 'accounts/acme.yaml', measure: 'nps', path: ['health', 'nps', 'as_of'], line: 7 };

ruleTester(staleHealthInput, {
  valid: [
    ...['2026-05-27', '2026-12-01'].map((asOf) => ({ name: name(asOf), config, account: account(asOf) })),
    { name: 'never reports a measure without max_age_days, nor one an account leaves out', config },
  ],
  invalid: ['2026-05-26', '2025-01-01'].map((asOf) => ({ name: name(asOf), config, account: account(asOf), errors: [AT] })),
});

it('rejects a value for a measure kam.yaml does not declare', async () => {
  const found = await findingsOf({ id: 'schema' }, { account: `${ACCOUNT}health:\n  nps: { value: 1, as_of: 2026-01-01 }\n` });
  expect(found).toHaveLength(1);
});
