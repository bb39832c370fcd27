import { EDGE_TYPES, NODE_LABELS } from '../../model/kinds.js';
import { SEARCH_INDEX } from '../schema.js';
import { project, visible } from './nodes.js';

/** Node counts per label (deleted excluded) and edge counts per type, from the count store where possible. */
export const statsCypher = `CALL () {
${NODE_LABELS.map((l) => `  MATCH (n:${l}) WITH count(n) AS all RETURN 'node' AS kind, '${l}' AS name, all - COUNT { MATCH (d:${l}) WHERE d.deleted = true } AS count`).join('\n  UNION ALL\n')}
  UNION ALL
${EDGE_TYPES.map((t) => `  MATCH ()-[r:${t}]->() RETURN 'edge' AS kind, '${t}' AS name, count(r) AS count`).join('\n  UNION ALL\n')}
}
RETURN kind, name, count`;

/** Full-text search with a prepared Lucene query. Params: $query, $types (null = any), $fetch, $first. */
export const searchCypher = `CALL db.index.fulltext.queryNodes('${SEARCH_INDEX}', $query, {limit: $fetch}) YIELD node, score
WHERE ${visible('node')} AND ($types IS NULL OR labels(node)[0] IN $types)
RETURN ${project('node')} AS node, labels(node)[0] AS type, score
ORDER BY score DESC LIMIT $first`;

/** The element id of a visible node by its id, whatever its label. Params: $id. */
export const elementByIdCypher = `CALL () {
${NODE_LABELS.filter((l) => l !== 'Source').map((l) => `  MATCH (n:${l} {id: $id}) RETURN n`).join('\n  UNION\n')}
}
WITH n WHERE ${visible('n')}
RETURN elementId(n) AS eid, ${project('n')} AS node LIMIT 1`;

/** One level of a neighbourhood walk. Params: $frontier (element ids), $cap. */
export const expandCypher = `UNWIND $frontier AS eid
MATCH (a) WHERE elementId(a) = eid
MATCH (a)-[r]-(b) WHERE NOT b:Source AND ${visible('b')}
RETURN elementId(b) AS bid, ${project('b')} AS node, type(r) AS type, startNode(r).id AS source, endNode(r).id AS target,
  properties(r) AS rel
LIMIT $cap`;

/**
 * Shortest and alternative paths between two nodes; the hop bound and path count are validated
 * integers spliced in because Cypher takes no parameter there. Params: $from, $to (element ids).
 */
export function pathsCypher(maxHops: number, k: number): string {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 6) throw new RangeError(`maxHops out of range: ${maxHops}`);
  if (!Number.isInteger(k) || k < 1 || k > 20) throw new RangeError(`path count out of range: ${k}`);
  return `MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
MATCH p = SHORTEST ${k} (a) (()-[]-(x) WHERE NOT x:Source AND ${visible('x')}){1,${maxHops}} (b)
RETURN [n IN nodes(p) | ${project('n')}] AS nodes,
  [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r)}] AS rels
ORDER BY length(p)`;
}
