import { NODE_KINDS, type NodeLabel } from '../../model/kinds.js';
import { SEARCH_INDEX } from '../schema.js';
import { listed, project } from './nodes.js';

/**
 * Hits of the full-text index that a search reads at most before the filters (the wanted types,
 * listed nodes) and `first`: a bound on the work of a common word, not a cut the filters notice.
 * In the sample corpus (43,738 nodes) the commonest word, van, has 22,759 hits in all fields and
 * 21,372 in a Question's fields; a search for types reads the fields of those types only (van in
 * a Person's name: 43 hits), so the bound matters only for words in a large part of the graph.
 */
export const SEARCH_SCAN_LIMIT = 100_000;

/** The index fields (searchable properties) of the given labels, sorted; empty when none of them is in the index. */
export function searchFields(types: readonly NodeLabel[]): string[] {
  return [...new Set(types.flatMap((t) => NODE_KINDS[t].searchable as readonly string[]))].sort();
}

/**
 * Full-text search with a prepared Lucene query, hits with the given properties. The index returns
 * hits best first, so the filters and LIMIT read them as a stream and stop at `first` hits that pass.
 * Params: $query, $types (null = any), $scan, $first.
 */
export function searchCypher(properties: readonly string[] | null = null): string {
  return `CALL db.index.fulltext.queryNodes('${SEARCH_INDEX}', $query, {limit: $scan}) YIELD node, score
WHERE ${listed('node')} AND ($types IS NULL OR labels(node)[0] IN $types)
WITH node, score LIMIT $first
RETURN ${project('node', properties)} AS node, labels(node)[0] AS type, score`;
}
