/**
 * bench:floor: what graphql-yoga itself costs per request over HTTP, before any code of the API
 * runs. The answer of bench:api's question query is served as a constant twice, each server in a
 * process of its own: by graphql-yoga (one resolver returning the answer, the query parsed,
 * validated and executed as the API's are) and by a bare Node server sending the same JSON. Both
 * are driven by autocannon at 1 and at 32 clients; prints p50/p95/p99, requests per second and,
 * at one client, yoga's time per request beyond the bare server's. No database is involved.
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadHttp, startChild, stats } from './http-load.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP_SECONDS = 5;

const QUERY = `query($n: String!) { question(number: $n) { number subject submittedAt dueAt status daysLate askedBy { role person { name } party { abbreviation } } addressedTo { title } answers { koopId receivedAt } } }`;
const BODY = JSON.stringify({ query: QUERY, variables: { n: '2022Z04510' } });
/** The question's answer as bench:api's graph gives it. */
const ANSWER = {
  number: '2022Z04510',
  subject: "Het gebruik van omstreden Chinese bewakingscamera's door de Nederlandse overheid en politie",
  submittedAt: '2022-03-10',
  dueAt: '2022-03-31',
  status: 'ANSWERED_LATE',
  daysLate: 69,
  askedBy: [
    { role: 'Indiener', person: { name: 'Hind Dekker-Abdulaziz' }, party: { abbreviation: 'D66' } },
    { role: 'Medeindiener', person: { name: 'Lisa van Ginneken' }, party: { abbreviation: 'D66' } },
  ],
  addressedTo: [{ title: 'minister van Binnenlandse Zaken en Koninkrijksrelaties' }, { title: 'minister van Justitie en Veiligheid' }],
  answers: [{ koopId: 'ah-tk-20212022-3019', receivedAt: '2022-06-08' }],
};
const TYPE_DEFS = `type Query { question(number: String!): Question }
type Question { number: String subject: String submittedAt: String dueAt: String status: String daysLate: Int askedBy: [Asker] addressedTo: [Office] answers: [Answer] }
type Asker { role: String person: Person party: Party }
type Person { name: String }
type Party { abbreviation: String }
type Office { title: String }
type Answer { koopId: String receivedAt: String }`;

/** The server this process is asked to be: `yoga` or `bare`; prints its URL. */
async function serve(kind: string): Promise<void> {
  let listener: RequestListener;
  if (kind === 'yoga') {
    const { createSchema, createYoga } = await import('graphql-yoga');
    // As the API sets it up where it matters per request: no batching, no counting stream over the body.
    const schema = createSchema({ typeDefs: TYPE_DEFS, resolvers: { Query: { question: () => ANSWER } } });
    const yoga = createYoga({ schema, batching: false, maxRequestBodySize: false, graphiql: false, landingPage: false, logging: false });
    listener = (req, res) => void yoga(req, res);
  } else {
    const json = JSON.stringify({ data: { question: ANSWER } });
    listener = (req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(json));
    };
  }
  const server = createServer(listener);
  server.listen(0, '127.0.0.1', () => process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}\n`));
}

async function main(): Promise<void> {
  const start = async (name: string, kind: string) => ({ name, ...(await startChild(process.execPath, [...process.execArgv, process.argv[1]!, kind], { NODE_ENV: 'production' })) });
  const servers = [await start('yoga, constant answer', 'yoga'), await start('bare Node, constant answer', 'bare')];
  try {
    const answers = await Promise.all(servers.map(async (s) => (await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY })).text()));
    if (answers[0] !== answers[1]) throw new Error(`the two servers answer differently:\n${answers.join('\n')}`);
    for (const s of servers) await loadHttp(`${s.url}/graphql`, BODY, 1, WARM_UP_SECONDS);
    process.stdout.write(`the question's answer as a constant, over HTTP; ${ROUNDS} interleaved rounds of ${SECONDS} s after ${WARM_UP_SECONDS} s of warm-up; latencies in ms\n`);
    for (const clients of [1, 32]) {
      const runs = servers.map(() => ({ latencies: [] as number[], errors: 0 }));
      for (let round = 0; round < ROUNDS; round++)
        for (const [i, s] of servers.entries()) {
          const r = await loadHttp(`${s.url}/graphql`, BODY, clients, SECONDS);
          for (const latency of r.latencies) runs[i]!.latencies.push(latency);
          runs[i]!.errors += r.errors;
        }
      const all = runs.map((r) => stats(r.latencies, ROUNDS * SECONDS, r.errors));
      for (const [i, s] of servers.entries()) {
        const r = all[i]!;
        process.stdout.write(
          `${String(clients).padStart(3)} clients | ${s.name.padEnd(26)} | p50 ${r.p50.toFixed(2)} p95 ${r.p95.toFixed(2)} p99 ${r.p99.toFixed(2)} | ${r.rps.toFixed(0)} req/s${r.errors ? ` (${r.errors} errors)` : ''}\n`,
        );
      }
      if (clients === 1) process.stdout.write(`yoga's own time per request at one client: ${((1 / all[0]!.rps - 1 / all[1]!.rps) * 1e6).toFixed(0)} µs beyond the bare server's\n`);
    }
  } finally {
    for (const s of servers) s.child.kill('SIGTERM');
  }
}

if (process.argv[2]) await serve(process.argv[2]);
else await main();
