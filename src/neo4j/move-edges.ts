import { EDGE_KINDS, EDGE_TYPES, isNodeLabel, type NodeLabel } from '../model/kinds.js';
import { joinProvenance } from './cypher.js';
import type { ManagedTransaction } from './driver.js';

/** A label read back from the graph, checked against the model before it reaches Cypher. */
export function modelLabel(label: string): NodeLabel {
  if (!isNodeLabel(label)) throw new Error(`not a label of the model: ${JSON.stringify(label)}`);
  return label;
}

/** The edges a label can have, from the model table (never from input): type and direction; SAME_AS stays where it is. */
const edgesOf = (label: NodeLabel): { type: string; out: boolean }[] =>
  EDGE_TYPES.filter((t) => t !== 'SAME_AS').flatMap((type) => [
    ...((EDGE_KINDS[type].from as readonly string[]).includes(label) ? [{ type, out: true }] : []),
    ...((EDGE_KINDS[type].to as readonly string[]).includes(label) ? [{ type, out: false }] : []),
  ]);

/**
 * How a moved edge `r` joins the edge `r2` it lands on: a new one takes its properties; one already
 * there keeps its own (a record of the Tweede Kamer may have stated it, with a version) and gains
 * what it lacks, and the provenance of both (sources, first and last seen) is joined.
 */
export const JOIN_MOVED_EDGE = `ON CREATE SET r2 = properties(r)
ON MATCH SET ${joinProvenance('r2', 'coalesce(r.sources, [])', 'r.firstSeen', 'r.lastSeen')}
FOREACH (k IN [k IN keys(r) WHERE r2[k] IS NULL] | SET r2[k] = r[k])
DELETE r`;

/**
 * Moves every edge but SAME_AS of node `fromId` to node `toId` of the same label, in the caller's
 * transaction. A keyed edge stays keyed; an unkeyed one merges as the GraphWriter merges it (no
 * key), so a second description of the same relationship joins it instead of doubling it
 * (JOIN_MOVED_EDGE). Only the directions the model allows the label are looked at.
 */
export async function moveEdges(tx: ManagedTransaction, label: NodeLabel, fromId: string, toId: string): Promise<void> {
  const l = modelLabel(label);
  const params = { from: fromId, to: toId };
  for (const { type, out } of edgesOf(l)) {
    const match = out ? `(n:${l} {id: $from})-[r:${type}]->(m)` : `(m)-[r:${type}]->(n:${l} {id: $from})`;
    const edge = (keyed: boolean) =>
      out ? `(p)-[r2:${type}${keyed ? ' {key: r.key}' : ''}]->(m)` : `(m)-[r2:${type}${keyed ? ' {key: r.key}' : ''}]->(p)`;
    const keyed = `MATCH ${match} WHERE r.key IS NOT NULL AND r.key <> '' MATCH (p:${l} {id: $to}) MERGE ${edge(true)} ${JOIN_MOVED_EDGE}`;
    await tx.run(keyed, params);
    await tx.run(`MATCH ${match} WHERE coalesce(r.key, '') = '' MATCH (p:${l} {id: $to}) MERGE ${edge(false)} ${JOIN_MOVED_EDGE}`, params);
  }
}
