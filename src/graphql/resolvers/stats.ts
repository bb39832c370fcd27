import { statsCypher } from '../../neo4j/queries/graph.js';
import type { ApiContext } from '../context.js';

/** Root field `stats`: node counts per label and edge counts per type, in one query. */
export async function stats(_: unknown, __: unknown, ctx: ApiContext) {
  const rows = await ctx.run<{ kind: string; name: string; count: number }>(statsCypher);
  const pick = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => ({ name: r.name, count: Number(r.count) }));
  return { nodes: pick('node'), edges: pick('edge') };
}
