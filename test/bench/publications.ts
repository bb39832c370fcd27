/**
 * bench:publications: parses every motion XML of the corpus (../shared/corpus/koop/motions when
 * present, else the fixtures) with the KOOP parser and writes the fragments through the GraphWriter;
 * prints documents per second for parsing, writing and both (target ≥200/s) and the peak RSS.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.js';
import type { GraphFragment } from '../../src/model/fragment.js';
import { sha256 } from '../../src/model/ids.js';
import { connectGraph, readRows } from '../../src/neo4j/driver.js';
import { applySchema, clearGraph } from '../../src/neo4j/schema.js';
import { warmUp } from './warm-up.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { parsePublicationXml } from '../../ingest/officielebekendmakingen/publication.js';

const corpus = fileURLToPath(new URL('../../../shared/corpus/koop/motions/', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/koop/motions/', import.meta.url));
const dir = existsSync(corpus) ? corpus : fixtures;
const WRITE_CHUNK = Number(process.env.BENCH_CHUNK ?? 1000);

const rate = (n: number, ms: number) => `${((n / ms) * 1000).toFixed(0)} documents/s`;

async function main(): Promise<void> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.xml')).sort();
  const raw = files.map((f) => ({ url: dir + f, bytes: readFileSync(dir + f) }));

  const parseStart = performance.now();
  const fragments: GraphFragment[] = raw.map((doc) => ({
    source: { id: sha256(doc.bytes), url: doc.url, fetchedAt: new Date().toISOString(), parser: 'koop-xml', parserVersion: '1' },
    ...parsePublicationXml(doc).body,
  }));
  const parseMs = performance.now() - parseStart;
  const complete = fragments.filter((f) => {
    const m = f.nodes.find((n) => n.label === 'Motion')?.props;
    return m?.dossier && m.ondernummer && m.title && f.edges.some((e) => e.type === 'SUBMITTED');
  }).length;

  const graph = await connectGraph(loadConfig());
  try {
    await applySchema(graph);
    await clearGraph(graph);
    const writer = new GraphWriter(graph, { batchSize: 2000 });
    await warmUp(graph, async () => {
      for (let i = 0; i < fragments.length; i += WRITE_CHUNK) await writer.write(fragments.slice(i, i + WRITE_CHUNK));
    });
    const writeStart = performance.now();
    let nodes = 0;
    let edges = 0;
    for (let i = 0; i < fragments.length; i += WRITE_CHUNK) {
      const stats = await writer.write(fragments.slice(i, i + WRITE_CHUNK));
      nodes += stats.nodes;
      edges += stats.edges;
    }
    const writeMs = performance.now() - writeStart;
    // The same documents again: the idempotent path (every node and edge already there), for comparison.
    const rerunStart = performance.now();
    for (let i = 0; i < fragments.length; i += WRITE_CHUNK) await writer.write(fragments.slice(i, i + WRITE_CHUNK));
    const rerunMs = performance.now() - rerunStart;
    const [count] = await readRows<{ motions: number }>(graph, 'MATCH (m:Motion) WHERE m.stub IS NULL RETURN count(m) AS motions');
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    console.log(`corpus: ${dir} (${files.length} motion XML files)`);
    console.log(`complete (dossier, ondernummer, title, ≥1 submitter): ${complete} of ${files.length}`);
    console.log(`parse: ${parseMs.toFixed(0)} ms, ${rate(files.length, parseMs)}`);
    console.log(`write: ${writeMs.toFixed(0)} ms, ${rate(files.length, writeMs)} (${nodes} node rows, ${edges} edge rows, chunks of ${WRITE_CHUNK} documents)`);
    console.log(`parse + write: ${rate(files.length, parseMs + writeMs)} (target ≥200 documents/s)`);
    console.log(`rewrite of the same documents (idempotent): ${rerunMs.toFixed(0)} ms, ${rate(files.length, rerunMs)}`);
    console.log(`load average while running: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(`motions in the graph: ${count?.motions}`);
    console.log(`peak RSS: ${peakRssMb.toFixed(0)} MB`);
  } finally {
    await graph.driver.close();
  }
}

await main();
