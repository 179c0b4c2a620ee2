// Worker thread entry (dist/worker.cjs): reads, parses and validates the files it is sent and
// posts back only plain results (value, findings, compact position index), never YAML Documents.
import { parentPort, workerData } from 'node:worker_threads';
import { accountSchema } from '../schema/account.js';
import type { Config } from '../schema/config.js';
import { planSchema } from '../schema/plan.js';
import { parseFile, type FileRef, type Shapes } from './parseFile.js';

const config = (workerData as { config: Config }).config;
const shapes: Shapes = { accounts: accountSchema(config), plans: planSchema(config) };

parentPort!.on('message', (batch: FileRef[]) => {
  // As a JSON string: JSON.parse on the other side is faster than structured clone of objects.
  parentPort!.postMessage(JSON.stringify(batch.map((ref) => parseFile(ref, shapes))));
});
