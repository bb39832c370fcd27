import type { GraphEdge, GraphNode, Subgraph } from '../graphql/resolvers/subgraph.js';

export type { GraphEdge, GraphNode, Subgraph };

/** Columns every export carries first, so provenance is never lost on the way out. */
export const NODE_COLUMNS = ['id', 'type', 'label', 'firstSeen', 'lastSeen', 'sources', 'sourceUrls'] as const;
export const EDGE_COLUMNS = ['id', 'source', 'target', 'type', 'firstSeen', 'lastSeen', 'sources', 'sourceUrls'] as const;

const INTERNAL = new Set(['id', 'key']);

/**
 * Names a format gives a meaning of its own beside the fixed columns (Cytoscape's `parent` makes a
 * node a compound's child). A property of that name (the registry's OWNS edges carry the URL of their
 * evidence as `source`) is exported as `property_<name>`, so it is neither lost nor mistaken.
 */
const STRUCTURAL = new Set(['source', 'target', 'type', 'label', 'parent']);

/** The subgraph with properties named as a structural column renamed (see STRUCTURAL). */
export function withoutClashes(graph: Subgraph): Subgraph {
  const rename = <T extends { properties: Record<string, unknown> }>(item: T): T => {
    if (!Object.keys(item.properties).some((k) => STRUCTURAL.has(k))) return item;
    return { ...item, properties: Object.fromEntries(Object.entries(item.properties).map(([k, v]) => [STRUCTURAL.has(k) ? `property_${k}` : k, v])) };
  };
  return { nodes: graph.nodes.map(rename), edges: graph.edges.map(rename), truncated: graph.truncated };
}

export type ColumnType = 'boolean' | 'double' | 'string';

/**
 * The type of a column for the typed formats (GraphML, GEXF): boolean or double when every value set
 * is one, else string (lists included). Numbers are doubles, whole or not: the driver gives a stored
 * 1.0 as 1, so telling whole numbers apart would type one property differently from file to file.
 */
export function columnType(items: { properties: Record<string, unknown> }[], key: string): ColumnType {
  const values = items.map((i) => i.properties[key]).filter((v) => v !== null && v !== undefined);
  if (values.length === 0) return 'string';
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  if (values.every((v) => typeof v === 'number' && Number.isFinite(v))) return 'double';
  return 'string';
}

/** A property value as text: lists joined with "; ", nothing for null. */
function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(toText).join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The property names of a set of items beyond the fixed columns, sorted, for stable output. */
export function extraKeys(items: { properties: Record<string, unknown> }[], fixed: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const item of items) for (const k of Object.keys(item.properties)) if (!fixed.includes(k) && !INTERNAL.has(k)) keys.add(k);
  return [...keys].sort();
}

/** One node as a flat record of texts: fixed columns, then its other properties. */
export function nodeRecord(n: GraphNode, extra: string[]): Record<string, string> {
  const out: Record<string, string> = { id: n.id, type: n.type, label: n.label };
  for (const c of NODE_COLUMNS.slice(3)) out[c] = toText(n.properties[c]);
  for (const k of extra) out[k] = toText(n.properties[k]);
  return out;
}

/** One edge as a flat record of texts. */
export function edgeRecord(e: GraphEdge, extra: string[]): Record<string, string> {
  const out: Record<string, string> = { id: e.id, source: e.source, target: e.target, type: e.type };
  for (const c of EDGE_COLUMNS.slice(4)) out[c] = toText(e.properties[c]);
  for (const k of extra) out[k] = toText(e.properties[k]);
  return out;
}

/** Adds the URLs of each item's sources (`sourceUrls`), looked up once for the whole subgraph. */
export async function withSourceUrls(graph: Subgraph, lookup: (ids: string[]) => Promise<Map<string, string>>): Promise<Subgraph> {
  const ids = new Set<string>();
  const sourcesOf = (p: Record<string, unknown>) => (Array.isArray(p.sources) ? (p.sources as string[]) : []);
  for (const item of [...graph.nodes, ...graph.edges]) for (const id of sourcesOf(item.properties)) ids.add(id);
  const urls = ids.size > 0 ? await lookup([...ids]) : new Map<string, string>();
  const add = <T extends { properties: Record<string, unknown> }>(item: T): T => ({
    ...item,
    properties: { ...item.properties, sourceUrls: sourcesOf(item.properties).map((id) => urls.get(id) ?? '') },
  });
  return { nodes: graph.nodes.map(add), edges: graph.edges.map(add), truncated: graph.truncated };
}
