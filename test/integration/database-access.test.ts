import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { neo4j, readRows, type Graph } from '../../src/neo4j/driver.js';
import { createTestApi } from '../support/api-client.js';
import { startLocalServer } from '../support/http-server.js';
import { useGraph } from '../support/graph.js';

const local = useGraph();

/** A local port nobody listens on: a free one, taken by a server that then stops. */
async function closedPort(): Promise<string> {
  const server = await startLocalServer(() => {});
  await server.close();
  return new URL(server.url).port;
}

describe('reads', () => {
  it('cannot write: readRows refuses a write and the graph stays as it was', async () => {
    await expect(readRows(local.graph(), 'CREATE (n:Company {id: "written-by-a-read"}) RETURN n.id AS id')).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.AccessMode' });
    expect(await readRows(local.graph(), 'MATCH (n {id: "written-by-a-read"}) RETURN count(n) AS n')).toEqual([{ n: 0 }]);
  });

  it('fail with the stack of the code that awaited them', async () => {
    async function readWithAnUnknownFunction() {
      return await readRows(local.graph(), 'RETURN noSuchFunction(1) AS x');
    }
    const error = (await readWithAnUnknownFunction().catch((e: unknown) => e)) as Error & { code?: string };
    expect(error.code).toBe('Neo.ClientError.Statement.SyntaxError');
    expect(error.stack).toMatch(/^Neo4jError: Unknown function 'noSuchFunction'/);
    expect(error.stack).toContain('readWithAnUnknownFunction');
  });
});

describe('a database that does not answer', () => {
  let graph: Graph;
  let sessions = 0;

  beforeAll(async () => {
    const config = loadConfig();
    const driver = neo4j.driver(`bolt://127.0.0.1:${await closedPort()}`, neo4j.auth.basic(config.neo4jUser, config.neo4jPassword), { connectionTimeout: 2000 });
    const open = driver.session.bind(driver);
    driver.session = (options) => {
      sessions++;
      return open(options);
    };
    graph = { driver, database: config.neo4jDatabase };
  });

  afterAll(async () => {
    await graph.driver.close();
  });

  it('is tried again before readRows gives up with the driver error', async () => {
    sessions = 0;
    await expect(readRows(graph, 'RETURN 1 AS x')).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    expect(sessions).toBe(3);
  });

  it('is not tried again once the time given for the read would be over before the next attempt', async () => {
    sessions = 0;
    await expect(readRows(graph, 'RETURN 1 AS x', {}, 1)).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    expect(sessions).toBe(1);
  });

  it('turns into DATABASE_UNAVAILABLE in the API, with no stack trace, and /healthz says so', async () => {
    const api = createTestApi(graph, { logLevel: 'error' });
    const r = await api.query('{ question(number: "2022Z04510") { number } }');
    expect(r.data?.question ?? null).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0]!.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(JSON.stringify(r)).not.toMatch(/\bat .*\.(ts|js):\d+/);
    const health = await api.get('/healthz');
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'unavailable', neo4j: 'down' });
  });
});
