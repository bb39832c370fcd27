import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../src/config.js';
import { readRows, type Graph } from '../../src/neo4j/driver.js';
import { PROJECT_ROOT } from '../../src/neo4j/local.js';
import { runIngest } from '../compose.js';
import { formatSummary } from '../pipeline/summary.js';

/** The demo inputs: real documents (and the reconstructed seed case) bundled with the project. */
async function demoInputs(): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(PROJECT_ROOT, 'ingest/demo/manifest.json'), 'utf8')) as { inputs: string[] };
  return manifest.inputs.map((p) => join(PROJECT_ROOT, p));
}

/** Loads the demo data into an empty graph; returns a one-line account, or undefined when the graph had data. */
export async function loadDemo(graph: Graph, config: Config): Promise<string | undefined> {
  const [row] = await readRows<{ n: number }>(graph, 'MATCH (s:Source) RETURN count(s) AS n');
  if ((row?.n ?? 0) > 0) return undefined;
  const summary = await runIngest(graph, config, await demoInputs());
  if (summary.rejectedDocuments.length > 0) process.stderr.write(`${formatSummary(summary)}\n`);
  const w = summary.written;
  return `${summary.parsed} documents, ${w.nodes} node records, ${w.edges} edge records in ${summary.seconds.toFixed(1)} s`;
}
