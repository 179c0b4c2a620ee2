// Worker thread entry (dist/worker.js): reads, parses and validates the files it is sent and
// posts back only plain results (value, findings, compact position index), never YAML Documents.
import { parentPort, workerData } from 'node:worker_threads';
import { accountSchema } from '../schema/account.js';
import type { Config } from '../schema/config.js';
import { planSchema } from '../schema/plan.js';
import { parseFile, type FileRef, type Shapes } from './parseFile.js';

const config = (workerData as { config: Config }).config;
const shapes: Shapes = { accounts: accountSchema(config), plans: planSchema(config) };

parentPort!.on('message', async (batch: FileRef[]) => {
  const results = [];
  for (const ref of batch) results.push(await parseFile(ref, shapes));
  parentPort!.postMessage(results);
});
