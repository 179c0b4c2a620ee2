// The example repo with the meeting pack's fields filled in for one plan (banco-austral):
// offerings in kam.yaml, buying centers and a whitespace map, shared objectives, actions and
// KPIs with sides. A copy in a temp folder; the example itself stays as it is.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE } from './kam.js';
import { copyRepo } from './tmpRepo.js';

export const OFFERINGS = `offerings:
  - { id: risk-data, label: Risk data platform }
  - { id: reg-reporting, label: Regulatory reporting }
  - { id: scoring, label: Real-time scoring }
  - { id: monitoring, label: Model monitoring }
`;

const WHITESPACE = `
buying_centers:
  - { id: chile-risk, name: Chile credit risk }
  - { id: peru, name: Peru operations }
  - { id: colombia, name: Colombia operations }
  - { id: digital, name: Digital banking }
whitespace:
  - { center: chile-risk, offering: risk-data, status: won, value: 1400000 }
  - { center: chile-risk, offering: reg-reporting, status: won, value: 800000 }
  - { center: chile-risk, offering: scoring, status: competitor, competitor: SAS }
  - { center: chile-risk, offering: monitoring, status: open, value: 250000 }
  - { center: peru, offering: risk-data, status: potential, value: 500000 }
  - { center: peru, offering: reg-reporting, status: open, value: 600000 }
  - { center: peru, offering: scoring, status: not_a_fit }
  - { center: peru, offering: monitoring, status: potential, value: 90000 }
  - { center: colombia, offering: risk-data, status: potential, value: 450000 }
  - { center: colombia, offering: reg-reporting, status: open, value: 600000 }
  - { center: colombia, offering: scoring, status: not_a_fit }
  - { center: colombia, offering: monitoring, status: potential, value: 80000 }
  - { center: digital, offering: risk-data, status: competitor, competitor: In-house team }
  - { center: digital, offering: reg-reporting, status: not_a_fit }
  - { center: digital, offering: scoring, status: open, value: 900000 }
  - { center: digital, offering: monitoring, status: potential, value: 60000 }
`;

/** A copy of the example with the meeting pack's fields; returns its root. */
export function meetingRepo(): string {
  const root = copyRepo(EXAMPLE);
  const config = join(root, 'kam.yaml');
  writeFileSync(config, `${readFileSync(config, 'utf8')}${OFFERINGS}`);
  const file = join(root, 'plans/banco-austral.yaml');
  let plan = readFileSync(file, 'utf8');
  const swap = (from: string, to: string) => {
    if (!plan.includes(from)) throw new Error(`the example plan changed: "${from}" is gone`);
    plan = plan.replace(from, to);
  };
  swap('  - Extend regulatory reporting to Peru and Colombia before the SAS renewal in December 2027', '  - { title: Extend regulatory reporting to Peru and Colombia before the SAS renewal in December 2027, shared: true }');
  swap('  - Win the real-time credit scoring project for the mobile app', '  - { title: Put real-time credit scoring into the mobile app, shared: true }');
  swap('    owner: Diego Fernández\n    due: 2026-12-18\n    status: open', '    owner: Diego Fernández\n    due: 2026-12-18\n    status: open\n    side: joint\n    shared: true');
  swap('    owner: Valentina Cruz\n    due: 2027-02-15\n    status: open', '    owner: Valentina Cruz\n    due: 2027-02-15\n    status: open\n    side: joint\n    shared: true');
  swap('  - title: Staff a model monitoring analyst', '  - title: Name the bank-side owner of the Peru data feeds\n    owner: Rodrigo Valdés\n    due: 2027-01-10\n    side: customer\n    shared: true\n  - title: Staff a model monitoring analyst');
  swap('  - { name: Countries live on regulatory reporting, target: 3, actual: 1 }', '  - { name: Countries live on regulatory reporting, target: 3, actual: 1, shared: true }');
  swap('  - { name: Customer NPS, target: 60, actual: 61 }', '  - { name: Customer NPS, target: 60, actual: 61, shared: true }');
  writeFileSync(file, `${plan}${WHITESPACE}`);
  return root;
}
