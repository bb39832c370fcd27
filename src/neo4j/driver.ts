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

/** Runs a unit of work in a retried write transaction. */
export function writeGraph<T>(graph: Graph, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.WRITE });
  return session.executeWrite(work).finally(() => session.close());
}

/** How often readRows tries a query that failed with a transient error, and the pause before the first retry (doubled for each next one). */
const READ_ATTEMPTS = 3;
const READ_RETRY_PAUSE_MS = 50;

/**
 * Calls `start` with stack traces off. The driver records the caller's stack trace with every
 * query it starts (`new Error().stack`), only to put it on an error should one come; formatting
 * that trace took 50–60 µs per query, a sixth of a trivial read. Whoever starts a query this way
 * puts the caller's stack on the rare error instead (withCallerStack).
 */
function withoutStackCapture<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** The error with the stack of the code awaiting this read (V8's async stack trace) in place of the one lost to withoutStackCapture. */
function withCallerStack(error: unknown): unknown {
  if (error instanceof Error) Error.captureStackTrace(error, readRows);
  return error;
}

/**
 * Runs one read query and returns its records as plain objects. One statement needs no explicit
 * transaction: as an auto-commit query its RUN and PULL go in one round trip, where BEGIN and
 * COMMIT would add a second (RETURN 1 took 0.69 ms instead of 1.17 ms at the median). Transient
 * failures are retried, as a managed transaction would be, but only within `timeoutMs`, which
 * bounds all attempts together.
 */
export async function readRows<R extends RecordShape = RecordShape>(
  graph: Graph,
  cypher: string,
  params: Record<string, unknown> = {},
  timeoutMs?: number,
): Promise<R[]> {
  const deadline = timeoutMs ? Date.now() + timeoutMs : Infinity;
  for (let attempt = 1; ; attempt++) {
    const pause = READ_RETRY_PAUSE_MS * 2 ** (attempt - 1);
    const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.READ });
    try {
      const config = timeoutMs ? { timeout: Math.max(1, deadline - Date.now()) } : undefined;
      const result: QueryResult<R> = await withoutStackCapture(() => session.run<R>(cypher, params, config));
      return result.records.map((r) => r.toObject());
    } catch (error) {
      if (attempt >= READ_ATTEMPTS || !neo4j.isRetryableError(error) || Date.now() + pause >= deadline) throw withCallerStack(error);
    } finally {
      await session.close();
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/** A read of rows as plain objects: `readerOf(graph)`, or a request's `ctx.run` (with its deadline and error codes). */
export type ReadRows = <R = Record<string, unknown>>(cypher: string, params?: Record<string, unknown>) => Promise<R[]>;

/** Reads rows from a graph with readRows. */
export const readerOf =
  (graph: Graph): ReadRows =>
  <R>(cypher: string, params: Record<string, unknown> = {}) =>
    readRows(graph, cypher, params) as Promise<R[]>;
