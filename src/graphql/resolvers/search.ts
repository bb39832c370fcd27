import { searchCypher } from '../../neo4j/queries/graph.js';
import { toLuceneQuery } from '../../neo4j/queries/lucene.js';
import { LOOKUP_LABELS, type NodeObject } from '../../neo4j/queries/nodes.js';
import { cached, propertiesKey } from '../loaders.js';
import type { ApiContext } from '../context.js';
import { checkFirst, checkText } from '../limits.js';

/** Root field `search(text, types, first)`: full-text with typo tolerance; the input never reaches Lucene as syntax. */
export async function search(_: unknown, args: { text: string; types?: string[] | null; first?: number }, ctx: ApiContext) {
  checkText(args.text, 'text');
  const first = checkFirst(args.first);
  const query = toLuceneQuery(args.text);
  if (query === null) return [];
  const types = args.types && args.types.length > 0 ? args.types : null;
  const props = ctx.projection.properties(LOOKUP_LABELS);
  const rows = await ctx.run<{ node: NodeObject; type: string; score: number }>(cached(`search:${propertiesKey(props)}`, () => searchCypher(props)), {
    query,
    types,
    first,
    fetch: types ? first * 10 : first * 2,
  });
  return rows;
}
