/**
 * bench:api: ingests ../shared/corpus/tk (and the case 2022Z04510), starts the API as `graafwerk
 * serve` does (its own process), checks that each query of the mix gives the same answer as its
 * hand-written Cypher, then runs the mix with autocannon at 1 and at 32 clients against three
 * targets, interleaved round by round after an unmeasured warm-up: GraphQL over HTTP, the
 * hand-written Cypher through the driver in this process, and the same Cypher served over HTTP by a
 * bare Node server in a process of its own (so that ratio is the cost of the GraphQL layer alone).
 * Prints p50/p95/p99 and requests per second, the CPU time each server spends per answer, and the
 * ratios against the 1.3× target.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { loadConfig } from '../../src/config.js';
import { connectGraph, readGraph, type Graph } from '../../src/neo4j/driver.js';
import { applySchema, clearGraph } from '../../src/neo4j/schema.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { ingestInputs } from '../../ingest/pipeline/run.js';
import { createCaseFragments } from '../support/api-fixtures.js';
import { apiCases, comparable, type Case, type Centre } from './api-cases.js';

const CORPUS = '../shared/corpus/tk';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP_SECONDS = 3;
const RATIO_TARGET = 1.3;

interface Stats {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const fmt = (n: number) => n.toFixed(1).padStart(7);

function stats(latencies: number[], seconds: number, errors: number): Stats {
  const s = [...latencies].sort((a, b) => a - b);
  return { p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), rps: latencies.length / seconds, errors };
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (ms, user + system, all threads) a process has used so far, from /proc; null where there is none. */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(')').at(-1)!.trim().split(/\s+/);
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** One load run over HTTP; latencies (ms) of the 200 answers and the count of the others. */
async function loadHttp(url: string, body: string, connections: number, seconds: number): Promise<{ latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const instance = autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration: seconds });
  (instance as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, status: number, _bytes: number, time: number) => {
    if (status === 200) latencies.push(time);
    else errors++;
  });
  const result = await instance;
  return { latencies, errors: errors + result.errors };
}

/** One load run of the hand-written Cypher through the driver, `connections` loops at once. */
async function loadCypher(graph: Graph, work: (g: Graph) => Promise<unknown>, connections: number, seconds: number): Promise<{ latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const t = performance.now();
        await work(graph);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, errors: 0 };
}

/** Starts a child process and resolves with the first URL it prints (on stdout or stderr). */
function startChild(command: string, args: string[], env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    const look = (chunk: Buffer) => {
      seen += chunk.toString();
      const url = /(http:\/\/[\d.:a-z]+?)(?:\/graphql|\s|")/.exec(seen)?.[1];
      if (url) resolve({ url, child });
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', look);
    child.once('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited (${code}) before it served: ${seen.slice(-500)}`)));
  });
}

async function postJson(url: string, body: string): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/** Fails the bench when a query's GraphQL answer differs from its hand-written Cypher's. */
async function checkSameAnswer(c: Case, graphqlUrl: string, bareUrl: string, graph: Graph): Promise<void> {
  const viaGraphql = (await postJson(graphqlUrl, JSON.stringify(c.graphql))) as { data?: unknown; errors?: unknown };
  if (viaGraphql.errors) throw new Error(`${c.name} fails: ${JSON.stringify(viaGraphql.errors)}`);
  const viaDriver = await c.cypher(graph);
  const viaBare = await postJson(`${bareUrl}/${encodeURIComponent(c.name)}`, '{}');
  const want = comparable(viaGraphql.data);
  for (const [what, got] of [['through the driver', viaDriver], ['over HTTP', viaBare]] as const)
    if (!isDeepStrictEqual(comparable(JSON.parse(JSON.stringify(got))), want) || !isDeepStrictEqual(c.order(got), c.order(viaGraphql.data)))
      throw new Error(`${c.name}: the hand-written Cypher (${what}) answers differently:\nGraphQL ${JSON.stringify(viaGraphql.data).slice(0, 2000)}\nCypher  ${JSON.stringify(got).slice(0, 2000)}`);
}

async function main(): Promise<void> {
  const config = { ...loadConfig(), logLevel: 'error' };
  const graph = await connectGraph(config);
  await applySchema(graph);
  await clearGraph(graph);
  const t0 = Date.now();
  if (existsSync(CORPUS)) {
    const s = await ingestInputs([CORPUS], { graph, config });
    process.stdout.write(`ingested ${CORPUS} in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${s.parsed} documents parsed, ${s.rejectedDocuments.length} rejected\n`);
  } else process.stdout.write(`${CORPUS} is not present: only the case fixtures are loaded\n`);
  await new GraphWriter(graph, { batchSize: 2000 }).write(createCaseFragments());
  const counts = await readGraph(graph, (tx) => tx.run('MATCH (n) RETURN count(n) AS n, COUNT { MATCH ()-[r]->() } AS r'));
  process.stdout.write(`graph: ${counts.records[0]?.get('n')} nodes, ${counts.records[0]?.get('r')} relationships\n`);
  const top = await readGraph(graph, (tx) =>
    tx.run(`MATCH (q:Question) WHERE q.number IS NOT NULL WITH q, COUNT { (q)--() } AS degree ORDER BY degree DESC, q.number LIMIT 1 RETURN q.number AS number, q.id AS id`),
  );
  const centre: Centre = { number: String(top.records[0]?.get('number')), id: String(top.records[0]?.get('id')) };
  const mix = apiCases(centre);

  const env = { GRAAFWERK_LOG_LEVEL: 'error', PORT: '0' };
  const api = await startChild(process.execPath, ['bin/graafwerk.js', 'serve'], env);
  const bare = await startChild(process.execPath, ['--import', 'tsx', 'test/bench/cypher-server.ts'], { ...env, BENCH_CENTRE: JSON.stringify(centre) });
  const graphqlUrl = `${api.url}/graphql`;
  try {
    for (const c of mix) await checkSameAnswer(c, graphqlUrl, bare.url, graph);
    process.stdout.write(`every query of the mix gives the same answer, in the same order where the query defines one, through GraphQL and as hand-written Cypher (question ${centre.number})\n`);
    process.stdout.write(
      `API and bare Cypher server in processes of their own; ${WARM_UP_SECONDS} s warm-up per target, then ${ROUNDS} interleaved rounds of ${SECONDS} s per target; latencies in ms\n`,
    );
    process.stdout.write(
      'query                    clients | GraphQL over HTTP p50/p95/p99 req/s | Cypher in process p50/p95/p99 req/s | Cypher over HTTP p50/p95/p99 req/s | GraphQL/Cypher p50, p95: in process; over HTTP\n',
    );
    const verdicts: string[] = [];
    const cpuLines: string[] = [];
    for (const c of mix) {
      const body = JSON.stringify(c.graphql);
      const bareUrl = `${bare.url}/${encodeURIComponent(c.name)}`;
      const targets = [
        (n: number, s: number) => loadHttp(graphqlUrl, body, n, s),
        (n: number, s: number) => loadCypher(graph, c.cypher, n, s),
        (n: number, s: number) => loadHttp(bareUrl, '{}', n, s),
      ];
      for (const run of targets) await run(1, WARM_UP_SECONDS);
      // Server CPU per answer, for the two HTTP targets: the GraphQL API and the bare Cypher server.
      const servers = [api.child.pid, undefined, bare.child.pid];
      for (const clients of [1, 32]) {
        const runs = targets.map(() => ({ latencies: [] as number[], errors: 0, cpu: 0 as number | null }));
        for (let round = 0; round < ROUNDS; round++)
          for (const [i, run] of targets.entries()) {
            const before = cpuMs(servers[i]);
            const r = await run(clients, SECONDS);
            const after = cpuMs(servers[i]);
            runs[i]!.latencies.push(...r.latencies);
            runs[i]!.errors += r.errors;
            runs[i]!.cpu = before === null || after === null || runs[i]!.cpu === null ? null : runs[i]!.cpu! + after - before;
          }
        const perAnswer = (i: number) => (runs[i]!.cpu === null ? 'n/a' : (runs[i]!.cpu! / Math.max(1, runs[i]!.latencies.length)).toFixed(2));
        cpuLines.push(`${c.name.padEnd(24)} ${String(clients).padStart(7)} | GraphQL ${perAnswer(0)} ms | bare Cypher ${perAnswer(2)} ms`);
        const [http, cypher, cypherHttp] = runs.map((r) => stats(r.latencies, ROUNDS * SECONDS, r.errors)) as [Stats, Stats, Stats];
        const row = (r: Stats) => `${fmt(r.p50)}${fmt(r.p95)}${fmt(r.p99)} ${fmt(r.rps)}${r.errors ? ` (${r.errors} errors)` : ''}`;
        const ratio = (a: number, b: number) => (a / b).toFixed(2);
        process.stdout.write(
          `${c.name.padEnd(24)} ${String(clients).padStart(7)} | ${row(http)} | ${row(cypher)} | ${row(cypherHttp)} | ${ratio(http.p50, cypher.p50)}x ${ratio(http.p95, cypher.p95)}x; ${ratio(http.p50, cypherHttp.p50)}x ${ratio(http.p95, cypherHttp.p95)}x\n`,
        );
        if (clients === 1) verdicts.push(`${c.name}: p95 ${http.p95.toFixed(1)} ms ${http.p95 <= 50 ? '≤' : '>'} 50 ms`);
        verdicts.push(`${c.name} at ${clients}: p95 over HTTP ${ratio(http.p95, cypherHttp.p95)}x ${http.p95 / cypherHttp.p95 <= RATIO_TARGET ? '≤' : '>'} ${RATIO_TARGET}x`);
      }
    }
    process.stdout.write(`server CPU per answer (user + system, all threads of the server process):\n  ${cpuLines.join('\n  ')}\n`);
    process.stdout.write(`targets:\n  ${verdicts.join('\n  ')}\n`);
  } finally {
    api.child.kill('SIGTERM');
    bare.child.kill('SIGTERM');
    await graph.driver.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:api failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
