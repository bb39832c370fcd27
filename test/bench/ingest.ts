/**
 * bench:ingest: ingests the whole Tweede Kamer corpus (`../shared/corpus/tk`) into an empty graph
 * as `graafwerk ingest` does (`runIngest`: registry, enrichment, name resolution, motion status), and prints source records per second
 * and the peak memory of this process (targets: ≥3,000 records/s, peak RSS < 1 GiB). In the same
 * run it ingests the corpus again, which skips the unchanged raw documents, and prints the ratio.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { connectGraph } from '../../src/neo4j/driver.js';
import { applySchema, clearGraph } from '../../src/neo4j/schema.js';
import { runIngest } from '../../ingest/compose.js';
import { warmUp } from './warm-up.js';
import { countByClass, type IngestSummary } from '../../ingest/pipeline/summary.js';

const CORPUS = resolve('../shared/corpus/tk');
const MiB = 1024 * 1024;

let peakRss = 0;
const sample = () => void (peakRss = Math.max(peakRss, process.memoryUsage().rss));

async function main(): Promise<void> {
  if (!existsSync(CORPUS)) {
    console.log(`bench:ingest: ${CORPUS} is not present; nothing to measure`);
    return;
  }
  const state = mkdtempSync(join(tmpdir(), 'graafwerk-bench-ingest-'));
  const config = { ...loadConfig(), rawStore: join(state, 'raw'), stateDir: state, logLevel: 'warn' };
  const graph = await connectGraph(config);
  const timer = setInterval(sample, 50);
  try {
    await applySchema(graph);
    await clearGraph(graph);
    sample();
    await warmUp(graph, () => runIngest(graph, { ...config, rawStore: join(state, 'warm-up') }, [CORPUS]));
    const first = await timed(() => runIngest(graph, config, [CORPUS]));
    report('first ingest (empty graph)', first.value, first.seconds);
    const again = await timed(() => runIngest(graph, config, [CORPUS]));
    report('second ingest (unchanged documents)', again.value, again.seconds);
    console.log(`  re-ingest speed-up: ${(first.seconds / again.seconds).toFixed(1)}× (target ≥ 5×)`);
  } finally {
    clearInterval(timer);
    sample();
    await graph.driver.close();
    rmSync(state, { recursive: true, force: true });
  }
  const maxRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  console.log(`peak RSS of this process: ${(maxRss / MiB).toFixed(0)} MiB (target < 1024 MiB)`);
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

function report(title: string, s: IngestSummary, seconds: number): void {
  console.log(`${title}: ${seconds.toFixed(1)} s`);
  console.log(`  documents read ${s.read}, parsed ${s.parsed}, unchanged ${s.unchanged}, ignored ${s.ignored}`);
  console.log(`  source records ${s.records}: ${(s.records / seconds).toFixed(0)} records/s (target ≥ 3000)`);
  console.log(`  written ${s.written.nodes} nodes, ${s.written.edges} edges, ${s.written.tombstones} tombstones`);
  console.log(`  rejected documents ${JSON.stringify(countByClass(s.rejectedDocuments))}, rows ${JSON.stringify(countByClass(s.rejectedRows))}`);
}

await main();
