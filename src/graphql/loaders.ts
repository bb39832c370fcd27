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
  node: DataLoader<string, NodeObject | null>;
  byKey(label: NodeLabel, keys: readonly string[]): DataLoader<string, NodeObject | null>;
  related(spec: RelationSpec): DataLoader<string, Related[]>;
  sources: DataLoader<string, SourceRow | null>;
  askers: DataLoader<string, AskerRow[]>;
  currentParty: DataLoader<string, NodeObject | null>;
  /** Rows of a batched query taking $ids and returning an `id` column, grouped by id. */
  rows(cypher: string): DataLoader<string, Record<string, unknown>[]>;
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

/** A loader made on first use: by then the request's projection is known. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/**
 * Creates the per-request DataLoaders, so nested fields cost one query per field, not one per
 * node; nodes carry the properties `of()` names (read when a loader is first used).
 */
export function createLoaders(run: RunQuery, of: () => PropertiesOf): Loaders {
  const related = new Map<string, DataLoader<string, Related[]>>();
  const byKey = new Map<string, DataLoader<string, NodeObject | null>>();
  const rows = new Map<string, DataLoader<string, Record<string, unknown>[]>>();
  const node = lazy(() => {
    const props = of()(LOOKUP_LABELS);
    return singleLoader<NodeObject>(run, cached(`id:${propertiesKey(props)}`, () => nodesByIdCypher(props)), 'ids', 'id', 'node');
  });
  const askers = lazy(() => {
    const p = of();
    const k = `askers:${propertiesKey(p(['Person']))}|${propertiesKey(p(['Party']))}`;
    return groupedLoader(run, cached(k, () => askersCypher(p)), 'ids', 'id', (r) => r as unknown as AskerRow);
  });
  const currentParty = lazy(() => {
    const props = of()(['Party']);
    return singleLoader<NodeObject>(run, cached(`party:${propertiesKey(props)}`, () => currentPartyCypher(props)), 'ids', 'id', 'party');
  });
  const sources = lazy(() => singleLoader<SourceRow>(run, sourcesByIdCypher, 'ids', 'id', 'source'));
  return {
    get node() {
      return node();
    },
    byKey(label, keys) {
      const k = `${label}.${keys.join(',')}`;
      let loader = byKey.get(k);
      if (!loader) {
        const props = of()([label]);
        byKey.set(k, (loader = singleLoader(run, cached(`key:${k}:${propertiesKey(props)}`, () => nodesByKeyCypher(label, keys, props)), 'values', 'value', 'node')));
      }
      return loader;
    },
    related(spec) {
      const k = `${spec.from}|${spec.type}|${spec.direction}|${(spec.to ?? []).join(',')}`;
      let loader = related.get(k);
      if (!loader) {
        const props = of()(otherLabels(spec));
        const cypher = cached(`rel:${k}:${propertiesKey(props)}`, () => relatedCypher(spec, props));
        related.set(k, (loader = groupedLoader(run, cypher, 'ids', 'id', (r) => ({ node: r.node as NodeObject, rel: (r.rel ?? {}) as Record<string, unknown> }))));
      }
      return loader;
    },
    get sources() {
      return sources();
    },
    get askers() {
      return askers();
    },
    get currentParty() {
      return currentParty();
    },
    rows(cypher) {
      let loader = rows.get(cypher);
      if (!loader) rows.set(cypher, (loader = groupedLoader(run, cypher, 'ids', 'id', (r) => r)));
      return loader;
    },
  };
}
