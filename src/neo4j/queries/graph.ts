import { EDGE_TYPES, NODE_LABELS } from '../../model/kinds.js';
import { anyLabelById, listed, visible } from './nodes.js';

/** Node counts per label, as the lists count them (`listed`), and edge counts per type (0 included), from the count store where possible. */
export const statsCypher = `CALL () {
${NODE_LABELS.map((l) => `  MATCH (n:${l}) WITH count(n) AS all RETURN 'node' AS kind, '${l}' AS name, all - COUNT { MATCH (d:${l}) WHERE NOT (${listed('d')}) } AS count`).join('\n  UNION ALL\n')}
  UNION ALL
${EDGE_TYPES.map((t) => `  MATCH ()-[r:${t}]->() WITH count(r) AS count RETURN 'edge' AS kind, '${t}' AS name, count`).join('\n  UNION ALL\n')}
}
RETURN kind, name, count`;

/** The element id of a visible node by its id, whatever its label. Params: $id. */
export const elementByIdCypher = `${anyLabelById('$id')}
WITH n WHERE ${visible('n')}
RETURN elementId(n) AS eid LIMIT 1`;

/** Properties a visualisation node's display label is taken from, in this order; its id when none is a non-empty string. */
const DISPLAY_LABEL_PROPERTIES = ['name', 'title', 'subject', 'number', 'abbreviation', 'koopId'] as const;

/** A node of a visualisation subgraph: id, type, display label and, when asked for, every stored property (see toGraphNode). */
function graphNode(x: string, withProperties: boolean): string {
  const candidates = DISPLAY_LABEL_PROPERTIES.map((p) => `${x}.${p}`).join(', ');
  const label = `coalesce(head([v IN [${candidates}] WHERE v IS :: STRING NOT NULL AND v <> '']), ${x}.id)`;
  // `x {.*}`, not properties(x): Neo4j 5.26 fails to plan properties(x) beside x.name in one list comprehension (a ClassCastException).
  return `{id: ${x}.id, type: labels(${x})[0], label: ${label}${withProperties ? `, properties: ${x} {.*}` : ''}}`;
}

/**
 * One level of the walk: the frontier's neighbours, up to $cap relationships read; those not yet
 * kept, each once, join the nodes up to $limit (binds nodes, frontier, cut). `b IN nodes` tests a
 * list that stays the same over the level, which Neo4j checks through a set; a reduce growing the
 * list node by node copied it at every step (quadratic: 32 ms against 18 ms at limit 500).
 */
const neighborhoodLevel = `CALL (frontier, nodes) {
  UNWIND frontier AS a
  MATCH (a)-[]-(b) WHERE NOT b:Source AND ${visible('b')}
  WITH b LIMIT $cap
  WITH collect(b) AS found
  CALL (found, nodes) {
    UNWIND found AS b
    WITH DISTINCT b WHERE NOT b IN nodes
    RETURN collect(b) AS fresh
  }
  RETURN size(found) >= $cap AS full, fresh
}
WITH nodes, fresh[..$limit - size(nodes)] AS kept, cut OR full OR size(fresh) > $limit - size(nodes) AS cut
WITH nodes + kept AS nodes, kept AS frontier, cut`;

/**
 * The subgraph around a node in one query: breadth first, `depth` levels (a validated integer
 * spliced in, 1 to 3), at most $limit nodes, each level read up to $cap relationships; then every
 * relationship between two of those nodes, not only those the walk came by (an answer's
 * ANSWERED_BY to a minister both reached from the question), at most $edgeCap. `truncated` tells
 * whether nodes or edges were cut. The nodes are visible and not Source, so these edges are too (the
 * writer removes a deleted edge). Nodes carry their stored properties and edges all of theirs, or
 * when `nodeProperties`/`edgeProperties` is false only what their ids and labels need. Params: $id,
 * $limit, $cap, $edgeCap.
 */
export function neighborhoodCypher(depth: number, nodeProperties = true, edgeProperties = true): string {
  if (!Number.isInteger(depth) || depth < 1 || depth > 3) throw new RangeError(`depth out of range: ${depth}`);
  return `${anyLabelById('$id')}
WITH n WHERE ${visible('n')} LIMIT 1
WITH [n] AS nodes, [n] AS frontier, false AS cut
${Array.from({ length: depth }, () => neighborhoodLevel).join('\n')}
CALL (nodes) {
  UNWIND nodes AS x
  MATCH (x)-[r]->(y) WHERE y IN nodes
  WITH r LIMIT $edgeCap + 1
  RETURN collect(r) AS rels
}
RETURN [x IN nodes | ${graphNode('x', nodeProperties)}] AS nodes, cut OR size(rels) > $edgeCap AS truncated,
  [r IN rels[..$edgeCap] | {type: type(r), source: startNode(r).id, target: endNode(r).id, rel: ${edgeProperties ? 'properties(r)' : '{key: r.key}'}}] AS edges`;
}

/** How weakly a relationship ties its nodes: a mention found in a text (0 a stated relationship, 1 a MENTIONS). */
const weakness = (r: string): string => `CASE type(${r}) WHEN 'MENTIONS' THEN 1 ELSE 0 END`;

/**
 * Shortest and alternative paths between two nodes, shortest first: simple paths (no node twice, so
 * no route that goes to the minister and comes back) and distinct routes, a route being its sequence
 * of nodes. Where two nodes are tied by more than one relationship (a person's MEMBER_OF a party once
 * per period, an answer ANSWERED_BY a person it also MENTIONS), one stands for all: a stated
 * relationship before a mention, then the lowest element id. Both rules are written in the
 * parenthesised pattern, so SHORTEST selects among the paths that keep them (a WHERE after the
 * pattern filters the k paths already selected and leaves fewer). Neo4j 5.26 checks `x <> a` at each
 * hop of the search and the rest on each path it finds; binding the two nodes of a hop with WITH makes
 * the check of their relationships an expand-into, not a scan. The search ends at the hop bound or the
 * query's time limit. A SAME_AS edge is no hop: it is a guess that two nodes are one (awaiting review
 * or decided), not a relationship a document states. The hop bound and path count are validated
 * integers spliced in because Cypher takes no parameter there. Params: $from, $to (element ids of two
 * different nodes).
 */
export function pathsCypher(maxHops: number, k: number): string {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 6) throw new RangeError(`maxHops out of range: ${maxHops}`);
  if (!Number.isInteger(k) || k < 1 || k > 20) throw new RangeError(`path count out of range: ${k}`);
  return `MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
MATCH p = SHORTEST ${k} ((a) ((y)-[r:!SAME_AS]-(x) WHERE x <> a AND NOT x:Source AND ${visible('x')}){1,${maxHops}} (b)
  WHERE all(i IN range(0, size(x) - 2) WHERE NOT x[i] IN x[i + 1..])
    AND all(i IN range(0, size(r) - 1) WHERE NOT EXISTS {
      WITH y[i] AS s, r[i] AS e, x[i] AS t
      MATCH (s)-[q:!SAME_AS]-(t) WHERE q <> e AND (${weakness('q')} < ${weakness('e')} OR (${weakness('q')} = ${weakness('e')} AND elementId(q) < elementId(e))) }))
RETURN [n IN nodes(p) | ${graphNode('n', true)}] AS nodes,
  [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r)}] AS rels
ORDER BY length(p)`;
}
