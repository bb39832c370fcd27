/**
 * The one table of settings: key → environment variable, default, parser. The only reader
 * of process.env; everything else receives a Config.
 */

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const integer =
  (min: number, max: number) =>
  (raw: string, name: string): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
    return n;
  };
const text = (raw: string): string => raw;
const list = (raw: string): string[] => raw.split(',').map((s) => s.trim()).filter(Boolean);

const SETTINGS = {
  neo4jUri: { env: 'NEO4J_URI', default: '', parse: text, doc: 'Bolt URI of Neo4j; empty means the local Neo4j the project starts' },
  neo4jUser: { env: 'NEO4J_USER', default: 'neo4j', parse: text, doc: 'Neo4j user' },
  neo4jPassword: { env: 'NEO4J_PASSWORD', default: 'graafwerk-local', parse: text, doc: 'Neo4j password (the local Neo4j is started with it)' },
  neo4jDatabase: { env: 'NEO4J_DATABASE', default: 'neo4j', parse: text, doc: 'Neo4j database name' },
  localBoltPort: { env: 'GRAAFWERK_BOLT_PORT', default: '7687', parse: integer(1, 65535), doc: 'Bolt port of the local Neo4j' },
  localHome: { env: 'GRAAFWERK_NEO4J_HOME', default: '.neo4j', parse: text, doc: 'Store folder of the local Neo4j, relative to the project' },
  testBoltPort: { env: 'GRAAFWERK_TEST_BOLT_PORT', default: '7688', parse: integer(1, 65535), doc: 'Bolt port of the local Neo4j that tests and benchmarks use' },
  testNeo4jHome: { env: 'GRAAFWERK_TEST_NEO4J_HOME', default: '.neo4j-test', parse: text, doc: 'Store folder of the local Neo4j that tests and benchmarks use (they empty it)' },
  port: { env: 'PORT', default: '4000', parse: integer(0, 65535), doc: 'HTTP port of the API' },
  corsOrigins: { env: 'GRAAFWERK_CORS_ORIGINS', default: '*', parse: list, doc: 'Allowed CORS origins, comma separated' },
  apiToken: { env: 'GRAAFWERK_API_TOKEN', default: '', parse: text, doc: 'Bearer token required for anything that writes or triggers ingest; empty disables those' },
  writeBatchSize: { env: 'GRAAFWERK_BATCH_SIZE', default: '2000', parse: integer(1, 100000), doc: 'Rows per UNWIND batch in the GraphWriter' },
  writeConcurrency: { env: 'GRAAFWERK_WRITE_CONCURRENCY', default: '2', parse: integer(1, 16), doc: 'Write transactions the GraphWriter keeps in flight at once' },
  rawStore: { env: 'GRAAFWERK_RAW_STORE', default: '.graafwerk/raw', parse: text, doc: 'Folder of the content-addressed raw store' },
  stateDir: { env: 'GRAAFWERK_STATE', default: '.graafwerk', parse: text, doc: 'Folder of checkpoints and review decisions' },
  koopBaseUrl: { env: 'GRAAFWERK_KOOP_BASE_URL', default: 'https://zoek.officielebekendmakingen.nl', parse: text, doc: 'Base URL of the official publications (kv-…, ah-…, kst-… ids)' },
  userAgent: { env: 'GRAAFWERK_USER_AGENT', default: 'graafwerk/0.1 (research graph of Dutch parliamentary records)', parse: text, doc: 'User agent for fetching' },
  fetchRatePerSecond: { env: 'GRAAFWERK_FETCH_RATE', default: '4', parse: integer(1, 1000), doc: 'Requests per second per host' },
  fetchTimeoutMs: { env: 'GRAAFWERK_FETCH_TIMEOUT_MS', default: '30000', parse: integer(100, 600000), doc: 'Timeout of one HTTP request' },
  maxDocumentBytes: { env: 'GRAAFWERK_MAX_DOCUMENT_BYTES', default: '20000000', parse: integer(1000, 1000000000), doc: 'Largest raw document accepted' },
  queryTimeoutMs: { env: 'GRAAFWERK_QUERY_TIMEOUT_MS', default: '5000', parse: integer(100, 600000), doc: 'Time limit of one GraphQL query; a mutation runs to its end, each of its reads within this limit' },
  companiesFiles: { env: 'GRAAFWERK_COMPANIES', default: '', parse: list, doc: 'Extra company registry files (YAML or JSON), comma separated' },
  logLevel: { env: 'GRAAFWERK_LOG_LEVEL', default: 'info', parse: text, doc: 'debug, info, warn or error' },
  testLogLevel: { env: 'GRAAFWERK_TEST_LOG_LEVEL', default: 'warn', parse: text, doc: 'Log level of the code under test in `graafwerk test`' },
} as const;

type Settings = typeof SETTINGS;
export type Config = { [K in keyof Settings]: ReturnType<Settings[K]['parse']> };

/** Reads the configuration from an environment (process.env by default). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const out: Record<string, unknown> = {};
  for (const [key, s] of Object.entries(SETTINGS)) {
    const raw = env[s.env];
    out[key] = s.parse(raw === undefined || raw === '' ? s.default : raw, s.env);
  }
  return out as Config;
}

/** The settings table, documented in the README (a test keeps the two in step). */
export function describeConfig(): { env: string; default: string; doc: string }[] {
  return Object.values(SETTINGS).map((s) => ({ env: s.env, default: s.default, doc: s.doc }));
}
