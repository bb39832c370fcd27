import type { ApiContext } from './context.js';
import { ERROR_CODES, userError } from './errors.js';
import { checkFirst } from './limits.js';
import type { NodeObject } from '../neo4j/queries/nodes.js';

const MAX_OFFSET = 100_000;

/** Encodes a position in a list as an opaque cursor. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

/** Decodes a cursor to the offset after it; throws BAD_USER_INPUT on anything else. */
export function decodeCursor(after: string | null | undefined): number {
  if (after === null || after === undefined || after === '') return 0;
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  const n = m ? Number(m[1]) : NaN;
  if (!Number.isInteger(n) || n > MAX_OFFSET) throw userError(ERROR_CODES.badInput, 'after must be a cursor returned by this API');
  return n;
}

export interface ConnectionQuery {
  page: string;
  count: string;
  params: Record<string, unknown>;
}

/**
 * Loads one page (asking for one extra row to know whether another page follows); totalCount is a
 * separate count query, run only when the field is asked for.
 */
export async function loadConnection(ctx: ApiContext, q: ConnectionQuery, first: number | null | undefined, after: string | null | undefined, extra: Record<string, unknown> = {}) {
  const size = checkFirst(first);
  const skip = decodeCursor(after);
  const rows = await ctx.run<{ node: NodeObject }>(q.page, { ...q.params, skip, limit: size + 1 });
  const nodes = rows.slice(0, size).map((r) => ({ ...r.node, ...extra }));
  let total: Promise<number> | undefined;
  return {
    nodes,
    edges: nodes.map((node, i) => ({ cursor: encodeCursor(skip + i + 1), node })),
    pageInfo: { hasNextPage: rows.length > size, endCursor: nodes.length > 0 ? encodeCursor(skip + nodes.length) : null },
    totalCount: () => (total ??= ctx.run<{ total: number }>(q.count, q.params).then((r) => Number(r[0]?.total ?? 0))),
  };
}

/**
 * The resolvers of a connection type: totalCount is a count query run only when asked for, and the
 * compiled executor (see app.ts) calls a function or awaits a promise only where a resolver returns it.
 */
export const connectionResolvers = {
  totalCount: (connection: { totalCount: () => Promise<number> }) => connection.totalCount(),
};
