import { EDGE_KINDS, NODE_KINDS, PENDING_EDGE_LABEL, REMOVED_EDGE_LABEL, isEdgeType, isKeyOf, isNodeLabel, type EdgeType, type NodeLabel } from '../model/kinds.js';

/**
 * Pure Cypher builders for the GraphWriter. Labels, relationship types and key names are
 * checked against the model before they are spliced in; every value is a parameter.
 */

export class ModelViolation extends Error {
  override name = 'ModelViolation';
}

function label(l: string): NodeLabel {
  if (!isNodeLabel(l)) throw new ModelViolation(`not a label of the model: ${JSON.stringify(l)}`);
  return l;
}
function edgeType(t: string): EdgeType {
  if (!isEdgeType(t)) throw new ModelViolation(`not a relationship type of the model: ${JSON.stringify(t)}`);
  return t;
}
function key(l: NodeLabel, k: string): string {
  if (!isKeyOf(l, k)) throw new ModelViolation(`not a unique key of ${l}: ${JSON.stringify(k)}`);
  return k;
}

/** Provenance on creation: the first source, first and last seen. `x` is the node or edge variable. */
const provenanceOnCreate = (x: string): string => `${x}.sources = [row.src], ${x}.firstSeen = row.seen, ${x}.lastSeen = row.seen`;

/**
 * Provenance on update from `sources` (a list) first seen at `first` and last seen at `last`: each
 * source joins the list once, first/last seen move outward. `x` is the node or edge variable.
 */
export const joinProvenance = (x: string, sources: string, first: string, last: string): string =>
  `${x}.sources = coalesce(${x}.sources, []) + [s IN ${sources} WHERE NOT s IN coalesce(${x}.sources, [])],
    ${x}.firstSeen = CASE WHEN ${x}.firstSeen IS NULL OR ${first} < ${x}.firstSeen THEN ${first} ELSE ${x}.firstSeen END,
    ${x}.lastSeen = CASE WHEN ${x}.lastSeen IS NULL OR ${last} > ${x}.lastSeen THEN ${last} ELSE ${x}.lastSeen END`;

/** Provenance on update from one row: its source, seen at row.seen. */
const provenance = (x: string): string => joinProvenance(x, '[row.src]', 'row.seen', 'row.seen');

/** Whether the row is not older than the stored node or edge `x` (an older upstream version never overwrites). */
const newer = (x: string): string => `(row.version IS NULL OR ${x}.version IS NULL OR row.version >= ${x}.version)`;
const NEWER = newer('n');

/**
 * Upserts nodes of one label; rows: {target, id, provisional, props, version, src, seen}, where a
 * missing target is the id and a missing provisional or version reads as null. A new
 * node takes the row as it is; a stored one only from a row that is not older, and stays
 * provisional only while every row that describes it is. A property that a versioned source (the
 * Tweede Kamer's records) has given belongs to it: a row without a version (an official
 * publication) sets only the other properties (n.versionedKeys lists the owned ones), so the stored
 * values do not depend on which source came first. n.version is set last: the other expressions
 * compare against the stored one.
 */
export function upsertNodesCypher(l: string): string {
  const L = label(l);
  const ifNewer = (then: string, otherwise: string) => `CASE WHEN ${NEWER} THEN ${then} ELSE ${otherwise} END`;
  return `UNWIND $rows AS row
MERGE (n:${L} {id: coalesce(row.target, row.id)})
ON CREATE SET n += row.props, n.id = row.id, n.version = row.version,
    n.versionedKeys = CASE WHEN row.version IS NOT NULL THEN keys(row.props) END,
    n.provisional = CASE WHEN row.provisional THEN true END,
    ${provenanceOnCreate('n')}
ON MATCH SET n += CASE WHEN ${NEWER} AND (row.version IS NOT NULL OR n.versionedKeys IS NULL) THEN row.props ELSE {} END,
    n.id = ${ifNewer('row.id', 'n.id')},
    n.provisional = ${ifNewer('CASE WHEN (n.stub = true OR n.provisional = true) AND row.provisional THEN true END', 'n.provisional')},
    n.stub = ${ifNewer('null', 'n.stub')},
    n.deleted = CASE WHEN ${NEWER} AND row.version IS NOT NULL THEN null ELSE n.deleted END,
    n.sources = CASE WHEN NOT ${NEWER} OR row.src IN coalesce(n.sources, []) THEN n.sources ELSE coalesce(n.sources, []) + row.src END,
    n.firstSeen = CASE WHEN ${NEWER} AND (n.firstSeen IS NULL OR row.seen < n.firstSeen) THEN row.seen ELSE n.firstSeen END,
    n.lastSeen = CASE WHEN ${NEWER} AND (n.lastSeen IS NULL OR row.seen > n.lastSeen) THEN row.seen ELSE n.lastSeen END,
    n.versionedKeys = CASE WHEN ${NEWER} AND row.version IS NOT NULL
      THEN coalesce(n.versionedKeys, []) + [k IN keys(row.props) WHERE NOT k IN coalesce(n.versionedKeys, [])] ELSE n.versionedKeys END,
    n.version = ${ifNewer('coalesce(row.version, n.version)', 'n.version')}
WITH n, row WHERE row.version IS NULL AND n.versionedKeys IS NOT NULL
FOREACH (k IN [k IN keys(row.props) WHERE NOT k IN n.versionedKeys] | SET n[k] = row.props[k])`;
}

/** Reads which existing nodes each row would join, by id and by every alternate key of the label. */
export function resolveNodesCypher(l: string): string {
  const L = label(l);
  const alternates = NODE_KINDS[L].keys.slice(1);
  const matches = alternates.map((k, i) => `OPTIONAL MATCH (a${i}:${L} {${k}: row.props.${k}})`).join('\n');
  const found = alternates.map((k, i) => `${k}: a${i}.id`).join(', ');
  return `UNWIND $rows AS row
OPTIONAL MATCH (byId:${L} {id: row.id})
${matches}
RETURN row.i AS i, byId.id AS byId, coalesce(byId.provisional, false) AS byIdProvisional, {${found}} AS byKey,
  {${alternates.map((k, i) => `${k}: coalesce(a${i}.provisional, false)`).join(', ')}} AS keyProvisional`;
}

/**
 * Marks nodes deleted without removing them or their history; rows: {id, version, src, seen}.
 * `existingOnly` marks only nodes that exist (and returns their ids); otherwise a stub is made.
 */
export function tombstoneCypher(l: string, existingOnly = false): string {
  const L = label(l);
  return `UNWIND $rows AS row
${existingOnly ? `MATCH (n:${L} {id: row.id})` : `MERGE (n:${L} {id: row.id})\nON CREATE SET n.stub = true`}
WITH n, row, row.version IS NULL OR n.version IS NULL OR row.version >= n.version AS newer
FOREACH (_ IN CASE WHEN newer THEN [1] ELSE [] END |
  SET n.deleted = true,
      n.deletedAt = coalesce(n.deletedAt, row.seen),
      n.version = coalesce(row.version, n.version),
      ${provenance('n')})
RETURN row.id AS id`;
}

/** The checked type, endpoint labels and keys of an edge shape. */
function edgeShape(type: string, fromLabel: string, fromKey: string, toLabel: string, toKey: string) {
  const T = edgeType(type);
  const F = label(fromLabel);
  const To = label(toLabel);
  if (!(EDGE_KINDS[T].from as readonly string[]).includes(F) || !(EDGE_KINDS[T].to as readonly string[]).includes(To))
    throw new ModelViolation(`${T} cannot connect ${F} to ${To}`);
  return { T, F, To, fk: key(F, fromKey), tk: key(To, toKey) };
}

/**
 * Records the deletion of upstream records stored as edges (EdgeTombstone); rows: {id, version}. The
 * deletion is kept as a RemovedEdge under the record's id (the `recordId` of the edges stored for it),
 * which upsertEdgesCypher reads, so an older row does not state the edge again; a pending edge of the
 * record that is not newer goes. removeRecordEdgesCypher removes the edges themselves.
 */
export const removeRecordsCypher = `UNWIND $rows AS row
MERGE (t:${REMOVED_EDGE_LABEL} {id: row.id})
SET t.version = CASE WHEN t.version IS NULL OR row.version > t.version THEN row.version ELSE t.version END
WITH row
OPTIONAL MATCH (p:${PENDING_EDGE_LABEL} {record: row.id})
  WHERE row.version IS NULL OR p.version IS NULL OR row.version >= p.version
DELETE p`;

/** Removes the edges of one type stored for deleted records, found by `recordId`, unless newer; rows: {id, version}. */
export function removeRecordEdgesCypher(type: string): string {
  const T = edgeType(type);
  return `UNWIND $rows AS row
MATCH ()-[r:${T} {recordId: row.id}]->()
WHERE row.version IS NULL OR r.version IS NULL OR row.version >= r.version
DELETE r`;
}

/**
 * Keeps edges whose one end is known by id only (EdgeRecord.kindOf) until a node holds that id;
 * rows: {id, fields}, fields {endId, version, record, …} replacing a stored one unless older.
 */
export const upsertPendingEdgesCypher = `UNWIND $rows AS row
MERGE (p:${PENDING_EDGE_LABEL} {id: row.id})
ON CREATE SET p += row.fields
ON MATCH SET p += CASE WHEN row.fields.version IS NULL OR p.version IS NULL OR row.fields.version >= p.version THEN row.fields ELSE {} END`;

/** How many edges are pending (from the count store, so a write checks it for free). */
export const countPendingEdgesCypher = `MATCH (p:${PENDING_EDGE_LABEL}) RETURN count(p) AS n`;

/** The pending edges waiting for any of the ids $ids, as stored. */
export const pendingEdgesForCypher = `UNWIND $ids AS endId
MATCH (p:${PENDING_EDGE_LABEL} {endId: endId})
RETURN p {.*} AS p`;

/** Deletes pending edges once written, unless a newer version of one was stored meanwhile; rows: {id, version}. */
export const deletePendingEdgesCypher = `UNWIND $rows AS row
MATCH (p:${PENDING_EDGE_LABEL} {id: row.id})
WHERE coalesce(p.version, '') <= coalesce(row.version, '')
DELETE p`;

/** Which of the ids $ids a node of the label holds. */
export function idsHeldCypher(l: string): string {
  return `MATCH (n:${label(l)}) WHERE n.id IN $ids RETURN n.id AS id`;
}

/**
 * Upserts edges of one type between two endpoint shapes; rows: {from, to, key, props, src, seen,
 * version}, a missing version read as null. `keyed` edges may run in parallel
 * between the same two nodes and are told apart by their key. A stored edge takes properties only
 * from a row that is not older; one a versioned record stated takes from a row without a version
 * only what it lacks (as a node keeps its versionedKeys). r.version is set last, as n.version is. A
 * row stored for a record (props.recordId) no newer than that record's deletion (see removeRecordsCypher)
 * is left out; other edges, mentions among them, skip that lookup.
 */
export function upsertEdgesCypher(type: string, fromLabel: string, fromKey: string, toLabel: string, toKey: string, keyed = true): string {
  const { T, F, To, fk, tk } = edgeShape(type, fromLabel, fromKey, toLabel, toKey);
  const stub = (x: string, k: string, v: string) =>
    `ON CREATE SET ${x}.id = ${v}, ${x}.stub = true${k === 'id' ? '' : `, ${x}.provisional = true`}`;
  return `UNWIND $rows AS row
WITH row WHERE row.props.recordId IS NULL OR NOT EXISTS { MATCH (t:${REMOVED_EDGE_LABEL} {id: row.props.recordId}) WHERE t.version >= row.version }
MERGE (a:${F} {${fk}: row.from})
${stub('a', fk, 'row.from')}
MERGE (b:${To} {${tk}: row.to})
${stub('b', tk, 'row.to')}
MERGE (a)-[r:${T}${keyed ? ' {key: row.key}' : ''}]->(b)
ON CREATE SET r += row.props, r.version = row.version, ${provenanceOnCreate('r')}
ON MATCH SET r += CASE WHEN ${newer('r')} AND (row.version IS NOT NULL OR r.version IS NULL) THEN row.props ELSE {} END,
    ${provenance('r')},
    r.version = CASE WHEN ${newer('r')} THEN coalesce(row.version, r.version) ELSE r.version END
WITH r, row WHERE row.version IS NULL AND r.version IS NOT NULL
FOREACH (k IN [k IN keys(row.props) WHERE r[k] IS NULL] | SET r[k] = row.props[k])`;
}

/** Records one raw document as a Source node. */
export const upsertSourcesCypher = `UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s.url = row.url, s.fetchedAt = coalesce(s.fetchedAt, row.fetchedAt), s.parser = row.parser,
    s.parserVersion = row.parserVersion, s.contentType = row.contentType`;
