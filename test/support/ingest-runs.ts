import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';
import type { Graph } from '../../src/neo4j/driver.js';
import { clearGraph } from '../../src/neo4j/schema.js';
import { runIngest } from '../../ingest/compose.js';
import type { IngestOptions } from '../../ingest/pipeline/run.js';
import { tempDir } from './temp-dir.js';

/**
 * Empties the graph, then ingests each group of inputs in a run of its own, as `graafwerk ingest`
 * runs it, with raw-store and state folders of its own: an order of ingest, replayed from nothing.
 */
export async function ingestRuns(graph: Graph, ...runs: string[][]): Promise<void> {
  await clearGraph(graph);
  const config = freshConfig('ingest-runs');
  for (const inputs of runs) await runIngest(graph, config, inputs);
}

/** A configuration with a raw store and state folder of its own, as a first `graafwerk ingest` in a new checkout finds them. */
export function freshConfig(name: string): Config {
  const dir = tempDir(name);
  return loadConfig({ ...process.env, GRAAFWERK_RAW_STORE: join(dir, 'raw'), GRAAFWERK_STATE: dir, GRAAFWERK_LOG_LEVEL: 'error' });
}

/** Options whose signal is aborted once `inputsDone` inputs are done, as a Ctrl-C during the next one would. */
export function abortAfter(inputsDone: number): Partial<IngestOptions> {
  const controller = new AbortController();
  return { signal: controller.signal, onProgress: (done) => (done === inputsDone ? controller.abort() : undefined) };
}
