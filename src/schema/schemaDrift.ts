// Editors validate plan files against schema/*.json (written by `kam init` or `kam schema --out
// schema`). When kam.yaml changes (a new criterion, role or question), those files go stale and
// the editor rejects valid files: `kam validate` says so, with the command that refreshes them.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import type { Config } from './config.js';
import { jsonSchemaFor, SCHEMA_FILES, SCHEMA_KINDS } from './jsonSchema.js';

/** The folder kam init writes the schemas into. */
export const SCHEMA_DIR = 'schema';

/** The files of `schema/` that exist and no longer match what `kam schema` gives for this config. */
export function staleSchemaFiles(root: string, config: Config): string[] {
  const stale: string[] = [];
  for (const kind of SCHEMA_KINDS) {
    const file = `${SCHEMA_DIR}/${SCHEMA_FILES[kind]}`;
    let written: unknown;
    try {
      written = JSON.parse(readFileSync(join(root, file), 'utf8'));
    } catch (err) {
      // Missing: nothing to keep in step. Unreadable or not JSON: stale too.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      stale.push(file);
      continue;
    }
    const current = JSON.parse(JSON.stringify(jsonSchemaFor(kind, config)));
    if (!isDeepStrictEqual(written, current)) stale.push(file);
  }
  return stale;
}
