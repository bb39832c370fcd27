import { EDGE_KINDS, NODE_LABELS, isEdgeType, isKeyOf, isNodeLabel, type EdgeType, type NodeLabel } from '../../model/kinds.js';
import { ModelViolation } from '../cypher.js';

/**
 * Read queries over nodes and their relationships. Labels and types are checked against the
 * model before they are spliced in; every value is a parameter.
 */

/** A node as the API sees it: its properties plus its label in `__label`. */
export type NodeObject = Record<string, unknown> & { id: string; __label: NodeLabel };

/** Projects node variable `x` to a NodeObject. */
export const project = (x: string): string => `${x} {.*, __label: labels(${x})[0]}`;

/** The Cypher condition that hides deleted nodes. */
export const visible = (x: string): string => `coalesce(${x}.deleted, false) = false`;

/** Labels a lookup by id covers: everything but the provenance nodes. */
export const LOOKUP_LABELS = NODE_LABELS.filter((l) => l !== 'Source');

/** Finds visible nodes by id whatever their label: one index seek per label. Param: $ids. */
export const nodesByIdCypher = `UNWIND $ids AS id
CALL (id) {
${LOOKUP_LABELS.map((l) => `  MATCH (n:${l} {id: id}) RETURN n`).join('\n  UNION\n')}
}
WITH id, n WHERE ${visible('n')}
RETURN id, ${project('n')} AS node`;

/** Finds visible nodes of one label by any of its unique keys, one index seek per key. Params: $values. */
export function nodesByKeyCypher(label: NodeLabel, keys: readonly string[]): string {
  if (!isNodeLabel(label)) throw new ModelViolation(`not a label: ${String(label)}`);
  for (const key of keys) if (!isKeyOf(label, key)) throw new ModelViolation(`not a unique key of ${label}: ${key}`);
  return `UNWIND $values AS value
CALL (value) {
${keys.map((k, i) => `  MATCH (n:${label} {${k}: value}) RETURN n, ${i} AS rank`).join('\n  UNION\n')}
}
WITH value, n, rank WHERE ${visible('n')}
RETURN value, ${project('n')} AS node ORDER BY rank`;
}

export interface RelationSpec {
  from: NodeLabel;
  type: EdgeType;
  direction: 'out' | 'in';
  to?: readonly NodeLabel[];
}

/** Batched neighbours over one relationship type. Params: $ids. Returns id, node, rel. */
export function relatedCypher(spec: RelationSpec): string {
  if (!isNodeLabel(spec.from) || !isEdgeType(spec.type)) throw new ModelViolation('relation outside the model');
  const kind = EDGE_KINDS[spec.type];
  const others = spec.to ?? (spec.direction === 'out' ? kind.to : kind.from);
  for (const l of others) if (!isNodeLabel(l)) throw new ModelViolation(`not a label: ${String(l)}`);
  const [left, right] = spec.direction === 'out' ? ['-', '->'] : ['<-', '-'];
  return `UNWIND $ids AS id
MATCH (n:${spec.from} {id: id})${left}[r:${spec.type}]${right}(m:${others.join('|')})
WHERE ${visible('m')}
RETURN id, ${project('m')} AS node, properties(r) AS rel`;
}

/** Source nodes by id. Params: $ids. */
export const sourcesByIdCypher = `UNWIND $ids AS id MATCH (s:Source {id: id}) RETURN id, s {.id, .url, .fetchedAt, .parser} AS source`;

/** Askers of questions with their party at the time of submission. Params: $ids. */
export const askersCypher = `UNWIND $ids AS id
MATCH (q:Question {id: id})<-[a:ASKED]-(p:Person)
WHERE ${visible('p')}
CALL (q, p, a) {
  OPTIONAL MATCH (p)-[m:MEMBER_OF]->(f:Party)
  WHERE ${visible('f')} AND (a.party IS NULL OR f.abbreviation = a.party OR f.id = a.party)
    AND (q.submittedAt IS NULL OR ((m.from IS NULL OR m.from <= q.submittedAt) AND (m.to IS NULL OR m.to >= left(q.submittedAt, 10))))
  RETURN f ORDER BY m.from DESC LIMIT 1
}
RETURN id, ${project('p')} AS person, a.role AS role, a.party AS partyName, CASE WHEN f IS NULL THEN null ELSE ${project('f')} END AS party
ORDER BY id, CASE a.role WHEN 'Indiener' THEN 0 ELSE 1 END, p.name`;

/** The latest party of people. Params: $ids. */
export const currentPartyCypher = `UNWIND $ids AS id
MATCH (p:Person {id: id})-[m:MEMBER_OF]->(f:Party) WHERE ${visible('f')}
WITH id, f, m ORDER BY m.to IS NULL DESC, m.to DESC, m.from DESC
WITH id, collect(${project('f')})[0] AS party
RETURN id, party`;
