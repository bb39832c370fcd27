import type { Config } from '../../src/config.js';
import type { FragmentBody } from '../../src/model/fragment.js';
import { sha256 } from '../../src/model/ids.js';
import { readRows, type Graph } from '../../src/neo4j/driver.js';
import { GraphWriter } from '../../src/neo4j/writer.js';

/**
 * Writes what graafwerk derives itself (the company registry, name resolution) as a fragment of a
 * Source addressed by its content, once: the same content again is already recorded, and writing
 * it again would only move lastSeen. Returns whether it wrote.
 */
export async function writeDerivedFragment(graph: Graph, config: Config, origin: { url: string; parser: string }, body: FragmentBody): Promise<boolean> {
  if (body.nodes.length + body.edges.length + body.tombstones.length === 0) return false;
  const id = sha256(JSON.stringify(body));
  const [seen] = await readRows(graph, 'MATCH (s:Source {id: $id}) RETURN 1 AS hit', { id });
  if (seen) return false;
  const source = { id, url: origin.url, fetchedAt: new Date().toISOString(), parser: origin.parser, parserVersion: '1' };
  await new GraphWriter(graph, { batchSize: config.writeBatchSize, concurrency: config.writeConcurrency }).write([{ source, ...body }]);
  return true;
}
