/**
 * bench:api: ingests ../shared/corpus/tk (and the case 2022Z04510), starts the API as `graafwerk
 * serve` does (its own process), checks that each query of the mix gives the same answer as its
 * hand-written Cypher, then runs the mix at 1 and at 32 clients against four targets, interleaved
 * round by round after an unmeasured warm-up that lasts until each target stops getting faster, in
 * two like-for-like pairs:
 * - in this process, no HTTP on either side: the API's fetch handler (yoga's whole request
 *   pipeline: body, parse, validate, execute, serialise) against the hand-written Cypher through
 *   the driver;
 * - over HTTP, each in a process of its own, driven by autocannon: the API as `graafwerk serve`
 *   runs it against a bare Node server answering with the same Cypher.
 * Prints p50/p95/p99 and requests per second, the ratios against the 1.3× target, and the CPU
 * time each server process spends per answer.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { loadConfig } from '../../src/config.js';
import { createApp, type App } from '../../src/graphql/app.js';
import { runAsServer } from '../../src/graphql/server-process.js';
import { connectGraph, readRows, type Graph } from '../../src/neo4j/driver.js';
import { applySchema, clearGraph } from '../../src/neo4j/schema.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { createCaseFragments } from '../support/api-fixtures.js';
import { apiCases, comparable, type Case, type Centre } from './api-cases.js';
import { loadHttp, startChild, stats } from './http-load.js';

const CORPUS = '../shared/corpus/tk';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** Warm-up bounds per target (s): V8 and Neo4j's JVM tier code up over seconds; the API at one client got faster for 8–10 s. */
const WARM_UP_MIN_SECONDS = 5;
const WARM_UP_MAX_SECONDS = 30;
const RATIO_TARGET = 1.3;
/** BENCH_CASES: a comma-separated list of the mix's case names to run (all when unset), e.g. `question,search`. */
const ONLY = process.env.BENCH_CASES?.split(',').map((s) => s.trim()).filter(Boolean);

const fmt = (n: number) => n.toFixed(1).padStart(7);

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

/** One load run in this process, `connections` loops at once; `work` answers true for a good answer. */
async function loadInProcess(work: () => Promise<boolean>, connections: number, seconds: number): Promise<{ latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const t = performance.now();
        if (await work()) latencies.push(performance.now() - t);
        else errors++;
      }
    }),
  );
  return { latencies, errors };
}

/**
 * Runs a target at one client in 1 s windows until it stops getting faster: three windows in a row
 * with a mean latency no more than 3 % below the best so far. Returns the seconds it took.
 */
async function warmUp(run: (clients: number, seconds: number) => Promise<{ latencies: number[] }>): Promise<number> {
  let best = Infinity;
  let flat = 0;
  let seconds = 0;
  while (seconds < WARM_UP_MAX_SECONDS && (seconds < WARM_UP_MIN_SECONDS || flat < 3)) {
    const { latencies } = await run(1, 1);
    seconds++;
    const mean = latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length);
    if (mean < best * 0.97) [best, flat] = [mean, 0];
    else flat++;
  }
  return seconds;
}

/** A GraphQL request through the API's fetch handler, as the HTTP server would hand it over; its body text. */
async function fetchGraphql(app: App, body: string): Promise<Response> {
  return app.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }, body });
}

async function postJson(url: string, body: string): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/** Fails the bench when a query's answers differ: GraphQL in process and over HTTP, the Cypher through the driver and over HTTP. */
async function checkSameAnswer(c: Case, app: App, graphqlUrl: string, bareUrl: string, graph: Graph): Promise<void> {
  const viaGraphql = (await postJson(graphqlUrl, JSON.stringify(c.graphql))) as { data?: unknown; errors?: unknown };
  if (viaGraphql.errors) throw new Error(`${c.name} fails: ${JSON.stringify(viaGraphql.errors)}`);
  const inProcess = ((await (await fetchGraphql(app, JSON.stringify(c.graphql))).json()) as { data?: unknown }).data;
  const viaDriver = await c.cypher(graph);
  const viaBare = await postJson(`${bareUrl}/${encodeURIComponent(c.name)}`, '{}');
  const want = comparable(viaGraphql.data);
  for (const [what, got] of [['GraphQL in process', inProcess], ['Cypher through the driver', viaDriver], ['Cypher over HTTP', viaBare]] as const)
    if (!isDeepStrictEqual(comparable(JSON.parse(JSON.stringify(got))), want) || !isDeepStrictEqual(c.order(got), c.order(viaGraphql.data)))
      throw new Error(`${c.name}: ${what} answers differently from GraphQL over HTTP:\nGraphQL ${JSON.stringify(viaGraphql.data).slice(0, 2000)}\n${what} ${JSON.stringify(got).slice(0, 2000)}`);
}

async function main(): Promise<void> {
  // Both in-process targets run as a server of the API does (NODE_ENV comes from the npm script, before graphql loads).
  runAsServer();
  const config = { ...loadConfig(), logLevel: 'error' };
  const graph = await connectGraph(config);
  await applySchema(graph);
  await clearGraph(graph);
  const t0 = Date.now();
  if (existsSync(CORPUS)) {
    // By the command line, in a process of its own: this process, where the in-process targets run, keeps a heap of its own size.
    const ingest = spawnSync(process.execPath, ['bin/graafwerk.js', 'ingest', CORPUS], { env: { ...process.env, GRAAFWERK_LOG_LEVEL: 'error' }, encoding: 'utf8' });
    // Exit 2: some documents or rows were rejected (the summary counts them); the rest is in the graph.
    if (ingest.status !== 0 && ingest.status !== 2) throw new Error(`graafwerk ingest ${CORPUS} failed (${ingest.status}): ${ingest.stderr.slice(-2000)}`);
    const summary = ingest.stderr.split('\n').filter((line) => /inputs|rejected/.test(line)).map((line) => line.trim()).join('; ');
    process.stdout.write(`ingested ${CORPUS} with \`graafwerk ingest\` in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${summary}\n`);
  } else process.stdout.write(`${CORPUS} is not present: only the case fixtures are loaded\n`);
  await new GraphWriter(graph, { batchSize: 2000 }).write(createCaseFragments());
  const [counts] = await readRows<{ n: number; r: number }>(graph, 'MATCH (n) RETURN count(n) AS n, COUNT { MATCH ()-[r]->() } AS r');
  process.stdout.write(`graph: ${counts?.n} nodes, ${counts?.r} relationships\n`);
  const [top] = await readRows<{ number: string; id: string }>(
    graph,
    `MATCH (q:Question) WHERE q.number IS NOT NULL WITH q, COUNT { (q)--() } AS degree ORDER BY degree DESC, q.number LIMIT 1 RETURN q.number AS number, q.id AS id`,
  );
  const centre: Centre = { number: String(top?.number), id: String(top?.id) };
  const mix = apiCases(centre).filter((c) => !ONLY || ONLY.some((name) => c.name.startsWith(name)));
  if (mix.length === 0) throw new Error(`BENCH_CASES=${process.env.BENCH_CASES} names no case of the mix: ${apiCases(centre).map((c) => c.name).join(', ')}`);

  const env = { GRAAFWERK_LOG_LEVEL: 'error', PORT: '0' };
  const app = createApp(graph, config);
  const api = await startChild(process.execPath, ['bin/graafwerk.js', 'serve'], env);
  const bare = await startChild(process.execPath, ['--import', 'tsx', 'test/bench/cypher-server.ts'], { ...env, BENCH_CENTRE: JSON.stringify(centre) });
  const graphqlUrl = `${api.url}/graphql`;
  try {
    for (const c of mix) await checkSameAnswer(c, app, graphqlUrl, bare.url, graph);
    process.stdout.write(
      `every query of the mix gives the same answer, in the same order where the query defines one, through GraphQL (in process and over HTTP) and as hand-written Cypher (through the driver and over HTTP); question ${centre.number}\n`,
    );
    process.stdout.write(
      `each target warms up at one client until it stops getting faster (${WARM_UP_MIN_SECONDS}–${WARM_UP_MAX_SECONDS} s), then ${ROUNDS} interleaved rounds of ${SECONDS} s per target; latencies in ms\n`,
    );
    process.stdout.write(`${'query'.padEnd(24)} ${'clients'.padStart(7)} | ${'target'.padEnd(30)} |     p50     p95     p99   req/s\n`);
    const verdicts: string[] = [];
    const cpuLines: string[] = [];
    for (const c of mix) {
      const body = JSON.stringify(c.graphql);
      const bareUrl = `${bare.url}/${encodeURIComponent(c.name)}`;
      // Two like-for-like pairs: [GraphQL, Cypher] in this process (both serialised to JSON, as an answer is), and [GraphQL, Cypher] over HTTP, each server in a process of its own.
      const targets = [
        { name: 'GraphQL in process', run: (n: number, s: number) => loadInProcess(async () => (await (await fetchGraphql(app, body)).text()).startsWith('{"data"'), n, s) },
        { name: 'Cypher in process', run: (n: number, s: number) => loadInProcess(async () => JSON.stringify(await c.cypher(graph)) !== undefined, n, s) },
        { name: 'GraphQL over HTTP (serve)', run: (n: number, s: number) => loadHttp(graphqlUrl, body, n, s), pid: api.child.pid },
        { name: 'Cypher over HTTP (bare)', run: (n: number, s: number) => loadHttp(bareUrl, '{}', n, s), pid: bare.child.pid },
      ];
      const warmed = [];
      for (const t of targets) warmed.push(`${t.name} ${await warmUp(t.run)} s`);
      process.stdout.write(`${c.name}: warm-up ${warmed.join(', ')}\n`);
      for (const clients of [1, 32]) {
        const runs = targets.map(() => ({ latencies: [] as number[], errors: 0, cpu: 0 as number | null }));
        for (let round = 0; round < ROUNDS; round++)
          for (const [i, t] of targets.entries()) {
            const before = cpuMs(t.pid);
            const r = await t.run(clients, SECONDS);
            const after = cpuMs(t.pid);
            runs[i]!.latencies.push(...r.latencies);
            runs[i]!.errors += r.errors;
            runs[i]!.cpu = before === null || after === null || runs[i]!.cpu === null ? null : runs[i]!.cpu! + after - before;
          }
        const all = runs.map((r) => stats(r.latencies, ROUNDS * SECONDS, r.errors));
        for (const [i, t] of targets.entries()) {
          const r = all[i]!;
          process.stdout.write(
            `${c.name.padEnd(24)} ${String(clients).padStart(7)} | ${t.name.padEnd(30)} | ${fmt(r.p50)} ${fmt(r.p95)} ${fmt(r.p99)} ${fmt(r.rps)}${r.errors ? ` (${r.errors} errors)` : ''}\n`,
          );
        }
        const perAnswer = (i: number) => (runs[i]!.cpu === null ? 'n/a' : (runs[i]!.cpu! / Math.max(1, runs[i]!.latencies.length)).toFixed(2));
        cpuLines.push(`${c.name.padEnd(24)} ${String(clients).padStart(7)} | GraphQL ${perAnswer(2)} ms | bare Cypher ${perAnswer(3)} ms`);
        for (const [label, g, h] of [
          ['in process', all[0]!, all[1]!],
          ['over HTTP', all[2]!, all[3]!],
        ] as const) {
          const p50 = g.p50 / h.p50;
          const p95 = g.p95 / h.p95;
          const mark = (x: number) => `${x.toFixed(2)}x ${x <= RATIO_TARGET ? '≤' : '>'} ${RATIO_TARGET}x`;
          verdicts.push(`${c.name.padEnd(24)} ${String(clients).padStart(7)} | GraphQL/Cypher ${label.padEnd(10)} | p50 ${mark(p50)} | p95 ${mark(p95)}`);
        }
        if (clients === 1) verdicts.push(`${c.name.padEnd(24)} ${String(clients).padStart(7)} | GraphQL over HTTP p95 ${all[2]!.p95.toFixed(1)} ms ${all[2]!.p95 <= 50 ? '≤' : '>'} 50 ms`);
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
