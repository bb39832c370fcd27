import type { Config } from '../../src/config.js';
import { localStatus, startLocal, stopLocal } from '../../src/neo4j/local.js';
import { parseCommand, UsageError } from './args.js';

const USAGE = `usage: graafwerk db start|stop|status [--test]

  start     start the local Neo4j (used when NEO4J_URI is unset) and wait until it answers
  stop      stop it
  status    print its state as JSON; exit 0 when it runs, 3 when not
  --test    the local Neo4j of tests and benchmarks instead (GRAAFWERK_TEST_BOLT_PORT, GRAAFWERK_TEST_NEO4J_HOME)
`;

const say = (msg: string): void => void process.stderr.write(`${msg}\n`);

/** Tests and benchmarks empty the graph, so their local Neo4j is a store and port of its own. */
export const forTests = (config: Config): Config => ({ ...config, localBoltPort: config.testBoltPort, localHome: config.testNeo4jHome });

/** `graafwerk db start|stop|status [--test]`: the local Neo4j, or with --test the one of tests. */
export async function dbCommand(configOf: () => Config, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, USAGE, { test: { type: 'boolean', default: false } }, 1);
  const [action] = positionals;
  if (action !== 'start' && action !== 'stop' && action !== 'status')
    throw new UsageError(action === undefined ? 'say start, stop or status' : `unknown action ${JSON.stringify(action)}: use start, stop or status`, USAGE);
  const config = values.test ? forTests(configOf()) : configOf();
  if (config.neo4jUri) say(`note: NEO4J_URI is set (${config.neo4jUri}); the local Neo4j is not used by the other commands`);
  switch (action) {
    case 'start': {
      const started = await startLocal(config, say);
      const s = await localStatus(config);
      say(started ? `the local Neo4j is ready at ${s.uri}` : `the local Neo4j already runs at ${s.uri} (pid ${s.pid})`);
      return 0;
    }
    case 'stop':
      say((await stopLocal(config)) ? 'the local Neo4j stopped' : 'the local Neo4j was not running');
      return 0;
    case 'status': {
      const s = await localStatus(config);
      process.stdout.write(`${JSON.stringify(s)}\n`);
      return s.running ? 0 : 3;
    }
  }
}

/**
 * Runs `work` with a Neo4j available: NEO4J_URI when set, else the local Neo4j, started for the
 * occasion (and stopped afterwards) when it was not already running.
 */
export async function withDatabase<T>(config: Config, work: (env: Record<string, string>) => Promise<T>): Promise<T> {
  if (config.neo4jUri) return work({});
  const started = await startLocal(config, say);
  const uri = (await localStatus(config)).uri;
  try {
    return await work({ NEO4J_URI: uri, NEO4J_PASSWORD: config.neo4jPassword, NEO4J_USER: config.neo4jUser });
  } finally {
    if (started) await stopLocal(config);
  }
}
