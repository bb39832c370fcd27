import { loadConfig, type Config } from '../../src/config.js';
import type { Graph } from '../../src/neo4j/driver.js';
import { createApp } from '../../src/graphql/app.js';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string }; [k: string]: unknown }[];
}

/** An API over the test graph, called through yoga.fetch (no port). */
export function createTestApi(graph: Graph, overrides: Partial<Config> = {}) {
  const config = { ...loadConfig(), ...overrides };
  const app = createApp(graph, config);
  return {
    app,
    async query<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
      const res = await app.fetch('http://api.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
    get: (path: string, headers: Record<string, string> = {}) => app.fetch(`http://api.test${path}`, { headers }),
  };
}
