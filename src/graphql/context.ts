import type { Config } from '../config.js';
import { neo4j, readRows, type Graph, type ReadRows } from '../neo4j/driver.js';
import { ALL_PROPERTIES, type PropertiesOf } from '../neo4j/queries/nodes.js';
import { ERROR_CODES, toApiError, userError } from './errors.js';
import { LIMITS } from './limits.js';
import { createLoaders, type Loaders } from './loaders.js';
import { SELECTS_ALL, type Selects } from './projection.js';

/** Runs one read query with the request's remaining time and returns plain rows. */
export type RunQuery = ReadRows;

/**
 * What every resolver receives: the graph, the configuration, a deadline, per-request DataLoaders
 * and what the request's document reads: stored properties and fields (everything unless narrowed).
 */
export interface ApiContext {
  graph: Graph;
  config: Config;
  /**
   * When the request's time limit runs out; Infinity for a mutation (see timeLimitPlugin in app.ts).
   * An object, so that run sees a change: yoga copies the context's fields into a context of its own.
   */
  limit: { deadline: number };
  run: RunQuery;
  loaders: Loaders;
  /**
   * What the request's document reads: the stored properties per label and the fields it selects
   * (everything until the projection plugin narrows them). An object, for the same reason as
   * `limit`: the loaders read it, and they hold the context createContext built.
   */
  projection: { properties: PropertiesOf; selects: Selects };
  /** The request's Authorization header, checked only by what writes (see auth.ts). */
  authorization: string | null;
  /**
   * Takes `nodes` from what the request may still ask of neighborhood and paths, before the
   * query runs; throws COST_LIMIT_EXCEEDED naming `field` once the request's fields together ask
   * for more than LIMITS.maxSubgraphNodesPerRequest (thirty aliases of a 500-node neighborhood would
   * build a 20 MB answer while every other request waits).
   */
  reserveNodes(nodes: number, field: string): void;
}

/** JavaScript numbers travel as floats; whole numbers become Cypher integers (LIMIT, SKIP, durations need them). */
function toNeo4jParams(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'number' && Number.isSafeInteger(v) ? neo4j.int(v) : v;
  return out;
}

/** Builds the context of one request: read-only queries, each bounded by what is left of the time limit, and by the limit itself. */
export function createContext(graph: Graph, config: Config, authorization: string | null = null): ApiContext {
  const limit = { deadline: Date.now() + config.queryTimeoutMs };
  const run: RunQuery = async <R>(cypher: string, params: Record<string, unknown> = {}) => {
    const left = Math.min(limit.deadline - Date.now(), config.queryTimeoutMs);
    if (left <= 0) throw userError(ERROR_CODES.timeout, `the query ran past the time limit of ${config.queryTimeoutMs} ms`);
    try {
      return (await readRows(graph, cypher, toNeo4jParams(params), Math.max(1, left))) as R[];
    } catch (error) {
      throw toApiError(error);
    }
  };
  let reserved = 0;
  const reserveNodes = (nodes: number, field: string) => {
    reserved += nodes;
    if (reserved > LIMITS.maxSubgraphNodesPerRequest)
      throw userError(ERROR_CODES.cost, `${field}: the request's neighborhood and paths fields ask for ${reserved} nodes together, more than ${LIMITS.maxSubgraphNodesPerRequest}; ask in smaller parts`);
  };
  const projection = { properties: ALL_PROPERTIES, selects: SELECTS_ALL };
  const ctx: ApiContext = { graph, config, limit, run, authorization, reserveNodes, projection, loaders: createLoaders(run, () => projection.properties) };
  return ctx;
}
