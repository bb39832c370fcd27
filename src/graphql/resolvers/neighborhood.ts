import { elementByIdCypher, expandCypher } from '../../neo4j/queries/graph.js';
import type { NodeObject } from '../../neo4j/queries/nodes.js';
import type { ApiContext } from '../context.js';
import { ERROR_CODES, userError } from '../errors.js';
import { LIMITS, checkRange, checkText } from '../limits.js';
import { toGraphEdge, toGraphNode, type GraphEdge, type GraphNode, type Subgraph } from './subgraph.js';

interface ExpandRow {
  bid: string;
  node: NodeObject;
  type: string;
  source: string;
  target: string;
  rel: Record<string, unknown>;
}

/** Loads the subgraph around a node, level by level, stopping at `limit` nodes (then `truncated`). */
export async function loadNeighborhood(ctx: ApiContext, id: string, depth: number, limit: number): Promise<Subgraph> {
  const [start] = await ctx.run<{ eid: string; node: NodeObject }>(elementByIdCypher, { id });
  if (!start) throw userError(ERROR_CODES.badInput, `id: no node with id ${JSON.stringify(id.slice(0, 200))}`);
  const nodes = new Map<string, GraphNode>([[start.eid, toGraphNode(start.node)]]);
  const edges = new Map<string, GraphEdge>();
  let frontier = [start.eid];
  let truncated = false;
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    // One row past the room left tells whether the level was cut.
    const cap = (limit - nodes.size + 1) * 4 + edges.size + 50;
    const rows = await ctx.run<ExpandRow>(expandCypher, { frontier, cap });
    if (rows.length >= cap) truncated = true;
    const next: string[] = [];
    for (const row of rows) {
      if (!nodes.has(row.bid)) {
        if (nodes.size >= limit) {
          truncated = true;
          continue;
        }
        nodes.set(row.bid, toGraphNode(row.node));
        next.push(row.bid);
      }
      const edge = toGraphEdge(row.type, row.source, row.target, row.rel);
      edges.set(edge.id, edge);
    }
    frontier = next;
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated };
}

/** Root field `neighborhood(id, depth, limit)`. */
export function neighborhood(_: unknown, args: { id: string; depth?: number; limit?: number }, ctx: ApiContext) {
  checkText(args.id, 'id', 2000);
  const depth = checkRange(args.depth ?? 1, 1, LIMITS.maxNeighborhoodDepth, 'depth');
  const limit = checkRange(args.limit ?? 100, 1, LIMITS.maxNeighborhoodNodes, 'limit');
  return loadNeighborhood(ctx, args.id, depth, limit);
}
