// A small repo for spec 1.2 sections 1-5: declared stages, offerings, a key tier with a profile.
import { loadFromSource, type Repo } from '../../../src/load/loadRepo.js';
import type { Finding } from '../../../src/findings/finding.js';

export const CONFIG = `version: 1
currency: EUR
scoring:
  criteria:
    - { id: revenue, label: Revenue, weight: 1, axis: current }
    - { id: growth, label: Growth, weight: 1, axis: potential }
  tiers:
    - { name: Key, min: 50 }
key_tiers: [Key]
roles:
  - { id: lead, label: Lead }
checklist:
  categories:
    - id: team
      title: Team
      questions:
        - { id: team.sponsor, text: Who sponsors? }
offerings:
  - { id: forecasting, label: Demand forecasting }
  - { id: pricing, label: Pricing analytics }
pipeline:
  stages:
    - { id: qualify, probability: 0.1 }
    - { id: propose, probability: 0.4 }
    - { id: negotiate, probability: 0.7 }
  min_coverage: 1
renewals: { assess_days: 180 }
`;

export const TODAY = '2026-11-23';

export const KEY_ACCOUNT = `name: Acme
manager: Ann
ratings: { revenue: 5, growth: 5 }
revenue: { current: 1100000, potential: 2600000, target: 1600000 }
economics: { gross_margin: 0.42, cost_to_serve: 200000 }
contracts:
  - { id: dash-2025, offering: forecasting, value: 400000, end: 2027-03-31, notice_days: 90, renewal: likely }
  - { id: price-2024, offering: pricing, value: 150000, end: 2027-01-15, renewal: unknown }
  - { id: old-2023, value: 90000, end: 2026-06-30, renewal: renewed }
  - { id: later, value: 500000, end: 2028-01-31 }
`;

export const PLAN = `account: acme
stage: execution
last_reviewed: 2026-11-01
team:
  - { name: Ann, roles: [lead] }
stakeholders:
  - { name: Bo, role: decision_maker, owner: Ann }
answers:
  team.sponsor: Carl
objectives:
  - { id: markets, title: All 14 markets, due: 2027-06-30, measure: { unit: markets, baseline: 5, target: 14, actual: 9, as_of: 2026-11-01 } }
  - { id: partner, title: Partner of choice }
  - Text only
buying_centers:
  - { id: emea, name: EMEA }
  - { id: us, name: US }
whitespace:
  - { center: emea, offering: forecasting, status: won, value: 400000, wallet: 1000000 }
  - { center: emea, offering: pricing, status: competitor, wallet: 2000000 }
  - { center: us, offering: forecasting, status: open, value: 250000 }
  - { center: us, offering: pricing, status: not_a_fit }
opportunities:
  - { name: Nine more markets, value: 600000, stage: propose, objective: markets }
  - { name: Pricing pilot, value: 200000, stage: qualify, probability: 0.3 }
  - { name: Renewal uplift, value: 50000, stage: won }
  - { name: Lost bid, value: 70000, stage: lost }
  - { name: No value yet, stage: negotiate }
actions:
  - { title: Launch in Spain, owner: Ann, due: 2027-01-31, objective: markets }
  - { title: Partner workshop, owner: Ann, due: 2026-12-15, objective: partner, status: done }
  - { title: Partner review, owner: Ann, due: 2027-02-15, objective: partner }
`;

/** Loads a repo from texts; throws when kam.yaml is invalid. */
export function load(files: Record<string, string>, config = CONFIG): Repo {
  const result = loadFromSource('/repo', { file: 'kam.yaml', text: config }, Object.entries(files).map(([file, text]) => ({ file, text })));
  if (!result.ok) throw new Error(`kam.yaml is invalid: ${result.findings.map((f) => f.message).join('; ')}`);
  return result.repo;
}

/** The findings loading kam.yaml gives (an invalid kam.yaml stops there). */
export function configFindings(config: string): Finding[] {
  const result = loadFromSource('/repo', { file: 'kam.yaml', text: config }, []);
  return result.ok ? result.repo.findings : result.findings;
}

export const repo = (account = KEY_ACCOUNT, plan = PLAN) => load({ 'accounts/acme.yaml': account, 'plans/acme.yaml': plan });
