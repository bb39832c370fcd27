import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getOperationAST } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Config } from '../config.js';
import { readRows, type Graph } from '../neo4j/driver.js';
import { createArmorPlugin, createPageSizePlugin } from './armor.js';
import { createBodyLimitPlugin } from './body-limit.js';
import { compiledExecutionPlugin } from './compiled-execution.js';
import { createContext, type ApiContext } from './context.js';
import { ERROR_CODES, jsonResponse, maskError, userError } from './errors.js';
import { handleExport } from './export-route.js';
import { createProjectionPlugin } from './projection.js';
import { createRequestParsePlugin } from './request-parse.js';
import { reads, resolvers } from './resolvers/index.js';
import { loadSchema } from './schema.js';
import { WEB_DIST, serveStatic } from './static-files.js';

export type App = YogaServerInstance<Record<string, unknown>, ApiContext>;


/** Whether Neo4j answers a trivial read (within two seconds, a few transient failures retried). */
async function neo4jAnswers(graph: Graph): Promise<boolean> {
  try {
    await readRows(graph, 'RETURN 1 AS up', {}, 2000);
    return true;
  } catch {
    return false;
  }
}

/** Routes beside /graphql: /healthz, /export/…, and the web explorer's files. */
function routesPlugin(graph: Graph, config: Config): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname === '/graphql') return;
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname === '/healthz') {
        const up = await neo4jAnswers(graph);
        return endResponse(jsonResponse(up ? 200 : 503, { status: up ? 'ok' : 'unavailable', neo4j: up ? 'up' : 'down' }));
      }
      if (url.pathname.startsWith('/export/')) return endResponse(await handleExport(createContext(graph, config), url.pathname, url.searchParams));
      const file = await serveStatic(WEB_DIST, url.pathname);
      if (file) endResponse(file);
    },
  };
}

/**
 * Ends a query that runs past the request's deadline with QUERY_TIMEOUT. A mutation is not held to
 * it: its write, once begun, would finish anyway, and cutting the answer short would tell the client
 * that a recorded decision failed. Mutations need the API token and decide one candidate; each read
 * they make keeps the time limit of its own (see createContext).
 */
function timeLimitPlugin(): Plugin<ApiContext> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (getOperationAST(args.document, args.operationName)?.operation === 'mutation') {
        (args.contextValue as ApiContext).limit.deadline = Infinity;
        return;
      }
      setExecuteFn(async (args) => {
        const ctx = args.contextValue as ApiContext;
        let timer: NodeJS.Timeout | undefined;
        const expired = new Promise((resolve) => {
          timer = setTimeout(() => resolve({ errors: [userError(ERROR_CODES.timeout, `the query ran past the time limit of ${ctx.config.queryTimeoutMs} ms`)] }), Math.max(0, ctx.limit.deadline - Date.now()));
        });
        try {
          return await Promise.race([executeFn(args), expired]);
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}

/** Lets go of the request's cached rows when its execution ends (see Loaders.release). */
function releasePlugin(): Plugin<ApiContext> {
  return {
    onExecute({ args }) {
      return { onExecuteDone: () => (args.contextValue as ApiContext).loaders.release() };
    },
  };
}

/**
 * The API: graphql-yoga over schema.graphql with per-request context, limits, masked errors and
 * CORS from the configuration, plus /healthz, /export/… and the web explorer at /. It is a fetch
 * handler (`app.fetch`) and a Node request listener.
 */
export function createApp(graph: Graph, config: Config): App {
  const origins = config.corsOrigins;
  return createYoga<Record<string, unknown>, ApiContext>({
    schema: loadSchema(),
    graphqlEndpoint: '/graphql',
    context: ({ request }) => createContext(graph, config, request.headers.get('authorization')),
    maskedErrors: {
      maskError: (error, message) =>
        maskError(error, message, (data) => {
          if (config.logLevel !== 'error') process.stderr.write(`${JSON.stringify({ level: 'warn', msg: 'masked error', ...data })}\n`);
        }),
    },
    graphiql: { title: 'graafwerk' },
    landingPage: false,
    batching: false,
    // Bounded by Content-Length in createBodyLimitPlugin instead of a counting stream per request.
    maxRequestBodySize: false,
    cors: { origin: origins.length === 0 || origins.includes('*') ? '*' : origins, methods: ['GET', 'POST'], credentials: false },
    plugins: [createBodyLimitPlugin(), routesPlugin(graph, config), createRequestParsePlugin(), createPageSizePlugin(), createArmorPlugin(), createProjectionPlugin(resolvers, reads), compiledExecutionPlugin(), timeLimitPlugin(), releasePlugin()],
    logging: config.logLevel === 'debug' ? 'debug' : 'warn',
  });
}

/** Starts the API over HTTP on config.port (0: any free port); `url` is the server's base URL. */
export async function startServer(graph: Graph, config: Config): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(createApp(graph, config));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
