/**
 * bench:api: ingests ../shared/corpus/tk (and the case 2022Z04510), then runs a fixed query mix
 * against the real HTTP server with autocannon at 1 and 32 clients and, in the same run, the same
 * answers as hand-written Cypher: through the driver in this process, and served over HTTP by a
 * bare Node server (so the last ratio is the cost of the GraphQL layer alone, HTTP on both sides).
 * Prints p50/p95/p99 and requests per second.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { assessAnswer, today } from '../../src/analysis/answer-status.js';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/graphql/app.js';
import { connectGraph, neo4j, readGraph, type Graph } from '../../src/neo4j/driver.js';
import { applySchema, clearGraph, SEARCH_INDEX } from '../../src/neo4j/schema.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { ingestInputs } from '../../ingest/pipeline/run.js';
import { createCaseFragments } from '../support/api-fixtures.js';

const CORPUS = '../shared/corpus/tk';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

interface Case {
  name: string;
  graphql: { query: string; variables: Record<string, unknown> };
  cypher: (graph: Graph) => Promise<unknown>;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const fmt = (n: number) => n.toFixed(1).padStart(7);

function summary(latencies: number[], seconds: number) {
  const s = [...latencies].sort((a, b) => a - b);
  return { p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), rps: latencies.length / seconds };
}

async function loadHttp(url: string, body: string, connections: number) {
  const latencies: number[] = [];
  let errors = 0;
  const instance = autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration: SECONDS });
  (instance as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, status: number, _bytes: number, time: number) => {
    if (status === 200) latencies.push(time);
    else errors++;
  });
  const result = await instance;
  return { ...summary(latencies, SECONDS), errors: errors + result.errors + result.non2xx };
}

async function loadCypher(graph: Graph, work: (g: Graph) => Promise<unknown>, connections: number) {
  const latencies: number[] = [];
  const end = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const t = performance.now();
        await work(graph);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { ...summary(latencies, SECONDS), errors: 0 };
}

/** A bare HTTP server answering POST /<case> with the case's hand-written Cypher result as JSON. */
async function startCypherServer(graph: Graph, all: Case[]): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    const c = all.find((x) => `/${encodeURIComponent(x.name)}` === req.url);
    req.resume();
    req.on('end', () => {
      if (!c) return void res.writeHead(404).end();
      c.cypher(graph).then(
        (answer) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

const read = (graph: Graph, cypher: string, params: Record<string, unknown>) => readGraph(graph, (tx) => tx.run(cypher, params));

function cases(questionNumber: string, centreId: string): Case[] {
  return [
    {
      name: 'question',
      graphql: {
        query: `query($n: String!) { question(number: $n) { number subject submittedAt dueAt status daysLate askedBy { role person { name } party { abbreviation } } addressedTo { title } answers { koopId receivedAt } } }`,
        variables: { n: questionNumber },
      },
      cypher: async (g) => {
        const r = await read(
          g,
          `MATCH (q:Question {number: $n})
           RETURN q {.number, .subject, .submittedAt} AS q,
             COLLECT { MATCH (q)<-[a:ASKED]-(p:Person) OPTIONAL MATCH (p)-[:MEMBER_OF]->(f:Party) RETURN {role: a.role, name: p.name, party: f.abbreviation} } AS askers,
             COLLECT { MATCH (q)-[:ADDRESSED_TO]->(o:Office) RETURN o.title } AS offices,
             COLLECT { MATCH (q)<-[:ANSWERS]-(a:Answer) RETURN a {.koopId, .receivedAt, .later} } AS answers,
             COLLECT { MATCH (q)<-[:POSTPONES]-(p:Postponement) RETURN p {.sentAt} } AS notices`,
          { n: questionNumber },
        );
        const row = r.records[0]?.toObject();
        return row && assessAnswer({ submittedAt: row.q.submittedAt, answers: row.answers, postponements: row.notices }, today());
      },
    },
    {
      name: 'motions(unanswered)',
      graphql: { query: '{ motions(filter: { unanswered: true }, first: 20) { nodes { number title status decidedAt } } }', variables: {} },
      cypher: (g) =>
        read(
          g,
          `MATCH (m:Motion) WHERE m.status = 'adopted' AND coalesce(m.deleted, false) = false AND coalesce(m.stub, false) = false
           WITH m, date(left(coalesce(m.decidedAt, m.submittedAt), 10)) AS start
           WITH m, start, start + duration({days: 365}) AS due WHERE start IS NOT NULL AND due < date()
             AND NOT EXISTS { MATCH (d)-[:FOLLOWS_UP|REFERS_TO]->(m) WHERE (d:Answer OR d:Postponement OR d:Document)
               AND date(left(coalesce(d.receivedAt, d.sentAt, d.date), 10)) >= start AND date(left(coalesce(d.receivedAt, d.sentAt, d.date), 10)) <= due }
           RETURN m {.number, .title, .status, .decidedAt} ORDER BY m.submittedAt DESC LIMIT 20`,
          {},
        ),
    },
    {
      name: 'search',
      graphql: { query: '{ search(text: "camera", first: 20) { score node { id } } }', variables: {} },
      cypher: (g) =>
        read(g, `CALL db.index.fulltext.queryNodes('${SEARCH_INDEX}', $q, {limit: 40}) YIELD node, score RETURN node.id AS id, labels(node)[0] AS type, score LIMIT 20`, {
          q: '(camera^3 OR camera* OR camera~1)',
        }),
    },
    {
      name: 'neighborhood(depth 2)',
      graphql: { query: 'query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 100) { truncated nodes { id type label } edges { id type source target } } }', variables: { id: centreId } },
      cypher: (g) =>
        read(
          g,
          `MATCH (n:Question {id: $id}) MATCH p = (n)-[*1..2]-(m) WHERE NOT m:Source
           WITH p LIMIT 400 UNWIND relationships(p) AS r
           RETURN DISTINCT startNode(r).id AS s, endNode(r).id AS t, type(r) AS type LIMIT 400`,
          { id: centreId },
        ),
    },
  ];
}

async function main(): Promise<void> {
  const config = { ...loadConfig(), port: 0, logLevel: 'error' };
  const graph = await connectGraph(config);
  await applySchema(graph);
  await clearGraph(graph);
  const t0 = Date.now();
  if (existsSync(CORPUS)) {
    const s = await ingestInputs([CORPUS], { graph, config });
    process.stdout.write(`ingested ${CORPUS} in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify({ parsed: (s as { parsed?: unknown }).parsed, rejected: (s as { rejected?: unknown }).rejected })}\n`);
  } else process.stdout.write(`${CORPUS} is not present: only the case fixtures are loaded\n`);
  await new GraphWriter(graph, { batchSize: 2000 }).write(createCaseFragments());
  const counts = await readGraph(graph, (tx) => tx.run('MATCH (n) RETURN count(n) AS n, COUNT { MATCH ()-[r]->() } AS r'));
  process.stdout.write(`graph: ${counts.records[0]?.get('n')} nodes, ${counts.records[0]?.get('r')} edges\n`);
  const q = await readGraph(graph, (tx) =>
    tx.run(`MATCH (q:Question) WHERE q.number IS NOT NULL WITH q, COUNT { (q)--() } AS degree ORDER BY degree DESC LIMIT 1 RETURN q.number AS number, q.id AS id`),
  );
  const number = String(q.records[0]?.get('number') ?? '2022Z04510');
  const id = String(q.records[0]?.get('id') ?? '65c74760-dec5-43ae-a544-1f994a6154a9');
  const server = await startServer(graph, config);
  const mix = cases(number, id);
  const bare = await startCypherServer(graph, mix);
  process.stdout.write(`query mix on question ${number}; ${SECONDS} s per run; latencies in ms\n`);
  process.stdout.write(
    'query                    clients | GraphQL over HTTP p50/p95/p99 req/s | Cypher in process p50/p95/p99 req/s | Cypher over HTTP p50/p95/p99 req/s | p95 ratio: in process, over HTTP\n',
  );
  for (const c of mix) {
    const check = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(c.graphql) });
    const answer = (await check.json()) as { errors?: unknown };
    if (answer.errors) throw new Error(`${c.name} fails: ${JSON.stringify(answer.errors)}`);
    for (const clients of [1, 32]) {
      const http = await loadHttp(`${server.url}/graphql`, JSON.stringify(c.graphql), clients);
      const cypher = await loadCypher(graph, c.cypher, clients);
      const cypherHttp = await loadHttp(`${bare.url}/${encodeURIComponent(c.name)}`, '{}', clients);
      const row = (r: { p50: number; p95: number; p99: number; rps: number; errors: number }) =>
        `${fmt(r.p50)}${fmt(r.p95)}${fmt(r.p99)} ${fmt(r.rps)}${r.errors ? ` (${r.errors} errors)` : ''}`;
      process.stdout.write(
        `${c.name.padEnd(24)} ${String(clients).padStart(7)} | ${row(http)} | ${row(cypher)} | ${row(cypherHttp)} | ${(http.p95 / cypher.p95).toFixed(2)}x, ${(http.p95 / cypherHttp.p95).toFixed(2)}x\n`,
      );
    }
  }
  await server.close();
  bare.close();
  await graph.driver.close();
}

void neo4j;
main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:api failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
