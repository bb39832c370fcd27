import type { Config } from '../../src/config.js';
import { startServer } from '../../src/graphql/app.js';
import { warmUp } from '../../src/graphql/warm-up.js';
import { connectGraph, type Graph } from '../../src/neo4j/driver.js';
import { parseCommand } from './args.js';

const USAGE = `usage: graafwerk serve

Serves the GraphQL API (GraphiQL in the browser), /healthz, /export/… and the explorer over a
running Neo4j at http://localhost:$PORT/ (PORT, default 4000), until Ctrl-C or SIGTERM.
`;

/** Serves the API over `graph` until SIGINT or SIGTERM, then closes the server; `announce` gets its base URL. */
export async function serveUntilSignal(graph: Graph, config: Config, announce: (url: string) => void): Promise<void> {
  const server = await startServer(graph, config);
  announce(server.url);
  // In the background: the API answers meanwhile, only the first queries of a cold Neo4j are slower.
  void warmUp(server.url);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
}

/** `graafwerk serve`: the GraphQL API (GraphiQL in the browser), /healthz, /export/…, until SIGINT or SIGTERM. */
export async function serveCommand(configOf: () => Config, args: string[]): Promise<number> {
  parseCommand(args, USAGE, {}, 0);
  const config = configOf();
  const graph = await connectGraph(config);
  try {
    // Where it serves is the command's answer, printed whatever the log level.
    await serveUntilSignal(graph, config, (url) => process.stderr.write(`graafwerk serves ${url}/graphql (GraphiQL in the browser) and ${url}/healthz. Ctrl-C stops.\n`));
    return 0;
  } finally {
    await graph.driver.close();
  }
}
