import { PLAN } from '../../../helpers/ruleTester.js';

/** A tiered (key) account managed by `manager`. */
export const key = (manager: string) => `name: X\nmanager: ${manager}\nratings: { revenue: 5, growth: 5 }\n`;
/** The fixture plan, for account `id`. */
export const planFor = (id: string) => PLAN.replace('account: acme', `account: ${id}`);
