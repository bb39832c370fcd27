import { GraphQLError } from 'graphql';
import { isExportFormat, toExport, withSourceUrls } from '../export/index.js';
import { sha256 } from '../model/ids.js';
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
  // A whole number of any size; the root field's own check refuses one out of its range, and says so.
  if (!/^\d+$/.test(v)) throw userError(ERROR_CODES.badInput, `${name} must be a whole number, got ${JSON.stringify(v.slice(0, 20))}`);
  return Number(v);
};

/** The parameters of each export (the command line's options, in kebab case); any other, or one given twice, is refused (a misspelt `max-hops` would silently export 4 hops). */
export const EXPORT_PARAMETERS: Record<ExportRequest['kind'], readonly string[]> = { neighborhood: ['id', 'depth', 'limit'], paths: ['from', 'to', 'maxHops', 'first'] };

/** Reads an export request from URL search parameters; throws BAD_USER_INPUT naming the parameter. */
function parseExportRequest(kind: string, q: URLSearchParams): ExportRequest {
  const allowed = kind === 'neighborhood' || kind === 'paths' ? EXPORT_PARAMETERS[kind] : undefined;
  if (!allowed) throw userError(ERROR_CODES.badInput, `unknown export ${JSON.stringify(kind.slice(0, 40))}: use neighborhood or paths`);
  const names = [...q.keys()];
  const unknown = names.find((name) => !allowed.includes(name));
  if (unknown !== undefined) throw userError(ERROR_CODES.badInput, `unknown parameter ${JSON.stringify(unknown.slice(0, 40))}: ${kind} takes ${allowed.join(', ')}`);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) throw userError(ERROR_CODES.badInput, `the parameter ${twice} is given more than once`);
  const need = (name: string) => {
    const v = q.get(name);
    if (!v) throw userError(ERROR_CODES.badInput, `the parameter ${name} is required`);
    return v;
  };
  if (kind === 'neighborhood') return { kind, id: need('id'), depth: int(q.get('depth'), 'depth'), limit: int(q.get('limit'), 'limit') };
  return { kind: 'paths', from: need('from'), to: need('to'), maxHops: int(q.get('maxHops'), 'maxHops'), first: int(q.get('first'), 'first') };
}

/** The paths' subgraph, each edge with the numbers of the paths it is on (`paths`, 1 the shortest), as the ranking of the `paths` field gives them. */
async function pathsGraph(ctx: ApiContext, r: Extract<ExportRequest, { kind: 'paths' }>): Promise<Subgraph> {
  const result = await paths(null, r, ctx);
  const on = new Map<string, number[]>();
  result.paths.forEach((path, i) => {
    // A path passes no node twice, so it holds an edge once.
    for (const { edgeId } of path.hops) on.set(edgeId, [...(on.get(edgeId) ?? []), i + 1]);
  });
  return { ...result.subgraph, edges: result.subgraph.edges.map((e) => ({ ...e, properties: { ...e.properties, paths: on.get(e.id) ?? [] } })) };
}

/** Loads the subgraph of an export request through the root fields' own resolvers (same defaults and checks), with the URLs of its sources. */
export async function loadExportGraph(ctx: ApiContext, r: ExportRequest): Promise<Subgraph> {
  const graph = r.kind === 'neighborhood' ? await neighborhood(null, r, ctx) : await pathsGraph(ctx, r);
  return withSourceUrls(graph, async (ids) => {
    const rows = await ctx.run<{ id: string; source: { url: string | null } }>(sourcesByIdCypher, { ids });
    return new Map(rows.map((row) => [row.id, row.source.url ?? '']));
  });
}


/** An id as part of a file name: letters, digits and dashes, at most 60; when that changed it (a URL, "name:…"), a short hash of the id follows, so two ids never share a name. */
function fileNamePart(id: string): string {
  const plain = id.slice(0, 60).replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return plain === id ? plain : [plain, sha256(id).slice(0, 8)].filter(Boolean).join('-');
}

/** A file name for an export, over HTTP and on the command line: the kind and the ids it starts from ("neighborhood-hikvision.gexf"). */
export function exportFileName(r: ExportRequest, format: string): string {
  return `${[r.kind, ...(r.kind === 'neighborhood' ? [r.id] : [r.from, r.to]).map(fileNamePart)].join('-')}.${format}`;
}

/** The status of a refusal: the database's time or absence is no fault of the request. */
const STATUS_OF: Record<string, number> = { [ERROR_CODES.timeout]: 503, [ERROR_CODES.unavailable]: 503 };

/**
 * Handles GET /export/<neighborhood|paths>.<format>?…: the file, with `X-Graafwerk-Truncated` saying
 * whether the subgraph was cut at its size limit, or a JSON error with its code.
 */
export async function handleExport(ctx: ApiContext, pathname: string, search: URLSearchParams): Promise<Response> {
  const m = /^\/export\/([a-z]+)\.([a-z.]+)$/.exec(pathname);
  try {
    if (!m || !isExportFormat(m[2]!)) throw userError(ERROR_CODES.badInput, 'use /export/<neighborhood|paths>.<graphml|gexf|cytoscape.json|nodes.csv|edges.csv>');
    const request = parseExportRequest(m[1]!, search);
    const subgraph = await loadExportGraph(ctx, request);
    const { body, contentType } = toExport(subgraph, m[2]);
    return new Response(body, {
      headers: { 'content-type': contentType, 'content-disposition': `attachment; filename="${exportFileName(request, m[2])}"`, 'x-graafwerk-truncated': String(subgraph.truncated) },
    });
  } catch (error) {
    if (error instanceof GraphQLError && typeof error.extensions.code === 'string') return jsonResponse(STATUS_OF[error.extensions.code] ?? 400, { error: error.message, code: error.extensions.code });
    return jsonResponse(500, { error: 'internal error', code: 'INTERNAL_SERVER_ERROR' });
  }
}
