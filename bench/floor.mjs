// The floor kam is measured against: read every account and plan file and parse it with yaml's
// parseDocument on one thread, nothing else (no validation, no rules, no output).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

const root = process.argv[2];
let nodes = 0;
for (const folder of ['accounts', 'plans']) {
  for (const name of readdirSync(join(root, folder))) {
    const doc = parseDocument(readFileSync(join(root, folder, name), 'utf8'));
    if (doc.contents) nodes++;
  }
}
process.stdout.write(`${nodes}\n`);
