import type { Config } from '../../src/config.js';
import { connectGraph } from '../../src/neo4j/driver.js';
import { applySchema } from '../../src/neo4j/schema.js';
import { startServer } from '../../src/graphql/server.js';
import { loadDemo } from '../demo/load-demo.js';
import { withDatabase } from './db.js';
import { ensureWebBuilt } from './web-build.js';

const say = (msg: string): void => void process.stderr.write(`${msg}\n`);

/**
 * `graafwerk start` (npm start): the local Neo4j unless NEO4J_URI is set, the schema, the demo data
 * when the graph is empty, and the API, until Ctrl-C.
 */
export async function startCommand(config: Config): Promise<number> {
  return withDatabase(config, async (env) => {
    const graph = await connectGraph({ ...config, neo4jUri: env.NEO4J_URI ?? config.neo4jUri });
    try {
      try {
        ensureWebBuilt();
      } catch (error) {
        say(`the explorer could not be built (${(error as Error).message}); the API still serves /graphql`);
      }
      await applySchema(graph);
      const loaded = await loadDemo(graph, config);
      say(loaded ? `demo data loaded: ${loaded}` : 'the graph has data already; the demo data was not loaded');
      const server = await startServer(graph, config);
      say(`graafwerk serves http://localhost:${new URL(server.url).port}/ (the explorer) and /graphql (GraphQL; GraphiQL in the browser). Ctrl-C stops.`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      say('stopping');
      await server.close();
      return 0;
    } finally {
      await graph.driver.close();
    }
  });
}
