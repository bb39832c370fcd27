import { elementByIdCypher, pathsCypher } from '../../neo4j/queries/graph.js';
import type { ApiContext } from '../context.js';
import { ERROR_CODES } from '../errors.js';
import { LIMITS, SUBGRAPH_DEFAULTS, checkRange, checkText } from '../limits.js';
import { nodeOfKey, toGraphEdge, toGraphNode, type GraphEdge, type GraphNode, type GraphNodeRow, type Subgraph } from './subgraph.js';

interface PathRow {
  nodes: GraphNodeRow[];
  rels: { type: string; source: string; target: string; properties: Record<string, unknown> }[];
}

export interface Hop {
  /** The id of the hop's edge in the paths' subgraph. */
  edgeId: string;
  type: string;
  from: string;
  to: string;
  reversed: boolean;
  properties: Record<string, unknown>;
  sourceIds: string[];
}

export interface PathsResult {
  paths: { length: number; nodes: GraphNode[]; hops: Hop[] }[];
  subgraph: Subgraph;
}

/** The element id of the node a value names: by its id, else by another unique key of it (nodeOfKey). */
async function elementOf(ctx: ApiContext, value: string, argument: string): Promise<string> {
  const [row] = await ctx.run<{ eid: string }>(elementByIdCypher, { id: value });
  return row ? row.eid : (await nodeOfKey(ctx, value, argument)).eid;
}

/** Loads the shortest and alternative paths between two nodes, as paths and as one subgraph. */
async function loadPaths(ctx: ApiContext, from: string, to: string, maxHops: number, k: number): Promise<PathsResult> {
  // Both looked up at once, but a missing `from` is reported before a missing `to`, whichever answers first.
  const [a, b] = (await Promise.allSettled([elementOf(ctx, from, 'from'), elementOf(ctx, to, 'to')])).map((r) => {
    if (r.status === 'rejected') throw r.reason;
    return r.value;
  });
  if (a === b) return { paths: [], subgraph: { nodes: [], edges: [], truncated: false } };
  const rows = await ctx.run<PathRow>(pathsCypher(maxHops, k), { from: a, to: b });
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const paths = rows.map((row) => {
    const pathNodes = row.nodes.map(toGraphNode);
    for (const n of pathNodes) nodes.set(n.id, n);
    const hops = row.rels.map((r, i) => {
      const edge = toGraphEdge(r.type, r.source, r.target, r.properties);
      edges.set(edge.id, edge);
      const here = pathNodes[i]!.id;
      const sourceIds = Array.isArray(r.properties.sources) ? (r.properties.sources as string[]) : [];
      return { edgeId: edge.id, type: r.type, from: here, to: pathNodes[i + 1]!.id, reversed: r.source !== here, properties: r.properties, sourceIds };
    });
    return { length: hops.length, nodes: pathNodes, hops };
  });
  return { paths, subgraph: { nodes: [...nodes.values()], edges: [...edges.values()], truncated: false } };
}

/** Root field `paths(from, to, maxHops, first)`: maxHops above 6 is refused with MAX_HOPS_EXCEEDED. */
export function paths(_: unknown, args: { from: string; to: string; maxHops?: number; first?: number }, ctx: ApiContext) {
  checkText(args.from, 'from', 2000);
  checkText(args.to, 'to', 2000);
  const maxHops = checkRange(args.maxHops ?? SUBGRAPH_DEFAULTS.maxHops, 1, LIMITS.maxHops, 'maxHops', ERROR_CODES.hops);
  const k = checkRange(args.first ?? SUBGRAPH_DEFAULTS.first, 1, LIMITS.maxPaths, 'first');
  ctx.reserveNodes(k * (maxHops + 1), 'paths');
  return loadPaths(ctx, args.from, args.to, maxHops, k);
}
