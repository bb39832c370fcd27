import { neighborhoodCypher } from '../../neo4j/queries/graph.js';
import { cached } from '../loaders.js';
import type { ApiContext } from '../context.js';
import { ERROR_CODES, userError } from '../errors.js';
import { LIMITS, SUBGRAPH_DEFAULTS, checkRange, checkText } from '../limits.js';
import { nodeOfKey, toGraphEdge, toGraphNode, type GraphEdge, type GraphNodeRow, type Subgraph } from './subgraph.js';

interface NeighborhoodRow {
  nodes: GraphNodeRow[];
  edges: { type: string; source: string; target: string; rel: Record<string, unknown> }[];
  truncated: boolean;
}

/** Edges a neighbourhood returns per node of its limit: beyond that the edges between its nodes are cut (then `truncated`). */
const EDGES_PER_NODE = 10;

/** Loads the subgraph around a node in one query: at most `limit` nodes and the edges between them, at most EDGES_PER_NODE × `limit` (cut: `truncated`). */
async function loadNeighborhood(ctx: ApiContext, id: string, depth: number, limit: number): Promise<Subgraph> {
  const nodeProperties = ctx.projection.selects('GraphNode.properties');
  const edgeProperties = ctx.projection.selects('GraphEdge.properties');
  const cypher = cached(`neighborhood:${depth}:${nodeProperties}:${edgeProperties}`, () => neighborhoodCypher(depth, nodeProperties, edgeProperties));
  const params = { id, limit, cap: limit * 4 + 50, edgeCap: limit * EDGES_PER_NODE };
  // By id in the same query as the walk; only a value that is no id costs a second lookup, by key.
  let [row] = await ctx.run<NeighborhoodRow>(cypher, params);
  if (!row) [row] = await ctx.run<NeighborhoodRow>(cypher, { ...params, id: (await nodeOfKey(ctx, id, 'id')).id });
  if (!row) throw userError(ERROR_CODES.badInput, `id: no node with id or key ${JSON.stringify(id.slice(0, 200))}`);
  const edges = new Map<string, GraphEdge>();
  for (const e of row.edges) {
    const edge = toGraphEdge(e.type, e.source, e.target, e.rel);
    edges.set(edge.id, edge);
  }
  return { nodes: row.nodes.map(toGraphNode), edges: [...edges.values()], truncated: row.truncated };
}

/** Root field `neighborhood(id, depth, limit)`. */
export function neighborhood(_: unknown, args: { id: string; depth?: number; limit?: number }, ctx: ApiContext) {
  checkText(args.id, 'id', 2000);
  const depth = checkRange(args.depth ?? SUBGRAPH_DEFAULTS.depth, 1, LIMITS.maxNeighborhoodDepth, 'depth');
  const limit = checkRange(args.limit ?? SUBGRAPH_DEFAULTS.limit, 1, LIMITS.maxNeighborhoodNodes, 'limit');
  ctx.reserveNodes(limit, 'neighborhood');
  return loadNeighborhood(ctx, args.id, depth, limit);
}
