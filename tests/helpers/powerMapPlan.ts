// A 30-person reporting tree for power map tests: two roots, a wide team (stacked), a deep chain,
// directors with their own reports, someone whose manager is unknown and long names and titles.

export interface Person {
  id: string;
  name: string;
  title: string;
  reports_to?: string;
  role?: string;
  influence?: string;
  stance?: string;
  owner?: string;
  contacts?: string[];
}

export function thirtyPeople(): Person[] {
  const people: Person[] = [
    { id: 'ceo', name: 'Alexandra Konstantinopoulou-Whitfield', title: 'Chief Executive Officer and Chair of the Executive Board', role: 'decision_maker', influence: 'high', stance: 'supporter', owner: 'Dana Whitfield' },
    { id: 'board', name: 'Board observer', title: 'Non-executive director', influence: 'high', stance: 'neutral' },
    { id: 'cfo', name: 'Sabine Krüger', title: 'Chief Financial Officer', reports_to: 'ceo', role: 'economic_buyer', influence: 'high', stance: 'neutral', owner: 'Omar Haddad' },
    { id: 'cio', name: 'Jeroen van Dijk', title: 'Chief Information Officer', reports_to: 'ceo', role: 'champion', influence: 'high', stance: 'supporter', owner: 'Lena Vogel', contacts: ['Dana Whitfield'] },
    { id: 'coo', name: 'Marco Bellini', title: 'Chief Operating Officer', reports_to: 'ceo', role: 'influencer', influence: 'medium', stance: 'detractor' },
    { id: 'cmo', name: 'Priya Natarajan', title: 'Chief Marketing Officer', reports_to: 'ceo', influence: 'low' },
  ];
  // Six analysts under the CFO: leaves only, stacked.
  for (let i = 1; i <= 6; i++) people.push({ id: `fin${i}`, name: `Finance analyst number ${i}`, title: 'Senior financial planning analyst', reports_to: 'cfo', influence: 'low', stance: i % 2 ? 'supporter' : undefined });
  // Two directors under the CIO, three reports each.
  for (const d of ['data', 'infra']) {
    people.push({ id: d, name: `Director of ${d}`, title: `Head of ${d} platforms`, reports_to: 'cio', influence: 'medium', stance: 'supporter', owner: 'Omar Haddad' });
    for (let i = 1; i <= 3; i++) people.push({ id: `${d}${i}`, name: `${d} lead ${i}`, title: 'Engineering lead', reports_to: d, influence: 'low', stance: 'neutral' });
  }
  // A chain of five under the COO.
  let boss = 'coo';
  for (let i = 1; i <= 5; i++) {
    people.push({ id: `ops${i}`, name: `Operations manager level ${i}`, title: 'Operations', reports_to: boss, influence: i === 1 ? 'high' : 'medium' });
    boss = `ops${i}`;
  }
  // Three reports under the CMO, one under the board observer, and one person whose manager is not listed.
  for (const team of ['brand', 'digital', 'events']) people.push({ id: team, name: `${team} manager`, title: `Head of ${team}`, reports_to: 'cmo' });
  people.push({ id: 'partner', name: 'Partner at the board', title: 'Investor', reports_to: 'board', stance: 'supporter', owner: 'Dana Whitfield' });
  people.push({ id: 'stray', name: 'Someone whose manager is unknown', title: 'Advisor', reports_to: 'nobody-listed', stance: 'detractor' });
  return people;
}

/** The plan YAML holding `people` (block style, one key a line). */
export function planYaml(account: string, people: Person[]): string {
  const lines = [`account: ${account}`, 'last_reviewed: 2026-11-01', 'team:', '  - { name: Dana Whitfield, roles: [relationship_lead] }', '  - { name: Omar Haddad, roles: [technical_expert] }', '  - { name: Lena Vogel, roles: [project_manager] }', 'stakeholders:'];
  for (const p of people) {
    lines.push(`  - id: ${p.id}`);
    for (const [k, v] of Object.entries(p)) {
      if (k === 'id' || v === undefined) continue;
      lines.push(`    ${k}: ${Array.isArray(v) ? `[${v.join(', ')}]` : JSON.stringify(v)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
