import { EDGE_KINDS, isEdgeType, isKeyOf, isNodeLabel, PENDING_END_LABELS, RECORD_EDGE_TYPES, type EdgeType, type NodeLabel } from './kinds.js';

/** A property value Neo4j can store: scalars and homogeneous lists of them. */
export type Scalar = string | number | boolean;
export type PropValue = Scalar | readonly string[] | readonly number[] | null | undefined;
export type Props = Record<string, PropValue>;

/** Points at a node by one of its label's unique keys (`id` unless said otherwise). */
export interface NodeRef {
  label: NodeLabel;
  key: string;
  value: string;
}

export interface NodeRecord {
  label: NodeLabel;
  /** The node's id; `provisional` when it is a stand-in until a source with the canonical id arrives. */
  id: string;
  provisional?: boolean;
  /** Properties; alternate keys of the label (e.g. `koopId`) are joined on. null/undefined are dropped, never erase. */
  props: Props;
  /** Upstream modification time (ISO); an older version never overwrites a newer one. */
  version?: string;
}

export interface EdgeRecord {
  type: EdgeType;
  from: NodeRef;
  to: NodeRef;
  /** Distinguishes parallel edges of one type between the same two nodes; '' when there is one. */
  key: string;
  /** Properties. */
  props: Props;
  /** Upstream modification time (ISO) of the record that states the edge; an older one never changes or removes an edge a newer one wrote. */
  version?: string;
  /**
   * The Id of the upstream record the edge is stored for (a Stemming, ZaakActor or FractieZetelPersoon
   * row): an EdgeTombstone of that record removes it, whatever its ends.
   */
  record?: string;
  /**
   * Set when the source names one end by id only, not by kind (a standalone ZaakActor row names its
   * case, not whether it is a question or a motion): the edge is the first of `choices` (a type and
   * the label of that end) whose label holds the id. `type` and that end's label are `choices[0]`.
   * The GraphWriter keeps the edge pending until a node of one of the labels holds the id.
   */
  kindOf?: EdgeKindChoice;
}

/** Which end of an edge is known by id only, and the edge types it makes with each label that end may carry. */
export interface EdgeKindChoice {
  end: 'from' | 'to';
  choices: { type: EdgeType; label: NodeLabel }[];
}

/**
 * An upstream deletion: the node is marked deleted, its history stays. When the source does not
 * say which kind of node it deletes (a deleted Zaak row has no Soort), `alsoAs` names the labels
 * it may carry: the first that holds the id is marked; if none does, a stub of `label` is.
 */
export interface Tombstone {
  label: NodeLabel;
  id: string;
  version?: string;
  alsoAs?: NodeLabel[];
}

/**
 * An upstream deletion of a record that is stored as edges, not as a node (a vote, a submitter, a
 * seat): the edges of the types `edges` stored for the record `id` (EdgeRecord.record) are removed,
 * found by that id alone (a deleted row names neither of their ends), unless they are newer.
 */
export interface EdgeTombstone {
  edges: EdgeType[];
  id: string;
  version?: string;
}

/** Whether a tombstone deletes a record stored as edges rather than a node. */
export const isEdgeTombstone = (t: Tombstone | EdgeTombstone): t is EdgeTombstone => 'edges' in t;

/** The raw document a fragment came from. */
export interface SourceInfo {
  /** sha256 of the raw bytes. */
  id: string;
  url: string;
  fetchedAt: string;
  parser: string;
  parserVersion: string;
  contentType?: string;
}

/** What a parser makes of one document: nodes, edges and tombstones with their provenance. */
export interface GraphFragment {
  source: SourceInfo;
  nodes: NodeRecord[];
  edges: EdgeRecord[];
  tombstones: (Tombstone | EdgeTombstone)[];
}

/** The body of a fragment before the pipeline attaches its source. */
export type FragmentBody = Omit<GraphFragment, 'source'>;

export class FragmentError extends Error {
  override name = 'FragmentError';
}

/** A reference to a node by id, or by another unique key of its label. */
export function ref(label: NodeLabel, value: string, key = 'id'): NodeRef {
  return { label, key, value };
}

/**
 * A node or edge added again: the properties of the newer version win (the later call when neither is
 * older), those of an older version only fill what is missing; the newer version stays.
 */
function mergeAdded(existing: { props: Props; version?: string } | undefined, props: Props, version: string | undefined): { merged: Props; version?: string; stale: boolean } {
  const stale = existing !== undefined && older(version, existing.version);
  return {
    merged: stale ? { ...definedOnly(props), ...existing.props } : { ...existing?.props, ...definedOnly(props) },
    version: stale ? existing.version : (version ?? existing?.version),
    stale,
  };
}

/**
 * Collects the nodes and edges of one document; a node or edge added twice is merged
 * (later properties win), so parsers can add freely.
 */
export class FragmentBuilder {
  private readonly nodes = new Map<string, NodeRecord>();
  private readonly edges = new Map<string, EdgeRecord>();
  private readonly tombstones = new Map<string, Tombstone | EdgeTombstone>();

  /**
   * Adds a node, or merges into the one added before: the properties of the newer version win (the
   * later call when neither is older), those of an older version only fill what is missing, so
   * the same row twice in one document gives what its newest copy says.
   */
  node(label: NodeLabel, id: string, props: Props = {}, options: { provisional?: boolean; version?: string } = {}): NodeRef {
    const k = `${label}\u0000${id}`;
    const existing = this.nodes.get(k);
    const { merged, version } = mergeAdded(existing, props, options.version);
    const provisional = options.provisional && (existing === undefined || existing.provisional);
    this.nodes.set(k, { label, id, props: merged, ...(version === undefined ? {} : { version }), ...(provisional ? { provisional } : {}) });
    return ref(label, id);
  }

  /** Adds an edge, or merges into the same edge added before, the newer version winning as for nodes. */
  edge(type: EdgeType, from: NodeRef, to: NodeRef, props: Props = {}, key = '', options: { version?: string; record?: string; kindOf?: EdgeKindChoice } = {}): void {
    const k = [type, from.label, from.key, from.value, to.label, to.key, to.value, key].join('\u0000');
    const existing = this.edges.get(k);
    const { merged, version, stale } = mergeAdded(existing, props, options.version);
    // As for the properties: the newer side's, the other's where it has none.
    const pick = <T>(added: T | undefined, before: T | undefined): T | undefined => (stale ? (before ?? added) : (added ?? before));
    const record = pick(options.record, existing?.record);
    const kindOf = pick(options.kindOf, existing?.kindOf);
    this.edges.set(k, {
      type,
      from,
      to,
      key,
      props: merged,
      ...(version === undefined ? {} : { version }),
      ...(record === undefined ? {} : { record }),
      ...(kindOf === undefined ? {} : { kindOf }),
    });
  }

  /** Marks a node deleted; of two deletions of one node, the newer one's version stays. */
  tombstone(label: NodeLabel, id: string, version?: string, alsoAs?: NodeLabel[]): void {
    const k = `${label}\u0000${id}`;
    if (older(version, this.tombstones.get(k)?.version)) return;
    this.tombstones.set(k, { label, id, ...(version === undefined ? {} : { version }), ...(alsoAs?.length ? { alsoAs } : {}) });
  }

  /** Removes the edges of the given types stored for the deleted record `id` (see EdgeTombstone). */
  edgeTombstone(edges: EdgeType[], id: string, version?: string): void {
    const k = `\u0000record\u0000${id}`;
    if (older(version, this.tombstones.get(k)?.version)) return;
    this.tombstones.set(k, { edges, id, ...(version === undefined ? {} : { version }) });
  }

  build(): FragmentBody {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()], tombstones: [...this.tombstones.values()] };
  }
}

/** Whether `version` is known to be older than `than` (an unversioned statement is never older). */
const older = (version: string | undefined, than: string | undefined): boolean => version !== undefined && than !== undefined && version < than;

/** Drops null and undefined values, so a missing column never erases a stored property. */
function definedOnly(props: Props): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(props)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

const PROP_NAME = /^[a-z][A-Za-z0-9]*$/;
/** Node properties the GraphWriter keeps itself (identity, provenance, versions); a fragment never sets them. */
export const RESERVED = new Set(['id', 'sources', 'firstSeen', 'lastSeen', 'version', 'versionedKeys', 'deleted', 'provisional', 'stub']);
/** Edge properties the GraphWriter keeps itself: those of nodes, and `recordId` from EdgeRecord.record. An upstream deletion of a relation row is an EdgeTombstone. */
const EDGE_RESERVED = new Set([...RESERVED, 'recordId']);

/** Checks a fragment against the model; throws a FragmentError naming the first problem. */
export function validateFragment(fragment: GraphFragment): void {
  const where = fragment.source.url;
  const fail = (msg: string): never => {
    throw new FragmentError(`${where}: ${msg}`);
  };
  for (const n of fragment.nodes) {
    if (!isNodeLabel(n.label)) fail(`unknown node label ${JSON.stringify(n.label)}`);
    if (typeof n.id !== 'string' || n.id.trim() === '') fail(`${n.label} node without an id`);
    checkProps(n.props, `${n.label} ${n.id}`, fail);
  }
  for (const t of fragment.tombstones) {
    if (isEdgeTombstone(t)) {
      if (typeof t.id !== 'string' || t.id.trim() === '') fail('edge tombstone without a record id');
      if (t.edges.length === 0) fail(`edge tombstone of ${t.id} names no relationship type`);
      for (const type of t.edges) if (!isEdgeType(type)) fail(`unknown relationship type ${JSON.stringify(type)}`);
      for (const type of t.edges) if (!RECORD_EDGE_TYPES.includes(type)) fail(`edge tombstone of ${t.id}: ${type} edges are not stored for records (RECORD_EDGE_TYPES)`);
      continue;
    }
    if (!isNodeLabel(t.label)) fail(`unknown tombstone label ${JSON.stringify(t.label)}`);
    if (typeof t.id !== 'string' || t.id.trim() === '') fail(`${t.label} tombstone without an id`);
    for (const l of t.alsoAs ?? []) if (!isNodeLabel(l)) fail(`unknown tombstone label ${JSON.stringify(l)}`);
  }
  for (const e of fragment.edges) {
    if (!isEdgeType(e.type)) fail(`unknown relationship type ${JSON.stringify(e.type)}`);
    const kind = EDGE_KINDS[e.type];
    for (const [end, allowed] of [
      [e.from, kind.from],
      [e.to, kind.to],
    ] as const) {
      if (!isNodeLabel(end.label) || !(allowed as readonly string[]).includes(end.label))
        fail(`${e.type} cannot connect ${JSON.stringify(end.label)}`);
      if (!isKeyOf(end.label, end.key)) fail(`${end.key} is not a unique key of ${end.label}`);
      if (typeof end.value !== 'string' || end.value.trim() === '') fail(`${e.type} edge with an empty endpoint`);
    }
    checkProps(e.props, `${e.type} edge`, fail, EDGE_RESERVED);
    if (e.record !== undefined)
      for (const type of [e.type, ...(e.kindOf?.choices.map((c) => c.type) ?? [])])
        if (!RECORD_EDGE_TYPES.includes(type)) fail(`${e.type} edge stored for record ${e.record}: ${type} edges are not stored for records (RECORD_EDGE_TYPES)`);
    if (e.kindOf) checkKindOf(e, e.kindOf, fail);
  }
}

/** The choices of an edge with an end known by id only: each a relationship its other end can make, the first the edge's own. */
function checkKindOf(e: EdgeRecord, kindOf: EdgeKindChoice, fail: (msg: string) => never): void {
  const known = kindOf.end === 'from' ? e.to : e.from;
  const first = kindOf.choices[0];
  if (!first || first.type !== e.type || first.label !== e[kindOf.end].label) fail(`${e.type} edge: its first choice of kind is not its own type and label`);
  if (e[kindOf.end].key !== 'id') fail(`${e.type} edge: an end known by id only is referred to by id`);
  for (const c of kindOf.choices) {
    if (!isEdgeType(c.type) || !isNodeLabel(c.label)) fail(`${e.type} edge: unknown choice ${JSON.stringify(c)}`);
    if (!PENDING_END_LABELS.includes(c.label)) fail(`${e.type} edge: ${c.label} is not among the labels a pending edge may wait for (PENDING_END_LABELS)`);
    const kind = EDGE_KINDS[c.type];
    const [ends, knownEnds] = kindOf.end === 'from' ? [kind.from, kind.to] : [kind.to, kind.from];
    if (!(ends as readonly string[]).includes(c.label) || !(knownEnds as readonly string[]).includes(known.label))
      fail(`${c.type} cannot connect ${JSON.stringify(c.label)} and ${JSON.stringify(known.label)}`);
  }
}

function checkProps(props: Props, what: string, fail: (msg: string) => never, reserved = RESERVED): void {
  for (const [k, v] of Object.entries(props)) {
    if (!PROP_NAME.test(k) || reserved.has(k)) fail(`${what}: property name ${JSON.stringify(k)} is not allowed`);
    if (v === null || v === undefined) continue;
    if (Array.isArray(v)) {
      if (v.some((x) => typeof x !== typeof v[0] || (typeof x !== 'string' && typeof x !== 'number')))
        fail(`${what}: property ${k} must be a list of strings or of numbers`);
    } else if (!['string', 'number', 'boolean'].includes(typeof v)) {
      fail(`${what}: property ${k} has an unsupported value`);
    } else if (typeof v === 'number' && !Number.isFinite(v)) {
      fail(`${what}: property ${k} is not a finite number`);
    }
  }
}
