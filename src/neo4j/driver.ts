import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import type { Config } from '../config.js';
import { boltUri } from './local.js';

export { neo4j };
export type { Driver, ManagedTransaction };

/** A connected driver plus the database to use. */
export interface Graph {
  driver: Driver;
  database: string;
}

/** Opens a driver for the configured Neo4j (NEO4J_URI, or the local one) and checks that it answers. */
export async function connectGraph(config: Config): Promise<Graph> {
  const driver = neo4j.driver(boltUri(config), neo4j.auth.basic(config.neo4jUser, config.neo4jPassword), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 30_000,
    userAgent: 'graafwerk/0.1',
    // Nothing reads Cypher's notifications (unknown labels, properties no node has yet, …); without
    // this filter the server sends a dozen such warnings with every answer and the driver unpacks them.
    notificationFilter: { minimumSeverityLevel: 'OFF' },
  });
  try {
    await driver.verifyConnectivity({ database: config.neo4jDatabase });
  } catch (error) {
    await driver.close();
    throw error;
  }
  return { driver, database: config.neo4jDatabase };
}

/** Runs a read-only unit of work in a retried read transaction. */
export function readGraph<T>(graph: Graph, work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number): Promise<T> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.READ });
  return session.executeRead(work, timeoutMs ? { timeout: timeoutMs } : undefined).finally(() => session.close());
}

/** Runs a unit of work in a retried write transaction. */
export function writeGraph<T>(graph: Graph, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.WRITE });
  return session.executeWrite(work).finally(() => session.close());
}

/** Runs one read query in a retried read transaction and returns its records as plain objects. */
export async function readRows<R extends RecordShape = RecordShape>(
  graph: Graph,
  cypher: string,
  params: Record<string, unknown> = {},
  timeoutMs?: number,
): Promise<R[]> {
  const result: QueryResult<R> = await readGraph(graph, (tx) => tx.run<R>(cypher, params), timeoutMs);
  return result.records.map((r) => r.toObject());
}

/** A read of rows as plain objects: `readerOf(graph)`, or a request's `ctx.run` (with its deadline and error codes). */
export type ReadRows = <R = Record<string, unknown>>(cypher: string, params?: Record<string, unknown>) => Promise<R[]>;

/** Reads rows from a graph in retried read transactions. */
export const readerOf =
  (graph: Graph): ReadRows =>
  <R>(cypher: string, params: Record<string, unknown> = {}) =>
    readRows(graph, cypher, params) as Promise<R[]>;
