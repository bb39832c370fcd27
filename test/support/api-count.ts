import type { Graph } from '../../src/neo4j/driver.js';

/**
 * Wraps a Graph so every Cypher statement run in a read (an auto-commit statement or a statement
 * inside a read transaction) is counted and kept; the API under test gets the wrapped graph and
 * cannot tell the difference.
 */
export function countingGraph(graph: Graph): { graph: Graph; count: () => number; statements: () => string[]; reset: () => void } {
  let n = 0;
  let seen: string[] = [];
  const wrapTx = <T extends { run: (...a: never[]) => unknown }>(tx: T): T =>
    new Proxy(tx, {
      get: (target, prop, receiver) =>
        prop === 'run'
          ? (...args: never[]) => {
              n++;
              seen.push(String(args[0]));
              return target.run(...args);
            }
          : Reflect.get(target, prop, receiver),
    });
  const driver = new Proxy(graph.driver, {
    get(target, prop, receiver) {
      if (prop !== 'session') return Reflect.get(target, prop, receiver);
      return (...args: Parameters<Graph['driver']['session']>) => {
        const session = wrapTx(target.session(...args));
        const executeRead = session.executeRead.bind(session);
        session.executeRead = ((work: (tx: never) => unknown, config?: never) => executeRead((tx) => work(wrapTx(tx as never) as never) as never, config)) as typeof session.executeRead;
        return session;
      };
    },
  });
  return {
    graph: { driver, database: graph.database },
    count: () => n,
    statements: () => [...seen],
    reset: () => {
      n = 0;
      seen = [];
    },
  };
}
