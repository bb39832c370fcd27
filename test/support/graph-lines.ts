import { sha256 } from '../../src/model/ids.js';
import { readRows, type Graph } from '../../src/neo4j/driver.js';

export interface GraphLinesOptions {
  /** Properties left out (e.g. the stamps of when a write saw the data). */
  ignore?: readonly string[];
  /** List properties compared as sets (e.g. `sources`, whose order follows the order of ingest). */
  asSets?: readonly string[];
}

/** Keys sorted at every depth; ignored properties dropped and set-like lists sorted, at the top of each node and edge. */
function stable(value: unknown, options: GraphLinesOptions): unknown {
  if (Array.isArray(value)) return value.map((v) => stable(v, options));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !options.ignore?.includes(k))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, options.asSets?.includes(k) && Array.isArray(v) ? [...v].sort() : stable(v, options)]),
  );
}

/** Every node (its labels and properties) and edge (type, endpoint ids, properties) as one sorted JSON line each. */
export async function graphLines(graph: Graph, options: GraphLinesOptions = {}): Promise<string[]> {
  const items = await readRows<{ line: unknown }>(
    graph,
    `MATCH (n) RETURN [labels(n), properties(n)] AS line
     UNION ALL
     MATCH (a)-[r]->(b) RETURN [type(r), a.id, b.id, properties(r)] AS line`,
  );
  return items.map((i) => JSON.stringify(stable(i.line, options))).sort();
}

/** Node counts per label, edge counts per type, and a checksum over graphLines. */
export async function graphFingerprint(graph: Graph, options: GraphLinesOptions = {}): Promise<{ nodes: unknown[]; edges: unknown[]; checksum: string }> {
  const nodes = await readRows(graph, 'MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n ORDER BY label');
  const edges = await readRows(graph, 'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type');
  return { nodes, edges, checksum: sha256((await graphLines(graph, options)).join('\n')) };
}
