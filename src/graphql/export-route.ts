import { GraphQLError } from 'graphql';
import { isExportFormat, toExport, withSourceUrls } from '../export/index.js';
import { sourcesByIdCypher } from '../neo4j/queries/nodes.js';
import type { ApiContext } from './context.js';
import { ERROR_CODES, jsonResponse, userError } from './errors.js';
import { neighborhood } from './resolvers/neighborhood.js';
import { paths } from './resolvers/paths.js';
import type { Subgraph } from './resolvers/subgraph.js';

/** What to export: a neighbourhood or the paths between two nodes. */
export type ExportRequest = { kind: 'neighborhood'; id: string; depth?: number; limit?: number } | { kind: 'paths'; from: string; to: string; maxHops?: number; first?: number };

const int = (v: string | null | undefined, name: string): number | undefined => {
  if (v === null || v === undefined || v === '') return undefined;
  if (!/^\d{1,6}$/.test(v)) throw userError(ERROR_CODES.badInput, `${name} must be a whole number, got ${JSON.stringify(v.slice(0, 20))}`);
  return Number(v);
};

/** Reads an export request from URL search parameters; throws BAD_USER_INPUT naming the parameter. */
function parseExportRequest(kind: string, q: URLSearchParams): ExportRequest {
  const need = (name: string) => {
    const v = q.get(name);
    if (!v) throw userError(ERROR_CODES.badInput, `the parameter ${name} is required`);
    return v;
  };
  if (kind === 'neighborhood') return { kind, id: need('id'), depth: int(q.get('depth'), 'depth'), limit: int(q.get('limit'), 'limit') };
  if (kind === 'paths') return { kind, from: need('from'), to: need('to'), maxHops: int(q.get('maxHops'), 'maxHops'), first: int(q.get('first'), 'first') };
  throw userError(ERROR_CODES.badInput, `unknown export ${JSON.stringify(kind.slice(0, 40))}: use neighborhood or paths`);
}

/** Loads the subgraph of an export request through the root fields' own resolvers (same defaults and checks), with the URLs of its sources. */
export async function loadExportGraph(ctx: ApiContext, r: ExportRequest): Promise<Subgraph> {
  const graph = r.kind === 'neighborhood' ? await neighborhood(null, r, ctx) : (await paths(null, r, ctx)).subgraph;
  return withSourceUrls(graph, async (ids) => {
    const rows = await ctx.run<{ id: string; source: { url: string | null } }>(sourcesByIdCypher, { ids });
    return new Map(rows.map((row) => [row.id, row.source.url ?? '']));
  });
}


/** Handles GET /export/<neighborhood|paths>.<format>?…: the file, or a JSON error with its code. */
export async function handleExport(ctx: ApiContext, pathname: string, search: URLSearchParams): Promise<Response> {
  const m = /^\/export\/([a-z]+)\.([a-z.]+)$/.exec(pathname);
  try {
    if (!m || !isExportFormat(m[2]!)) throw userError(ERROR_CODES.badInput, 'use /export/<neighborhood|paths>.<graphml|gexf|cytoscape.json|nodes.csv|edges.csv>');
    const request = parseExportRequest(m[1]!, search);
    const { body, contentType } = toExport(await loadExportGraph(ctx, request), m[2]);
    return new Response(body, { headers: { 'content-type': contentType, 'content-disposition': `attachment; filename="${m[1]}.${m[2]}"` } });
  } catch (error) {
    if (error instanceof GraphQLError && typeof error.extensions.code === 'string') return jsonResponse(400, { error: error.message, code: error.extensions.code });
    return jsonResponse(500, { error: 'internal error', code: 'INTERNAL_SERVER_ERROR' });
  }
}
