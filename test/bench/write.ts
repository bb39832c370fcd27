/**
 * bench:write: writes one generated graph (≥200,000 nodes, ≥400,000 edges) through the GraphWriter
 * and, in the same run, through a minimal hand-written UNWIND … MERGE loader, and prints both
 * throughputs and their ratio (target: the GraphWriter at ≥70 % of the hand-written loader).
 */
import { loadConfig } from '../../src/config.js';
import { FragmentBuilder, type GraphFragment } from '../../src/model/fragment.js';
import { connectGraph, writeGraph, type Graph } from '../../src/neo4j/driver.js';
import { applySchema, clearGraph } from '../../src/neo4j/schema.js';
import { GraphWriter } from '../../src/neo4j/writer.js';

const PEOPLE = 20_000;
const QUESTIONS = 90_000;
const MOTIONS = 90_000;
const ARTICLES = 10_000;
const PER_FRAGMENT = 1_000;

/** A deterministic graph in fragments of 1,000 cases each, as an ingest of many pages would give. */
function generate(): GraphFragment[] {
  const fragments: GraphFragment[] = [];
  const people = Array.from({ length: PEOPLE }, (_, i) => `person-${i}`);
  for (let start = 0; start < QUESTIONS; start += PER_FRAGMENT) {
    const b = new FragmentBuilder();
    for (let i = start; i < start + PER_FRAGMENT; i++) {
      const p = b.node('Person', people[i % PEOPLE]!, { name: `Person ${i % PEOPLE}` });
      const q = b.node('Question', `question-${i}`, {
        number: `2022Z${String(i).padStart(5, '0')}`,
        subject: `Subject ${i}`,
        submittedAt: '2022-03-10',
      });
      const m = b.node('Motion', `motion-${i}`, {
        number: `2023Z${String(i).padStart(5, '0')}`,
        title: `Motion ${i}`,
        submittedAt: '2023-01-01',
      });
      const a = b.node('Article', `https://news.example/${i % ARTICLES}`, { title: `Article ${i % ARTICLES}` });
      b.edge('ASKED', p, q, { role: 'Indiener' });
      b.edge('SUBMITTED', p, m, { role: 'Indiener' });
      b.edge('CITES', q, a, { citation: `footnote ${i}` });
      b.edge('REFERS_TO', q, m, { citation: `motie ${i}` });
      b.edge('FOLLOWS_UP', m, { label: 'Motion', key: 'id', value: `motion-${(i + 1) % MOTIONS}` }, {});
    }
    fragments.push({
      source: { id: `bench-${start}`, url: `bench://${start}`, fetchedAt: '2026-01-01T00:00:00Z', parser: 'bench', parserVersion: '1' },
      ...b.build(),
    });
  }
  return fragments;
}

/** Runs the tasks with at most `concurrency` of them in flight, in order of start. */
async function inFlight(tasks: (() => Promise<unknown>)[], concurrency: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tasks.length) await tasks[next++]!();
    }),
  );
}

/**
 * The minimal loader: per label and per edge type, UNWIND … MERGE … SET +=, nothing else; as many
 * write transactions in flight as the GraphWriter has, all nodes before any edge.
 */
async function handWritten(graph: Graph, fragments: GraphFragment[], batchSize: number, concurrency: number): Promise<void> {
  const nodes = new Map<string, { id: string; props: object }[]>();
  for (const f of fragments)
    for (const n of f.nodes) (nodes.get(n.label) ?? nodes.set(n.label, []).get(n.label)!).push({ id: n.id, props: n.props });
  const nodeTasks: (() => Promise<unknown>)[] = [];
  for (const [label, rows] of nodes)
    for (let i = 0; i < rows.length; i += batchSize)
      nodeTasks.push(() =>
        writeGraph(graph, (tx) =>
          tx.run(`UNWIND $rows AS row MERGE (n:${label} {id: row.id}) SET n += row.props`, { rows: rows.slice(i, i + batchSize) }),
        ),
      );
  await inFlight(nodeTasks, concurrency);
  const edges = new Map<string, { from: string; to: string; props: object }[]>();
  for (const f of fragments)
    for (const e of f.edges) {
      const k = `${e.from.label}|${e.type}|${e.to.label}`;
      (edges.get(k) ?? edges.set(k, []).get(k)!).push({ from: e.from.value, to: e.to.value, props: e.props });
    }
  const edgeTasks: (() => Promise<unknown>)[] = [];
  for (const [k, rows] of edges) {
    const [from, type, to] = k.split('|');
    const cypher = `UNWIND $rows AS row MATCH (a:${from} {id: row.from}) MATCH (b:${to} {id: row.to}) MERGE (a)-[r:${type}]->(b) SET r += row.props`;
    for (let i = 0; i < rows.length; i += batchSize)
      edgeTasks.push(() => writeGraph(graph, (tx) => tx.run(cypher, { rows: rows.slice(i, i + batchSize) })));
  }
  await inFlight(edgeTasks, concurrency);
}

async function counts(graph: Graph): Promise<{ nodes: number; edges: number }> {
  const session = graph.driver.session({ database: graph.database });
  try {
    const n = await session.run('MATCH (n) WHERE NOT n:Source RETURN count(n) AS c');
    const e = await session.run('MATCH ()-[r]->() RETURN count(r) AS c');
    return { nodes: Number(n.records[0]!.get('c')), edges: Number(e.records[0]!.get('c')) };
  } finally {
    await session.close();
  }
}

async function timed(graph: Graph, name: string, work: () => Promise<void>): Promise<number> {
  await clearGraph(graph);
  const t0 = performance.now();
  await work();
  const seconds = (performance.now() - t0) / 1000;
  const c = await counts(graph);
  const rate = (c.nodes + c.edges) / seconds;
  console.log(`${name.padEnd(14)} ${c.nodes} nodes + ${c.edges} edges in ${seconds.toFixed(1)} s = ${Math.round(rate)} items/s`);
  return rate;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const graph = await connectGraph(config);
  await applySchema(graph);
  const fragments = generate();
  const batchSize = config.writeBatchSize;
  console.log(
    `bench:write, batch size ${batchSize}, ${config.writeConcurrency} write transactions in flight for both loaders, ${fragments.length} fragments; best of two rounds each, interleaved`,
  );
  const hand: number[] = [];
  const writer: number[] = [];
  for (let round = 0; round < 2; round++) {
    hand.push(await timed(graph, 'hand-written', () => handWritten(graph, fragments, batchSize, config.writeConcurrency)));
    writer.push(
      await timed(
        graph,
        'GraphWriter',
        async () => void (await new GraphWriter(graph, { batchSize, concurrency: config.writeConcurrency }).write(fragments)),
      ),
    );
  }
  const ratio = Math.max(...writer) / Math.max(...hand);
  console.log(`GraphWriter / hand-written throughput: ${(ratio * 100).toFixed(0)} % (target ≥ 70 %)`);
  await clearGraph(graph);
  await graph.driver.close();
}

await main();
