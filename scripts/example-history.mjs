// Gives the example plan repo (examples/northwind-analytics) a short git history, so the history
// commands (kam trend, render --portfolio --since, the QBR --since, kam signoff) have something
// real to show: docs/history.md quotes their output from this history, and the docs test runs
// that page's commands in it. The example cannot carry its own .git, so this builds one.
//
//   node scripts/example-history.mjs [dir]     (default: a new temp folder; prints the folder)
//
// The history: the example as it was at the end of August 2026, then a quarter of plausible
// commits up to 2026-11-20 (reviews, a won opportunity, NPS and adoption measured, a renewal, a
// re-rating, the plan shared with the customer and signed off with `kam signoff`), with the tag
// v2026-q3 at the end of September. The work tree ends as the example is, plus the shared marks
// and the sign-off. Identities, dates and contents are fixed, so every commit id is the same on
// every machine. Needs the built kam (npm run build) for the sign-off.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const EXAMPLE_DIR = join(ROOT, 'examples', 'northwind-analytics');
const KAM = join(ROOT, 'bin', 'kam.js');

/** The end of Q3: `--since v2026-q3` is the quarter in review. */
export const QUARTER_TAG = 'v2026-q3';

const A = 'accounts/';
const P = 'plans/';

/**
 * The commits after the first, oldest first. Each edit is [file, before, after]: `before` is the
 * text at the commit before, `after` the text from this commit on. Edits marked `add` bring in
 * text the example does not have; the others end as the example is, and the first commit has
 * their `before` text.
 */
const STEPS = [
  { date: '2026-09-02', message: 'Calloway: adoption down to 54% after their analyst left', edits: [[`${A}calloway-health.yaml`, 'adoption: { value: 61, as_of: 2026-06-02 }', 'adoption: { value: 54, as_of: 2026-09-01 }']] },
  { date: '2026-09-15', message: 'Halvorsen: plan reviewed', edits: [[`${P}halvorsen-industrial.yaml`, 'last_reviewed: 2026-06-10', 'last_reviewed: 2026-09-15']] },
  { date: '2026-09-15', message: 'Kestrel: NPS 30 in the September survey', edits: [[`${A}kestrel-retail.yaml`, 'nps: { value: 38, as_of: 2026-06-14 }', 'nps: { value: 30, as_of: 2026-09-14 }']] },
  {
    date: '2026-09-30',
    message: 'Meridian: DACH pilot results delivered to the steering committee',
    tag: QUARTER_TAG,
    edits: [[`${P}meridian-freight.yaml`, '    due: 2026-09-30\n    status: open', '    due: 2026-09-30\n    status: done']],
  },
  { date: '2026-10-02', message: 'Coralsea: adoption measured', edits: [[`${A}coralsea-telecom.yaml`, 'adoption: { value: 41, as_of: 2026-07-01 }', 'adoption: { value: 37, as_of: 2026-10-01 }']] },
  { date: '2026-10-05', message: 'Kestrel: plan reviewed after the CSM left', edits: [[`${P}kestrel-retail.yaml`, 'last_reviewed: 2026-07-01', 'last_reviewed: 2026-10-05']] },
  { date: '2026-10-09', message: 'Meridian: Nordics rollout won', edits: [[`${P}meridian-freight.yaml`, 'close: 2027-03-31, stage: negotiate', 'close: 2027-03-31, stage: won']] },
  {
    date: '2026-10-14',
    message: 'Calloway: population health renewed for three years',
    edits: [[`${A}calloway-health.yaml`, 'end: 2026-07-31, renewal: likely }\n', 'end: 2026-07-31, renewal: renewed }\n  - { id: pop-health-2026, value: 1900000, start: 2026-08-01, end: 2029-07-31, notice_days: 90, renewal: likely }\n']],
  },
  {
    date: '2026-10-21',
    message: 'Meridian: NPS 42 after the Nordics kick-off; relationship rated stronger',
    edits: [
      [`${A}meridian-freight.yaml`, 'nps: { value: 31, as_of: 2026-06-15 }', 'nps: { value: 42, as_of: 2026-10-20 }'],
      [`${A}meridian-freight.yaml`, 'relationship_strength: 3', 'relationship_strength: 4'],
    ],
  },
  { date: '2026-10-28', message: 'Banco Austral: plan reviewed', edits: [[`${P}banco-austral.yaml`, 'last_reviewed: 2026-07-20', 'last_reviewed: 2026-10-28']] },
  {
    date: '2026-11-02',
    message: 'Meridian: November review, ARR and adoption updated',
    edits: [
      [`${P}meridian-freight.yaml`, 'last_reviewed: 2026-08-20', 'last_reviewed: 2026-11-02'],
      [`${P}meridian-freight.yaml`, 'actual: 2850000, as_of: 2026-08-01 }', 'actual: 3100000, as_of: 2026-11-01 }'],
      [`${A}meridian-freight.yaml`, 'adoption: { value: 64, as_of: 2026-08-20 }', 'adoption: { value: 81, as_of: 2026-11-02 }'],
    ],
  },
  {
    date: '2026-11-10',
    message: 'Coralsea: plan reviewed, growth potential re-rated',
    edits: [
      [`${P}coralsea-telecom.yaml`, 'last_reviewed: 2026-08-05', 'last_reviewed: 2026-11-10'],
      [`${A}coralsea-telecom.yaml`, 'growth_potential: 3', 'growth_potential: 5'],
    ],
  },
  {
    date: '2026-11-12',
    message: 'Meridian: mark what we share with the customer',
    edits: [
      [`${P}meridian-freight.yaml`, '    due: 2027-12-31\n    measure: { unit: USD', '    due: 2027-12-31\n    shared: true\n    measure: { unit: USD', 'add'],
      [`${P}meridian-freight.yaml`, '    status: open\n    objective: arr\n', '    status: open\n    objective: arr\n    shared: true\n', 'add'],
      [`${P}meridian-freight.yaml`, '  - { name: Customer NPS, target: 55, actual: 52 }', '  - { name: Customer NPS, target: 55, actual: 52, shared: true }', 'add'],
    ],
  },
  {
    date: '2026-11-16',
    message: 'Vantor: plan reviewed, the markets rollout shared with Dr. Brenner',
    edits: [
      [`${P}vantor-pharma.yaml`, 'last_reviewed: 2026-08-12', 'last_reviewed: 2026-11-16'],
      [`${P}vantor-pharma.yaml`, 'actual: 5, as_of: 2026-08-01 }', 'actual: 5, as_of: 2026-11-01 }'],
      [`${P}vantor-pharma.yaml`, 'target: 14, actual: 5, as_of: 2026-11-01 }\n', 'target: 14, actual: 5, as_of: 2026-11-01 }\n    shared: true\n'],
    ],
  },
  { date: '2026-11-20', message: 'Meridian: Jeroen van Dijk agreed the shared plan', signoff: ['meridian-freight', '--by', 'Jeroen van Dijk', '--date', '2026-11-20'] },
];

/** Git without the user's or the system's config, with a fixed identity and date. */
function git(dir, args, date) {
  const when = date && `${date}T12:00:00+00:00`;
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C', GIT_AUTHOR_NAME: 'Dana Whitfield', GIT_AUTHOR_EMAIL: 'dana.whitfield@northwind.example', GIT_COMMITTER_NAME: 'Dana Whitfield', GIT_COMMITTER_EMAIL: 'dana.whitfield@northwind.example', ...(when ? { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when } : {}) };
  return execFileSync('git', ['-C', dir, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** Replaces the one occurrence of `from` in a file; more or fewer is a mistake in this script. */
function replaceOnce(dir, file, from, to) {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`example-history: "${from}" is not in ${file} exactly once; the example changed: update scripts/example-history.mjs`);
  writeFileSync(path, text.slice(0, at) + to + text.slice(at + from.length));
}

/** Builds the history in `dir` (created when missing; it must not hold a repo yet); returns it. */
export function buildExampleHistory(dir = mkdtempSync(join(tmpdir(), 'kam-example-history-'))) {
  mkdirSync(dir, { recursive: true });
  if (readdirSync(dir).length > 0) throw new Error(`example-history: ${dir} is not empty; give an empty or new folder`);
  cpSync(EXAMPLE_DIR, dir, { recursive: true, filter: (p) => basename(p) !== '.kam' });
  // The first commit: the example with every later change undone, newest first.
  for (const step of [...STEPS].reverse()) for (const [file, before, after, add] of [...(step.edits ?? [])].reverse()) if (!add) replaceOnce(dir, file, after, before);
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'Northwind key account plans as of the end of August'], '2026-08-31');
  for (const step of STEPS) {
    for (const [file, before, after] of step.edits ?? []) replaceOnce(dir, file, before, after);
    if (step.signoff) execFileSync(process.execPath, [KAM, '--no-cache', 'signoff', ...step.signoff], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', step.message], step.date);
    if (step.tag) git(dir, ['tag', step.tag]);
  }
  return dir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = buildExampleHistory(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(dir);
}
