// The example repo, whose banco-austral plan has the meeting pack's fields: offerings in kam.yaml,
// buying centers and a whitespace map, shared objectives, actions and KPIs with sides.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE } from './kam.js';
import { copyRepo } from './tmpRepo.js';

export const OFFERINGS = `offerings:
  - { id: risk-data, label: Risk data platform }
  - { id: reg-reporting, label: Regulatory reporting }
  - { id: scoring, label: Real-time scoring }
  - { id: monitoring, label: Model monitoring }
`;

/**
 * A copy of the example in a temp folder; returns its root. The example itself has the meeting
 * pack's fields since issue #23 (offerings in kam.yaml, banco-austral's buying centers and
 * whitespace map, shared objectives, actions with sides and KPIs): this checks they are there.
 */
export function meetingRepo(): string {
  const root = copyRepo(EXAMPLE);
  if (!readFileSync(join(root, 'kam.yaml'), 'utf8').includes(OFFERINGS)) throw new Error('the example kam.yaml no longer lists the offerings of OFFERINGS');
  const plan = readFileSync(join(root, 'plans/banco-austral.yaml'), 'utf8');
  for (const part of ['buying_centers:', 'shared: true', 'side: customer']) if (!plan.includes(part)) throw new Error(`the example plan banco-austral lost "${part}"`);
  return root;
}
