// Generates synthetic plan repos for the bench: N accounts (small, varied YAML like a CRM export
// would give) and 300 full plans copied from the example repo, renamed to generated accounts.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const EXAMPLE = new URL('../examples/northwind-analytics/', import.meta.url);
const INDUSTRIES = ['Banking', 'Insurance', 'Retail', 'Logistics', 'Energy', 'Public sector', 'Pharma', 'Telecom'];
const REGIONS = ['EMEA', 'NA', 'LATAM', 'APAC'];
const MANAGERS = Array.from({ length: 40 }, (_, i) => `Manager ${String.fromCharCode(65 + (i % 26))}${i}`);
const CRITERIA = ['current_revenue', 'growth_potential', 'renewal_likelihood', 'win_now_likelihood', 'effort', 'relationship_strength', 'fit', 'logo'];

function account(i) {
  const id = `account-${String(i).padStart(5, '0')}`;
  const r = (k) => 1 + ((i * 7 + k * 13 + (i >> 3)) % 5);
  const ratings = CRITERIA.map((c, k) => `  ${c}: ${r(k)}`).join('\n');
  // The numbers of format 1.2: a target, economics, and a contract on every third account.
  const current = 50000 + ((i * 9973) % 3000000);
  const contract = i % 3 === 0 ? `contracts:\n  - { id: c${i}, value: ${Math.round(current / 2)}, end: 2027-0${1 + (i % 9)}-28, notice_days: 60${i % 2 ? ', renewal: likely' : ''} }\n` : '';
  return {
    id,
    text: `id: ${id}\nname: Customer ${i} Holdings\nindustry: ${INDUSTRIES[i % INDUSTRIES.length]}\nregion: ${REGIONS[i % REGIONS.length]}\nmanager: ${MANAGERS[i % MANAGERS.length]}\nrevenue: { current: ${current}, potential: ${200000 + ((i * 7919) % 6000000)}, target: ${Math.round(current * 1.3)} }\neconomics: { gross_margin: 0.${30 + (i % 40)}, cost_to_serve: ${10000 + ((i * 331) % 200000)} }\n${contract}ratings:\n${ratings}\n`,
  };
}

/** Writes the repo unless it already exists with the same shape (generation is not what we time). */
export function generateRepo(dir, accounts, plans = 300) {
  const stamp = join(dir, '.generated');
  const want = `${accounts} ${plans} v2`;
  try {
    if (readFileSync(stamp, 'utf8') === want) return dir;
  } catch {}
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'accounts'), { recursive: true });
  mkdirSync(join(dir, 'plans'), { recursive: true });
  writeFileSync(join(dir, 'kam.yaml'), readFileSync(new URL('kam.yaml', EXAMPLE)));
  const examples = readdirSync(new URL('plans/', EXAMPLE)).map((f) => readFileSync(new URL(`plans/${f}`, EXAMPLE), 'utf8'));
  for (let i = 0; i < accounts; i++) {
    const a = account(i);
    writeFileSync(join(dir, 'accounts', `${a.id}.yaml`), a.text);
    if (i < plans) {
      const plan = examples[i % examples.length].replace(/^account: .*$/m, `account: ${a.id}`).replace(/^# yaml-language-server.*\n/, '');
      writeFileSync(join(dir, 'plans', `${a.id}.yaml`), plan);
    }
  }
  writeFileSync(stamp, want);
  return dir;
}
