import type { Config } from '../../src/config.js';
import { connectGraph } from '../../src/neo4j/driver.js';
import { startServer } from '../../src/graphql/app.js';

/** `graafwerk serve`: the GraphQL API (GraphiQL in the browser), /healthz, /export/…, until SIGINT or SIGTERM. */
export async function serveCommand(config: Config, args: string[]): Promise<number> {
  if (args.length > 0) {
    process.stderr.write('usage: graafwerk serve   (the port comes from PORT)\n');
    return 1;
  }
  const graph = await connectGraph(config);
  const server = await startServer(graph, config);
  process.stderr.write(`${JSON.stringify({ level: 'info', msg: 'serving the API', graphql: `${server.url}/graphql`, healthz: `${server.url}/healthz` })}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await graph.driver.close();
  return 0;
}
