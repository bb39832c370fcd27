import { isDeepStrictEqual } from 'node:util';
import { loadConfig, type Config } from '../../src/config.js';
import type { Graph } from '../../src/neo4j/driver.js';
import { createApp } from '../../src/graphql/app.js';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string }; [k: string]: unknown }[];
}

/**
 * What two runs of a document must share: status, data and, of the errors, each one's code and
 * fields. Which error a failing non-null field reports first (nulling the rest) may vary with timing.
 */
const comparable = (r: GraphQLResponse<unknown>) => ({
  status: r.status,
  data: r.data,
  errors: r.errors?.map((e) => `${e.extensions?.code}:${Object.keys(e).sort().join(',')}`).sort(),
});

/**
 * An API over the test graph, called through yoga.fetch (no port). With `bothEngines`, every query
 * (not a mutation) is sent twice, first interpreted and then compiled by graphql-jit (the API
 * compiles a document from its second run on), and fails unless both answers are alike (see `comparable`).
 */
export function createTestApi(graph: Graph, overrides: Partial<Config> = {}, { bothEngines = false } = {}) {
  const config = { ...loadConfig(), ...overrides };
  const app = createApp(graph, config);
  const send = async <T>(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<GraphQLResponse<T>> => {
    const res = await app.fetch('http://api.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...((await res.json()) as object) };
  };
  return {
    app,
    async query<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
      const first = await send<T>(query, variables, headers);
      if (!bothEngines || /^\s*mutation\b/.test(query)) return first;
      const again = await send<T>(query, variables, headers);
      if (!isDeepStrictEqual(comparable(again), comparable(first))) throw new Error(`compiled and interpreted answers differ for ${query.slice(0, 300)}:\n${JSON.stringify(first).slice(0, 1500)}\n${JSON.stringify(again).slice(0, 1500)}`);
      return again;
    },
    get: (path: string, headers: Record<string, string> = {}) => app.fetch(`http://api.test${path}`, { headers }),
  };
}
