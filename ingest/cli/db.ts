import type { Config } from '../../src/config.js';
import { localStatus, startLocal, stopLocal } from '../../src/neo4j/local.js';

const say = (msg: string): void => void process.stderr.write(`${msg}\n`);

/** `graafwerk db start|stop|status`: the local Neo4j. */
export async function dbCommand(config: Config, args: string[]): Promise<number> {
  const [action] = args;
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
    default:
      say('usage: graafwerk db start|stop|status');
      return 1;
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
