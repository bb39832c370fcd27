import { SEARCH_INDEX } from '../schema.js';
import { listed, project } from './nodes.js';

/**
 * Hits of the full-text index a search reads before its filters (listed nodes, the wanted types)
 * and `first`: twice `first` for any type, twenty times with types, whose query already keeps to
 * their fields (van in a Person's name: 43 hits of the sample corpus's 22,759 in all fields). The
 * index ranks every match whatever the bound, but a bound of 100,000 made a search of van take
 * 9.3 ms against 4.7 ms with 40.
 */
export const searchScan = (first: number, typed: boolean): number => first * (typed ? 20 : 2);

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
