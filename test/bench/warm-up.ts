import type { Graph } from '../../src/neo4j/driver.js';
import { clearGraph } from '../../src/neo4j/schema.js';

/**
 * Runs the measured work once unmeasured and empties the graph again: a freshly started Neo4j (the
 * benches start their own) runs its first minute cold, before the JVM has compiled the write path.
 */
export async function warmUp(graph: Graph, work: () => Promise<unknown>): Promise<void> {
  const start = performance.now();
  await work();
  await clearGraph(graph);
  console.log(`warm-up run (not measured): ${((performance.now() - start) / 1000).toFixed(1)} s`);
}
