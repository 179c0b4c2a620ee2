// Worker thread entry (dist/worker.js): reads, parses and validates the files it is sent and
// posts back only plain results (value, findings, compact position index), never YAML Documents.
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../schema/config.js';
import { COMPILE_AT, parseFile, shapesFor, type FileRef } from './parseFile.js';

const config = (workerData as { config: Config }).config;
// Workers start only for many files (workerPool.ts): compiled schemas pay off in each of them.
const shapes = shapesFor(config, COMPILE_AT);

parentPort!.on('message', (batch: FileRef[]) => {
  // As a JSON string: JSON.parse on the other side is faster than structured clone of objects.
  parentPort!.postMessage(JSON.stringify(batch.map((ref) => parseFile(ref, shapes))));
});
