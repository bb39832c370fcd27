import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import type { Graph } from '../../src/neo4j/driver.js';
import { clearGraph } from '../../src/neo4j/schema.js';
import { runIngest } from '../../ingest/compose.js';
import { tempDir } from './temp-dir.js';

/**
 * Empties the graph, then ingests each group of inputs in a run of its own, as `graafwerk ingest`
 * runs it, with raw-store and state folders of its own: an order of ingest, replayed from nothing.
 */
export async function ingestRuns(graph: Graph, ...runs: string[][]): Promise<void> {
  await clearGraph(graph);
  const dir = tempDir('ingest-runs');
  const config = loadConfig({ ...process.env, GRAAFWERK_RAW_STORE: join(dir, 'raw'), GRAAFWERK_STATE: dir, GRAAFWERK_LOG_LEVEL: 'error' });
  for (const inputs of runs) await runIngest(graph, config, inputs);
}
