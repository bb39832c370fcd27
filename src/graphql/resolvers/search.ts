import { isNodeLabel } from '../../model/kinds.js';
import { toLuceneQuery } from '../../neo4j/queries/lucene.js';
import { LOOKUP_LABELS, type NodeObject } from '../../neo4j/queries/nodes.js';
import { searchFields } from '../../neo4j/schema.js';
import { searchCypher, searchScan } from '../../neo4j/queries/search.js';
import { cached, propertiesKey } from '../loaders.js';
import type { ApiContext } from '../context.js';
import { checkFirst, checkText } from '../limits.js';

/**
 * Root field `search(text, types, first)`: full-text with typo tolerance; the input never reaches
 * Lucene as syntax. Types restrict the query to their fields and the hits to their labels.
 */
export async function search(_: unknown, args: { text: string; types?: string[] | null; first?: number }, ctx: ApiContext) {
  checkText(args.text, 'text');
  const first = checkFirst(args.first);
  const types = args.types && args.types.length > 0 ? [...new Set(args.types.filter(isNodeLabel))] : null;
  const fields = types ? searchFields(types) : null;
  // A type without searchable properties (Decision) has nothing in the index.
  if (fields?.length === 0) return [];
  const query = toLuceneQuery(args.text, fields);
  if (query === null) return [];
  const props = ctx.projection.properties(LOOKUP_LABELS);
  return ctx.run<{ node: NodeObject; type: string; score: number }>(cached(`search:${propertiesKey(props)}`, () => searchCypher(props)), {
    query,
    types,
    first,
    scan: searchScan(first, types !== null),
  });
}
