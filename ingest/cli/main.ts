import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig, type Config } from '../../src/config.js';
import { dbCommand, forTests, withDatabase } from './db.js';
import { runChild } from './run-child.js';
import { HelpRequested, UsageError } from './args.js';
import { runAsServer } from '../../src/graphql/server-process.js';

const USAGE = `graafwerk: a knowledge graph of Dutch parliamentary records

usage:
  graafwerk start                      start the local Neo4j, load the demo data when the graph is empty, serve the API
  graafwerk serve                      serve the GraphQL API at http://localhost:$PORT/graphql
  graafwerk ingest <file|dir|url|id>...  ingest documents, folders, feeds and publication ids (--format to force one)
  graafwerk export neighborhood|paths  export a neighbourhood or paths (GraphML, GEXF, Cytoscape JSON, CSV)
  graafwerk review list|accept|reject  the open identity candidates (a name that may be a known person)
  graafwerk db start|stop|status [--test]  the local Neo4j (used when NEO4J_URI is unset); --test: the one of tests and benchmarks
  graafwerk test [vitest args]         run the tests against a real Neo4j (a local one of their own unless NEO4J_URI is set)
  graafwerk with-db <command...>       run a command (a benchmark) against that Neo4j, NEO4J_URI pointing at it
  graafwerk --version                  the version of graafwerk

graafwerk <command> --help (or -h) shows the usage of a command.
`;

const TEST_USAGE = `usage: graafwerk test [vitest args]

Runs \`vitest run\` with the arguments against the Neo4j of tests (NEO4J_URI, or the local one of
tests, started for the run and stopped after it). \`npx vitest run --help\` lists vitest's arguments.
`;

const WITH_DB_USAGE = `usage: graafwerk with-db <command> [args...]

Runs the command against the Neo4j of tests (NEO4J_URI, or the local one of tests, started for the
run and stopped after it), with NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD pointing at it.
`;

/** A command: it parses its arguments first, then loads the configuration (so --help works whatever the environment holds). */
type Command = (configOf: () => Config, args: string[]) => Promise<number>;

/** For the commands that hand their arguments on: -h or --help first is theirs, anything after it the child's. */
function passedOn(args: string[], usage: string): string[] {
  if (args[0] === '-h' || args[0] === '--help') throw new HelpRequested(usage);
  return args;
}

const COMMANDS: Record<string, Command> = {
  start: async (configOf, args) => {
    runAsServer();
    return (await import('./start.js')).startCommand(configOf, args);
  },
  db: dbCommand,
  ingest: async (configOf, args) => (await import('./ingest.js')).ingestCommand(configOf, args),
  review: async (configOf, args) => (await import('./review.js')).reviewCommand(configOf, args),
  serve: async (configOf, args) => {
    runAsServer();
    return (await import('./serve.js')).serveCommand(configOf, args);
  },
  export: async (configOf, args) => (await import('./export.js')).exportCommand(configOf, args),
  // Tests keep the run summaries quiet unless asked: their own output is what matters there.
  test: (configOf, args) => {
    // Before the database: help starts nothing.
    const vitestArgs = passedOn(args, TEST_USAGE);
    const config = configOf();
    return withDatabase(forTests(config), (env) => runChild('npx', ['vitest', 'run', ...vitestArgs], { GRAAFWERK_LOG_LEVEL: config.testLogLevel, ...env }));
  },
  'with-db': (configOf, args) => {
    const [command, ...rest] = passedOn(args, WITH_DB_USAGE);
    if (command === undefined) throw new UsageError('say which command to run', WITH_DB_USAGE);
    return withDatabase(forTests(configOf()), (env) => runChild(command, rest, env));
  },
};

/** The version in package.json. */
const version = (): string => (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === '-h' || name === '--help' || name === 'help') throw new HelpRequested(USAGE);
  if (name === '--version') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (name === undefined) throw new UsageError('say which command to run', USAGE);
  const command = COMMANDS[name];
  if (!command) throw new UsageError(name.startsWith('-') ? `unknown option ${name}` : `unknown command ${JSON.stringify(name)}`, USAGE);
  return command(() => loadConfig(), args);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof HelpRequested) {
      process.stdout.write(`${error.usage.trimEnd()}\n`);
      process.exit(0);
    }
    if (error instanceof UsageError) {
      process.stderr.write(`graafwerk: ${error.message}\n${error.usage.trimEnd()}\n`);
      process.exit(1);
    }
    const known = error instanceof ConfigError || (error instanceof Error && error.name.endsWith('Error'));
    // Every command but start (and db) needs a Neo4j that is already running.
    const hint = (error as { code?: string }).code === 'ServiceUnavailable' ? '\n  is Neo4j running? `graafwerk db start` starts the local one (or keep `npm start` running); NEO4J_URI points at another' : '';
    process.stderr.write(`graafwerk: ${known && error instanceof Error ? error.message : String(error)}${hint}\n`);
    process.exit(1);
  },
);
