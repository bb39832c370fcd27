import { EDGE_KINDS, isEdgeType, isKeyOf, isNodeLabel, type EdgeType, type NodeLabel } from './kinds.js';

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
  /** Properties; `deleted: true` says the source deleted this relationship, and the GraphWriter removes the edge. */
  props: Props;
  /** Upstream modification time (ISO) of the record that states the edge; an older one never changes or removes an edge a newer one wrote. */
  version?: string;
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
  tombstones: Tombstone[];
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
 * Collects the nodes and edges of one document; a node or edge added twice is merged
 * (later properties win), so parsers can add freely.
 */
export class FragmentBuilder {
  private readonly nodes = new Map<string, NodeRecord>();
  private readonly edges = new Map<string, EdgeRecord>();
  private readonly tombstones = new Map<string, Tombstone>();

  node(label: NodeLabel, id: string, props: Props = {}, options: { provisional?: boolean; version?: string } = {}): NodeRef {
    const k = `${label}\u0000${id}`;
    const existing = this.nodes.get(k);
    if (existing) {
      existing.props = { ...existing.props, ...definedOnly(props) };
      if (existing.provisional && !options.provisional) delete existing.provisional;
      if (options.version !== undefined) existing.version = options.version;
    } else {
      this.nodes.set(k, { label, id, props: definedOnly(props), ...definedOnly(options) } as NodeRecord);
    }
    return ref(label, id);
  }

  edge(type: EdgeType, from: NodeRef, to: NodeRef, props: Props = {}, key = '', options: { version?: string } = {}): void {
    const k = [type, from.label, from.key, from.value, to.label, to.key, to.value, key].join('\u0000');
    const existing = this.edges.get(k);
    const version = options.version ?? existing?.version;
    this.edges.set(k, { type, from, to, key, props: { ...existing?.props, ...definedOnly(props) }, ...(version === undefined ? {} : { version }) });
  }

  tombstone(label: NodeLabel, id: string, version?: string, alsoAs?: NodeLabel[]): void {
    this.tombstones.set(`${label}\u0000${id}`, { label, id, ...(version === undefined ? {} : { version }), ...(alsoAs?.length ? { alsoAs } : {}) });
  }

  build(): FragmentBody {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()], tombstones: [...this.tombstones.values()] };
  }
}

/** Drops null and undefined values, so a missing column never erases a stored property. */
export function definedOnly(props: Props): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(props)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

const PROP_NAME = /^[a-z][A-Za-z0-9]*$/;
/** Node properties the GraphWriter keeps itself (identity, provenance, versions); a fragment never sets them. */
export const RESERVED = new Set(['id', 'sources', 'firstSeen', 'lastSeen', 'version', 'versionedKeys', 'deleted', 'provisional', 'stub']);
/** Edges have no tombstones: an upstream deletion of a relation row is the edge property `deleted`. */
const EDGE_RESERVED = new Set([...RESERVED].filter((k) => k !== 'deleted'));

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
