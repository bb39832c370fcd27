import { EDGE_KINDS, NODE_KINDS, NODE_LABELS, isEdgeType, isKeyOf, isNodeLabel, type EdgeType, type NodeLabel } from '../../model/kinds.js';
import { partyNamesFor } from '../../analysis/party-aliases.js';
import { ModelViolation } from '../cypher.js';

/**
 * Read queries over nodes and their relationships. Labels and types are checked against the
 * model before they are spliced in; every value is a parameter.
 */

/** A node as the API sees it: its properties plus its label in `__label`. */
export type NodeObject = Record<string, unknown> & { id: string; __label: NodeLabel };

/**
 * The stored properties a read needs, per label at the other end; null means every property.
 * The names come from the API's own tables, never from input; they are checked all the same.
 */
export type PropertiesOf = (labels: readonly NodeLabel[]) => readonly string[] | null;

/** Every property of every label: the projection when nothing narrower is known. */
export const ALL_PROPERTIES: PropertiesOf = () => null;

const PROPERTY_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Projects node variable `x` to a NodeObject: the listed properties (null: all of them), always
 * with `id` and the label in `__label`. A listed property the node lacks comes back as null.
 */
export function project(x: string, properties: readonly string[] | null = null): string {
  if (properties === null) return `${x} {.*, __label: labels(${x})[0]}`;
  const names = ['id', ...properties.filter((p) => p !== 'id')];
  for (const name of names) if (!PROPERTY_NAME.test(name)) throw new ModelViolation(`not a property name: ${JSON.stringify(name)}`);
  return `${x} {${names.map((n) => `.${n}`).join(', ')}, __label: labels(${x})[0]}`;
}

/**
 * The conditions of a filter that apply: each [parameter, value, condition] whose value is given
 * (not empty) binds the value as the parameter and contributes its condition.
 */
export function givenConditions(params: Record<string, unknown>, conditions: [string, unknown, string][]): string[] {
  const out: string[] = [];
  for (const [name, value, condition] of conditions) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    params[name] = value;
    out.push(condition);
  }
  return out;
}

/** The Cypher condition that hides deleted nodes. */
export const visible = (x: string): string => `coalesce(${x}.deleted, false) = false`;

/**
 * The condition for search hits, list entries and `stats`: visible, not merged into another node by
 * an accepted identity review (its edges moved there; `mergedInto` names it, and lookups follow
 * it), and not a stub (known only from another document's reference, with nothing known of it).
 */
export const listed = (x: string): string => `${visible(x)} AND ${x}.mergedInto IS NULL AND coalesce(${x}.stub, false) = false`;

/** Labels a lookup by id covers: everything but the provenance nodes. */
export const LOOKUP_LABELS = NODE_LABELS.filter((l) => l !== 'Source');

/**
 * Rebinds `n`, a node of `label`, to the node an accepted identity review merged it into, if any
 * (`mergedInto` names the last node of a chain), so a lookup by a merged node's id or key finds
 * the node it went into.
 */
const followMerge = (label: NodeLabel): string => `OPTIONAL MATCH (into:${label} {id: n.mergedInto}) WHERE ${visible('into')}
WITH coalesce(into, n) AS n`;

/**
 * A subquery binding `n` to the node with id `idExpr` whatever its label (Source aside): one index
 * seek per label. With `follow`, a merged node gives way to the node it was merged into.
 */
export const anyLabelById = (idExpr: string, scope = '', follow = true): string => `CALL (${scope}) {
${LOOKUP_LABELS.map((l) => `MATCH (n:${l} {id: ${idExpr}})\n${follow ? `${followMerge(l)}\n` : ''}RETURN n`).join('\nUNION\n')}
}`;

/** Finds visible nodes by id whatever their label, following merges unless `follow` is off. Param: $ids. */
export function nodesByIdCypher(properties: readonly string[] | null = null, follow = true): string {
  return `UNWIND $ids AS id
${anyLabelById('id', 'id', follow)}
WITH id, n WHERE ${visible('n')}
RETURN id, ${project('n', properties)} AS node`;
}

/** Refuses a label outside the model, or a key that is not one of its unique keys, before either is spliced into Cypher. */
function checkKeys(label: NodeLabel, keys: readonly string[]): void {
  if (!isNodeLabel(label)) throw new ModelViolation(`not a label: ${String(label)}`);
  for (const key of keys) if (!isKeyOf(label, key)) throw new ModelViolation(`not a unique key of ${label}: ${key}`);
}

/** Per key, in order, the node of `label` holding `value` there (or the node it was merged into), with the key's rank. */
const byEachKey = (label: NodeLabel, keys: readonly string[], value: string): string =>
  keys.map((k, i) => `MATCH (n:${label} {${k}: ${value}})\n${followMerge(label)}\nRETURN n, ${i} AS rank`).join('\nUNION\n');

/**
 * The id and element id of the visible node that holds `$value` as a unique key other than its id,
 * whatever its label (merges followed; byEachKey per label): one index seek per label and key. A value
 * two labels hold (a KOOP id known as a document and, from a citation, as a motion) gives the one of
 * the label's first key, then of the label first by name. Params: $value.
 */
export const idByAlternateKeyCypher = `CALL () {
${LOOKUP_LABELS.filter((l) => NODE_KINDS[l].keys.length > 1)
  .map((l) => byEachKey(l, NODE_KINDS[l].keys.filter((k) => k !== 'id'), '$value'))
  .join('\nUNION\n')}
}
WITH n, rank WHERE ${visible('n')}
RETURN n.id AS id, elementId(n) AS eid ORDER BY rank, labels(n)[0] LIMIT 1`;

/** Finds visible nodes of one label by any of its unique keys, one index seek per key. Params: $values. */
export function nodesByKeyCypher(label: NodeLabel, keys: readonly string[], properties: readonly string[] | null = null): string {
  checkKeys(label, keys);
  return `UNWIND $values AS value
CALL (value) {
${byEachKey(label, keys, 'value')}
}
WITH value, n, rank WHERE ${visible('n')}
RETURN value, ${project('n', properties)} AS node ORDER BY rank`;
}

/** Binds `n` to the node that nodesByKeyCypher finds first for the single value $value. */
export function nodeByKeysMatch(label: NodeLabel, keys: readonly string[]): string {
  checkKeys(label, keys);
  if (keys.length === 1) return `MATCH (n:${label} {${keys[0]}: $value})\n${followMerge(label)}\nWITH n WHERE ${visible('n')} LIMIT 1`;
  return `CALL () {
${byEachKey(label, keys, '$value')}
}
WITH n, rank WHERE ${visible('n')}
WITH n ORDER BY rank LIMIT 1`;
}

export interface RelationSpec {
  from: NodeLabel;
  type: EdgeType;
  direction: 'out' | 'in';
  to?: readonly NodeLabel[];
}

/** Checks a relation against the model and returns the labels at its other end. */
export function otherLabels(spec: RelationSpec): readonly NodeLabel[] {
  if (!isNodeLabel(spec.from) || !isEdgeType(spec.type)) throw new ModelViolation('relation outside the model');
  const kind = EDGE_KINDS[spec.type];
  const others = spec.to ?? (spec.direction === 'out' ? kind.to : kind.from);
  for (const l of others) if (!isNodeLabel(l)) throw new ModelViolation(`not a label: ${String(l)}`);
  return others;
}

/** The neighbours m of node `n` over relation r (binds r, m). */
export function relatedBody(spec: RelationSpec, n: string): string {
  const others = otherLabels(spec);
  const [left, right] = spec.direction === 'out' ? ['-', '->'] : ['<-', '-'];
  return `MATCH (${n})${left}[r:${spec.type}]${right}(m:${others.join('|')})
WHERE ${visible('m')}`;
}

/**
 * Batched neighbours over one relationship type. Params: $ids. Returns id, node and, with `withRel`,
 * rel (the relationship's properties): one row per relationship; without, one per neighbour (a
 * person with five observed memberships of a party is one member).
 */
export function relatedCypher(spec: RelationSpec, properties: readonly string[] | null = null, withRel = true): string {
  return `UNWIND $ids AS id
MATCH (n:${spec.from} {id: id})
${relatedBody(spec, 'n')}
${withRel ? `RETURN id, ${project('m', properties)} AS node, properties(r) AS rel` : `WITH DISTINCT id, m\nRETURN id, ${project('m', properties)} AS node`}`;
}

/** Source nodes by id. Params: $ids. */
export const sourcesByIdCypher = `UNWIND $ids AS id MATCH (s:Source {id: id}) RETURN id, s {.id, .url, .fetchedAt, .parser} AS source`;

/** Whether membership `ms` covers the day document `doc` was submitted (open ends and an undated document always do). */
const membershipAt = (doc: string): string =>
  `(${doc}.submittedAt IS NULL OR ((ms.from IS NULL OR ms.from <= ${doc}.submittedAt) AND (ms.to IS NULL OR ms.to >= left(${doc}.submittedAt, 10))))`;

/**
 * The party of person `p` at the time of document `doc` (a question or a motion), given the edge
 * `edge` from p to it (ASKED, SUBMITTED): a membership whose from/to covers the date, else the
 * observation (observedAt) nearest to it; the party the document names (`partyName`, `party`) wins
 * ties. Binds f (null when p has no membership). The one rule for the party an asker shows and for
 * every filter and table by party "at the time".
 */
export const partyAtTheTime = (doc: string, edge: string): string => `CALL (${doc}, p, ${edge}) {
  OPTIONAL MATCH (p)-[ms:MEMBER_OF]->(f:Party)
  WHERE ${visible('f')}
    AND ${membershipAt(doc)}
  WITH f, ms, coalesce(${edge}.partyName, ${edge}.party) AS named
  RETURN f ORDER BY
    CASE WHEN named IS NOT NULL AND (f.abbreviation = named OR f.id = named OR ms.partyName = named) THEN 0 ELSE 1 END,
    CASE WHEN ms.from IS NOT NULL OR ms.to IS NOT NULL THEN 0 ELSE 1 END,
    CASE WHEN ms.observedAt IS NULL OR ${doc}.submittedAt IS NULL THEN 99999
      ELSE abs(duration.inDays(date(left(ms.observedAt, 10)), date(left(${doc}.submittedAt, 10))).days) END,
    ms.from DESC
  LIMIT 1
}`;

/**
 * Condition: one of the persons with an `edge` (ASKED, SUBMITTED) to document `doc` was of the
 * party $party (partyParam) at the time: the party the document names, or else partyAtTheTime.
 */
export const byPartyAtTheTime = (doc: string, edge: string): string => `EXISTS {
  MATCH (${doc})<-[e:${edge}]-(p:Person) WHERE ${visible('p')}
${partyAtTheTime(doc, 'e')}
  WITH e, f WHERE toLower(coalesce(e.partyName, e.party)) IN $party.names OR (f IS NOT NULL AND ${isNamedParty('f')})
}`;

/** The askers of question q, one `row` per person with the party at the time; by name whether or not it is projected. */
export const askersBody = (of: PropertiesOf = ALL_PROPERTIES): string => `MATCH (q)<-[a:ASKED]-(p:Person)
WHERE ${visible('p')}
${partyAtTheTime('q', 'a')}
WITH p, head(collect({role: a.role, partyName: coalesce(a.partyName, a.party), f: f})) AS one
WITH p, one, one.f AS pf
WITH {person: ${project('p', of(['Person']))}, role: one.role, partyName: one.partyName, party: CASE WHEN pf IS NULL THEN null ELSE ${project('pf', of(['Party']))} END} AS row, p.name AS byName
ORDER BY CASE row.role WHEN 'Indiener' THEN 0 ELSE 1 END, byName`;

/** Askers of questions with their party at the time of submission. Params: $ids. */
export function askersCypher(of: PropertiesOf = ALL_PROPERTIES): string {
  return `UNWIND $ids AS id
MATCH (q:Question {id: id})
CALL (q) {
${askersBody(of)}
RETURN row
}
RETURN id, row.person AS person, row.role AS role, row.partyName AS partyName, row.party AS party`;
}

/** The latest party of people: the open or latest membership, or the latest observation. Params: $ids. */
export function currentPartyCypher(properties: readonly string[] | null = null): string {
  return `UNWIND $ids AS id
MATCH (p:Person {id: id})-[m:MEMBER_OF]->(f:Party) WHERE ${visible('f')}
WITH id, f, m ORDER BY (m.to IS NULL AND m.from IS NOT NULL) DESC, coalesce(m.to, m.observedAt, m.from) DESC, m.from DESC
WITH id, collect(${project('f', properties)})[0] AS party
RETURN id, party`;
}

/** A party as a user names it, as the parameter $party: its id, or any of its names in any case (see partyNamesFor). */
export const partyParam = (value: string): { id: string; names: string[] } => ({ id: value, names: partyNamesFor(value) });

/** Whether Party `f` goes by one of the names of $party (partyParam); the label is small, so names are compared without an index. */
const hasPartyName = (f: string): string => `(toLower(${f}.abbreviation) IN $party.names OR toLower(${f}.name) IN $party.names)`;

/** Whether Party `f` is the one $party (partyParam) names: by its id or by one of its names. */
const isNamedParty = (f: string): string => `(${f}.id = $party.id OR ${hasPartyName(f)})`;

/** A party by any of its names in any case (the first visible one). Params: $party (partyParam). */
export const partyByNameCypher = `MATCH (f:Party) WHERE ${visible('f')} AND ${hasPartyName('f')}
RETURN ${project('f')} AS node ORDER BY f.id LIMIT 1`;
