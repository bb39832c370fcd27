import { ConfigError, loadConfig, type Config } from '../../src/config.js';
import { dbCommand, withDatabase } from './db.js';
import { runChild } from './run-child.js';
import { UsageError } from './usage-error.js';
import { runAsServer } from '../../src/graphql/server-process.js';

const USAGE = `graafwerk: a knowledge graph of Dutch parliamentary records

usage:
  graafwerk start                      start the local Neo4j, load the demo data when the graph is empty, serve the API
  graafwerk serve                      serve the GraphQL API at http://localhost:$PORT/graphql
  graafwerk ingest <file|dir|url>...   ingest documents (--format to force one)
  graafwerk export ...                 export a neighbourhood or paths (GraphML, GEXF, Cytoscape JSON, CSV)
  graafwerk review list|accept|reject  the open identity candidates (a name that may be a known person)
  graafwerk db start|stop|status [--test]  the local Neo4j (used when NEO4J_URI is unset); --test: the one of tests and benchmarks
  graafwerk test [vitest args]         run the tests against a real Neo4j (a local one of their own unless NEO4J_URI is set)
  graafwerk with-db <command...>       run a command (a benchmark) against that Neo4j, NEO4J_URI pointing at it
`;

type Command = (config: ReturnType<typeof loadConfig>, args: string[]) => Promise<number>;

/** Tests and benchmarks empty the graph, so their local Neo4j is a store and port of its own. */
const forTests = (config: Config): Config => ({ ...config, localBoltPort: config.testBoltPort, localHome: config.testNeo4jHome });

const COMMANDS: Record<string, Command> = {
  start: async (config) => {
    runAsServer();
    return (await import('./start.js')).startCommand(config);
  },
  db: (config, args) => dbCommand(args.includes('--test') ? forTests(config) : config, args.filter((a) => a !== '--test')),
  ingest: async (config, args) => (await import('./ingest.js')).ingestCommand(config, args),
  review: async (config, args) => (await import('./review.js')).reviewCommand(config, args),
  serve: async (config, args) => {
    runAsServer();
    return (await import('./serve.js')).serveCommand(config, args);
  },
  export: async (config, args) => (await import('./export.js')).exportCommand(config, args),
  // Tests keep the run summaries quiet unless asked: their own output is what matters there.
  test: (config, args) =>
    withDatabase(forTests(config), (env) => runChild('npx', ['vitest', 'run', ...args], { GRAAFWERK_LOG_LEVEL: config.testLogLevel, ...env })),
  'with-db': (config, args) => withDatabase(forTests(config), (env) => runChild(args[0] ?? 'true', args.slice(1), env)),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    process.stderr.write(USAGE);
    return name === undefined || name === '--help' || name === 'help' ? 0 : 1;
  }
  return command(loadConfig(), args);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`graafwerk: ${error.message}\n${error.usage.trimEnd()}\n`);
      process.exit(1);
    }
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`graafwerk: ${(error as Error).message}\n${USAGE}`);
      process.exit(1);
    }
    const known = error instanceof ConfigError || (error instanceof Error && error.name.endsWith('Error'));
    // Every command but start (and db) needs a Neo4j that is already running.
    const hint = (error as { code?: string }).code === 'ServiceUnavailable' ? '\n  is Neo4j running? `graafwerk db start` starts the local one (or keep `npm start` running); NEO4J_URI points at another' : '';
    process.stderr.write(`graafwerk: ${known && error instanceof Error ? error.message : String(error)}${hint}\n`);
    process.exit(1);
  },
);
