import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { connectGraph, type Graph } from '../../src/neo4j/driver.js';
import { applySchema, clearGraph } from '../../src/neo4j/schema.js';

/**
 * Gives an integration test file a real Neo4j with the schema applied and an empty graph.
 * `npm test` starts the local Neo4j and sets NEO4J_URI; the files run one after another.
 */
export function useGraph(): { graph: () => Graph } {
  let graph: Graph | undefined;
  beforeAll(async () => {
    if (!process.env.NEO4J_URI) throw new Error('NEO4J_URI is not set: run the tests with `npm test`, which starts Neo4j');
    graph = await connectGraph(loadConfig());
    await applySchema(graph);
    await clearGraph(graph);
  });
  afterAll(async () => {
    await graph?.driver.close();
  });
  return {
    graph: () => {
      if (!graph) throw new Error('the graph is not connected yet');
      return graph;
    },
  };
}
