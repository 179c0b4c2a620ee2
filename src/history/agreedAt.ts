// Where the customer's agreement was made (spec 1.2, section 9): the newest commit at which a
// plan's shared digest was the one its latest sign-off records, so a review can say which shared
// items changed since. Reads git objects only, newest commit first, and only the plan's blob and
// kam.yaml's (which shapes the plan schema) at each commit: never the rest of the repo.
import { gitText, objectInfo, readBlobs } from '../git/git.js';
import { toSource } from '../git/snapshot.js';
import { loadText } from '../load/loadText.js';
import { CONFIG_FILE } from '../repoFs/findRoot.js';
import { MAX_FILE_BYTES } from '../repoFs/readText.js';
import { configSchema } from '../schema/config.js';
import { planSchema, type Plan } from '../schema/plan.js';
import { sharedDigest } from '../signoff/digest.js';

export interface AgreedRevision {
  /** git's abbreviation of the commit, and its committer date. */
  commit: string;
  date: string;
  /** The plan as it was there. */
  plan: Plan;
}

const BATCH = 16;

/**
 * The newest commit touching the account's plan (or kam.yaml) whose plan has the shared digest
 * `digest`; null when no commit of the history has it (a digest written by hand, a shallow clone).
 * At each commit the plan is `plans/<id>.yaml` (else `.yml`) read with that commit's kam.yaml, as
 * the whole repo loaded there would give it: no plan when kam.yaml is missing or invalid, or the
 * file is too large or invalid. Each distinct blob is read and each (kam.yaml, plan) pair parsed once.
 */
export async function agreedRevision(root: string, id: string, digest: string): Promise<AgreedRevision | null> {
  const paths = [CONFIG_FILE, `plans/${id}.yaml`, `plans/${id}.yml`];
  const log = await gitText(root, ['log', '--format=%H%x1f%h%x1f%cs', 'HEAD', '--', ...paths.slice(1), CONFIG_FILE]);
  const commits = log.split('\n').filter(Boolean).map((l) => l.split('\x1f') as [string, string, string]);
  const bytes = new Map<string, Buffer>();
  const plans = new Map<string, Plan | undefined>();
  const shapes = new Map<string, ReturnType<typeof planSchema> | null>();
  const shapeOf = (oid: string) => {
    if (!shapes.has(oid)) {
      const source = toSource(CONFIG_FILE, bytes.get(oid));
      const config = 'text' in source ? loadText(configSchema, 'kam', CONFIG_FILE, source.text, null).value : undefined;
      shapes.set(oid, config ? planSchema(config) : null);
    }
    return shapes.get(oid)!;
  };
  for (let i = 0; i < commits.length; i += BATCH) {
    const batch = commits.slice(i, i + BATCH);
    // One `git cat-file --batch-check` for the three paths at each commit, one `--batch` for the new blobs under the limit.
    const info = await objectInfo(root, batch.flatMap(([sha]) => paths.map((p) => `${sha}:./${p}`)));
    const wanted = [...new Set(info.flatMap((o) => (o && o.type === 'blob' && o.size <= MAX_FILE_BYTES && !bytes.has(o.oid) ? [o.oid] : [])))];
    const blobs = await readBlobs(root, wanted);
    wanted.forEach((oid, k) => bytes.set(oid, blobs[k]?.bytes ?? Buffer.alloc(0)));
    for (const [k, [, abbrev, date]] of batch.entries()) {
      const at = (j: number) => {
        const o = info[k * paths.length + j] ?? null;
        return o && o.type === 'blob' ? o : null;
      };
      const config = at(0);
      if (!config || config.size > MAX_FILE_BYTES) continue;
      const shape = shapeOf(config.oid);
      // The plan the repo there would hold under this id: .yaml sorts before .yml.
      const j = at(1) ? 1 : 2;
      const file = at(j);
      if (!shape || !file || file.size > MAX_FILE_BYTES) continue;
      const key = `${config.oid}\0${paths[j]}\0${file.oid}`;
      if (!plans.has(key)) {
        const source = toSource(paths[j]!, bytes.get(file.oid));
        plans.set(key, 'text' in source ? loadText(shape, id, paths[j]!, source.text, id).value : undefined);
      }
      const plan = plans.get(key);
      if (plan && sharedDigest(plan) === digest) return { commit: abbrev, date, plan };
    }
  }
  return null;
}
