import { CONFIG, PLAN } from '../../../helpers/ruleTester.js';

// The mutual action plan: the customer's actions are owned by the customer's people.
export const mutual = (actions: string) => PLAN.replace('  - { title: Call, owner: Ann, due: 2026-12-01, status: open }\n', `  - { title: Call, owner: Ann, due: 2026-12-01, status: open }\n${actions}`);
/** kam.yaml with Ann as its one person. */
export const PEOPLE_CONFIG = `${CONFIG}people:\n  Ann: "@ann"\n`;
