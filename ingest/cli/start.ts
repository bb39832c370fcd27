import type { Config } from '../../src/config.js';
import { connectGraph } from '../../src/neo4j/driver.js';
import { applySchema } from '../../src/neo4j/schema.js';
import { loadDemo } from '../demo/load-demo.js';
import { parseCommand } from './args.js';
import { withDatabase } from './db.js';
import { serveUntilSignal } from './serve.js';
import { ensureWebBuilt } from './web-build.js';

const USAGE = `usage: graafwerk start

Starts the local Neo4j (unless NEO4J_URI is set), applies the schema, loads the demo data when the
graph is empty and serves the API and the explorer at http://localhost:$PORT/ (PORT, default 4000),
until Ctrl-C, which also stops the Neo4j it started.
`;

const say = (msg: string): void => void process.stderr.write(`${msg}\n`);

/**
 * `graafwerk start` (npm start): the local Neo4j unless NEO4J_URI is set, the schema, the demo data
 * when the graph is empty, and the API, until Ctrl-C.
 */
export async function startCommand(configOf: () => Config, args: string[]): Promise<number> {
  parseCommand(args, USAGE, {}, 0);
  const config = configOf();
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
      await serveUntilSignal(graph, config, (url) =>
        say(`graafwerk serves http://localhost:${new URL(url).port}/ (the explorer) and /graphql (GraphQL; GraphiQL in the browser). Ctrl-C stops.`),
      );
      say('stopped');
      return 0;
    } finally {
      await graph.driver.close();
    }
  });
}
