import DataLoader from 'dataloader';
import type { NodeLabel } from '../model/kinds.js';
import {
  askersCypher,
  currentPartyCypher,
  LOOKUP_LABELS,
  nodesByIdCypher,
  nodesByKeyCypher,
  otherLabels,
  relatedCypher,
  sourcesByIdCypher,
  type NodeObject,
  type PropertiesOf,
  type RelationSpec,
} from '../neo4j/queries/nodes.js';
import type { RunQuery } from './context.js';

export interface Related {
  node: NodeObject;
  rel: Record<string, unknown>;
}

export interface AskerRow {
  person: NodeObject;
  role: string | null;
  partyName: string | null;
  party: NodeObject | null;
}

export interface SourceRow {
  id: string;
  url: string | null;
  fetchedAt: string | null;
  parser: string | null;
}

export interface Loaders {
  /** Nodes by id; a node merged into another by an accepted review gives way to that node. */
  node: DataLoader<string, NodeObject | null>;
  /** Nodes by id as stored, merged or not (for the review records that name them). */
  storedNode: DataLoader<string, NodeObject | null>;
  byKey(label: NodeLabel, keys: readonly string[]): DataLoader<string, NodeObject | null>;
  related(spec: RelationSpec): DataLoader<string, Related[]>;
  /** The neighbour nodes alone, for readers that take nothing from the relationships. */
  relatedNodes(spec: RelationSpec): DataLoader<string, NodeObject[]>;
  sources: DataLoader<string, SourceRow | null>;
  askers: DataLoader<string, AskerRow[]>;
  currentParty: DataLoader<string, NodeObject | null>;
  /** Rows of a batched query taking $ids and returning an `id` column, grouped by id. */
  rows(cypher: string): DataLoader<string, Record<string, unknown>[]>;
  /** A value computed once per request under `key` (e.g. a question's status as of a date). */
  memo<T>(key: string, compute: () => T): T;
  /**
   * Forgets every loader and memo (they are made again if asked). Called when an execution ends:
   * the executor keeps its request in a WeakMap of its own, and V8's young-generation collector
   * keeps alive whatever such a table reaches until the next full collection, so rows cached here
   * would be copied into the old generation after every request.
   */
  release(): void;
}

/** Cypher text built once per process, not per request; bounded, as projections vary with the documents asked. */
const CYPHER = new Map<string, string>();
export const cached = (key: string, build: () => string): string => {
  let c = CYPHER.get(key);
  if (c === undefined) {
    if (CYPHER.size >= 2000) CYPHER.clear();
    CYPHER.set(key, (c = build()));
  }
  return c;
};

/** A cache key part for a property list. */
export const propertiesKey = (properties: readonly string[] | null): string => (properties === null ? '*' : properties.join(','));

/** One query per batch of keys; rows are grouped back by `keyField`. */
function groupedLoader<T>(run: RunQuery, cypher: string, param: string, keyField: string, toItem: (row: Record<string, unknown>) => T): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(
    async (keys) => {
      const rows = await run<Record<string, unknown>>(cypher, { [param]: [...keys] });
      const byKey = new Map<string, T[]>();
      for (const row of rows) {
        const k = String(row[keyField]);
        const list = byKey.get(k) ?? [];
        list.push(toItem(row));
        byKey.set(k, list);
      }
      return keys.map((k) => byKey.get(k) ?? []);
    },
    { maxBatchSize: 1000 },
  );
}

function singleLoader<T>(run: RunQuery, cypher: string, param: string, keyField: string, field: string): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(
    async (keys) => {
      const rows = await run<Record<string, unknown>>(cypher, { [param]: [...keys] });
      const byKey = new Map<string, T>();
      for (const row of rows) if (!byKey.has(String(row[keyField]))) byKey.set(String(row[keyField]), row[field] as T);
      return keys.map((k) => byKey.get(k) ?? null);
    },
    { maxBatchSize: 1000 },
  );
}

/**
 * Creates the per-request DataLoaders, so nested fields cost one query per field, not one per
 * node; nodes carry the properties `of()` names. Each loader is made on first use, when the
 * request's projection is known.
 */
export function createLoaders(run: RunQuery, of: () => PropertiesOf): Loaders {
  let made: Map<string, unknown> | undefined;
  const once = <T>(key: string, make: () => T): T => {
    made ??= new Map();
    if (!made.has(key)) made.set(key, make());
    return made.get(key) as T;
  };
  const relatedLoader = <T>(spec: RelationSpec, withRel: boolean, toItem: (row: Record<string, unknown>) => T): DataLoader<string, T[]> => {
    const k = `${withRel ? 'rel' : 'nodes'}:${spec.from}|${spec.type}|${spec.direction}|${(spec.to ?? []).join(',')}`;
    return once(k, () => {
      const props = of()(otherLabels(spec));
      return groupedLoader(run, cached(`${k}:${propertiesKey(props)}`, () => relatedCypher(spec, props, withRel)), 'ids', 'id', toItem);
    });
  };
  const nodeLoader = (follow: boolean) =>
    once(`node:${follow}`, () => {
      const props = of()(LOOKUP_LABELS);
      return singleLoader<NodeObject>(run, cached(`id:${follow}:${propertiesKey(props)}`, () => nodesByIdCypher(props, follow)), 'ids', 'id', 'node');
    });
  return {
    get node() {
      return nodeLoader(true);
    },
    get storedNode() {
      return nodeLoader(false);
    },
    byKey(label, keys) {
      const k = `${label}.${keys.join(',')}`;
      return once(`key:${k}`, () => {
        const props = of()([label]);
        return singleLoader<NodeObject>(run, cached(`key:${k}:${propertiesKey(props)}`, () => nodesByKeyCypher(label, keys, props)), 'values', 'value', 'node');
      });
    },
    related(spec) {
      return relatedLoader(spec, true, (r) => ({ node: r.node as NodeObject, rel: (r.rel ?? {}) as Record<string, unknown> }));
    },
    relatedNodes(spec) {
      return relatedLoader(spec, false, (r) => r.node as NodeObject);
    },
    get sources() {
      return once('sources', () => singleLoader<SourceRow>(run, sourcesByIdCypher, 'ids', 'id', 'source'));
    },
    get askers() {
      return once('askers', () => {
        const p = of();
        const k = `askers:${propertiesKey(p(['Person']))}|${propertiesKey(p(['Party']))}`;
        return groupedLoader(run, cached(k, () => askersCypher(p)), 'ids', 'id', (r) => r as unknown as AskerRow);
      });
    },
    get currentParty() {
      return once('currentParty', () => {
        const props = of()(['Party']);
        return singleLoader<NodeObject>(run, cached(`party:${propertiesKey(props)}`, () => currentPartyCypher(props)), 'ids', 'id', 'party');
      });
    },
    rows(cypher) {
      return once(`rows:${cypher}`, () => groupedLoader(run, cypher, 'ids', 'id', (r) => r));
    },
    memo: (key, compute) => once(`memo:${key}`, compute),
    release() {
      made = undefined;
    },
  };
}
