/**
 * A bare Node HTTP server for bench:api: POST /<case> answers with that case's hand-written
 * Cypher result as JSON, so the GraphQL API can be compared with HTTP on both sides. The centre of
 * the mix comes in BENCH_CENTRE (JSON); the server prints its URL on its first line.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config.js';
import { runAsServer } from '../../src/graphql/server-process.js';
import { connectGraph } from '../../src/neo4j/driver.js';
import { apiCases, type Centre } from './api-cases.js';

// As the API server it is compared with runs.
runAsServer();
const graph = await connectGraph(loadConfig());
const cases = new Map(apiCases(JSON.parse(process.env.BENCH_CENTRE ?? '{}') as Centre).map((c) => [`/${encodeURIComponent(c.name)}`, c]));
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const c = cases.get(req.url ?? '');
    if (!c) return void res.writeHead(404).end();
    c.cypher(graph).then(
      (answer) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer)),
      (error: unknown) => res.writeHead(500).end(String(error)),
    );
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}\n`));
process.once('SIGTERM', () => {
  server.close();
  void graph.driver.close();
});
