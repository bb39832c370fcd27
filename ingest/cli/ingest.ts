import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import type { Config } from '../../src/config.js';
import { connectGraph } from '../../src/neo4j/driver.js';
import { applySchema } from '../../src/neo4j/schema.js';
import { runIngest } from '../compose.js';
import { CriticalError, isAuthError } from '../pipeline/errors.js';
import { FORMATS, formatByName } from '../pipeline/registry.js';
import { formatSummary } from '../pipeline/summary.js';
import { UsageError, wholeNumberOption } from './usage-error.js';

const USAGE = `usage: graafwerk ingest <file|dir|url|publication-id>... [--format NAME] [--force] [--max-pages N] [--json]

  --format NAME    parse every input as this format (e.g. tk-odata, tk-syncfeed, koop-xml, news-html)
  --force          parse and write again documents that were ingested unchanged before
  --max-pages N    stop each feed after N pages (its checkpoint keeps the place)
  --json           print the summary as JSON on stdout

exit status: 0 when every input was ingested, 2 when some were rejected, 1 on a fatal error`;

/** `graafwerk ingest`: ingests inputs and prints one summary; exit 0, 2 (some rejected) or 1. */
export async function ingestCommand(config: Config, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      force: { type: 'boolean', default: false },
      'max-pages': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || positionals.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 1;
  }
  // Checked before connecting, so a mistyped option neither writes anything nor rejects every document.
  if (values.format !== undefined && !formatByName(values.format))
    throw new UsageError(`unknown format ${JSON.stringify(values.format)}; known formats: ${FORMATS.map((f) => f.name).join(', ')}`, USAGE);
  const maxPages = wholeNumberOption(values['max-pages'], 'max-pages', 1, USAGE);
  const graph = await connectGraph(config).catch((error: unknown) => {
    throw toConnectError(error, config);
  });
  try {
    await applySchema(graph);
    const bar = process.stderr.isTTY && !values.json ? new SingleBar({ format: 'ingest [{bar}] {value}/{total} {current}' }, Presets.shades_classic) : undefined;
    const summary = await runIngest(graph, config, positionals, {
      ...(values.format ? { format: values.format } : {}),
      force: values.force,
      ...(maxPages === undefined ? {} : { maxPages }),
      onProgress: (done, total, current) => {
        if (!bar) return;
        if (done === 0) bar.start(total, 0, { current });
        bar.update(done, { current: current.slice(-50) });
        if (done === total) bar.stop();
      },
    });
    if (values.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else process.stderr.write(`${formatSummary(summary)}\n`);
    return summary.rejectedDocuments.length + summary.rejectedRows.length > 0 ? 2 : 0;
  } finally {
    await graph.driver.close();
  }
}

/** Names what to fix when Neo4j refuses the login; other connection errors pass unchanged. */
function toConnectError(error: unknown, config: Config): unknown {
  if (!isAuthError(error)) return error;
  const where = config.neo4jUri || `the local Neo4j (port ${config.localBoltPort})`;
  return new CriticalError(`Neo4j at ${where} refused user ${JSON.stringify(config.neo4jUser)}: check NEO4J_USER and NEO4J_PASSWORD; nothing was ingested`);
}
