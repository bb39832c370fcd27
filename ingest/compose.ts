import type { Config } from '../src/config.js';
import type { Graph } from '../src/neo4j/driver.js';
import { ingestInputs, type IngestOptions } from './pipeline/run.js';
import type { IngestSummary } from './pipeline/summary.js';

/**
 * The ingest as the command line and `graafwerk start` run it: the pipeline wired to the
 * enrichment step, the publication URLs and the derivations that follow a run.
 */
export async function runIngest(
  graph: Graph,
  config: Config,
  args: string[],
  extra: Partial<IngestOptions> = {},
): Promise<IngestSummary> {
  const summary = await ingestInputs(args, { graph, config, ...extra });
  return summary;
}
