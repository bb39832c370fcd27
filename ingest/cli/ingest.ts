import { SingleBar, Presets } from 'cli-progress';
import type { Config } from '../../src/config.js';
import { connectGraph } from '../../src/neo4j/driver.js';
import { applySchema } from '../../src/neo4j/schema.js';
import { runIngest } from '../compose.js';
import { CriticalError, isAuthError } from '../pipeline/errors.js';
import { DOCUMENT_FILES } from '../pipeline/inputs.js';
import { FORMATS, formatByName } from '../pipeline/registry.js';
import type { IngestOptions } from '../pipeline/run.js';
import { formatSummary } from '../pipeline/summary.js';
import { parseCommand, UsageError, wholeNumberOption } from './args.js';

const USAGE = `usage: graafwerk ingest <file|dir|url|publication-id>... [--format NAME] [--force] [--max-pages N] [--json]

  --format NAME    parse every input as this format (e.g. tk-odata, tk-syncfeed, koop-xml, news-html)
  --force          parse and write again documents that were ingested unchanged before
  --max-pages N    stop each feed after N pages, N at least 1 (its checkpoint keeps the place); default: no limit
  --json           print the summary as JSON on stdout
  -h, --help       this help

A folder is walked for ${DOCUMENT_FILES}; a named folder in which none is
found is reported as rejected ("no documents in it").

Ctrl-C (SIGINT) or SIGTERM stops after the current document: what was read is written, the
summary is printed and the same command goes on from there; a second Ctrl-C stops at once.

exit status: 0 when every input was ingested, 2 when some were rejected, 1 on a fatal error,
130 when stopped by SIGINT, 143 when stopped by SIGTERM`;

/** The exit status of a run stopped by a signal: 128 plus the signal's number, as a shell reports a process the signal killed. */
const SIGNAL_EXIT_STATUS = { SIGINT: 130, SIGTERM: 143 } as const;

type StopSignal = keyof typeof SIGNAL_EXIT_STATUS;

/** What the first signal prints on stderr. */
export const STOPPING_NOTICE = 'graafwerk: stopping after the current document; press Ctrl-C again to stop at once';

/** A run that the first SIGINT or SIGTERM stops between documents and the second one at once. */
interface GracefulStop {
  /** Aborted by the first signal. */
  signal: AbortSignal;
  /** The exit status for the signal that stopped the run, or undefined when none came. */
  exitStatus(): number | undefined;
  /** Removes the listeners, so a signal after the command takes its default course again. */
  release(): void;
}

/**
 * Listens for SIGINT and SIGTERM: the first calls `beforeNotice` (to clear a progress bar), prints
 * STOPPING_NOTICE and aborts the signal; a second one exits at once with its own status, as an
 * unhandled signal would.
 */
function stopOnSignals(beforeNotice: () => void): GracefulStop {
  const controller = new AbortController();
  let received: StopSignal | undefined;
  const onSignal = (name: StopSignal): void => {
    if (received) process.exit(SIGNAL_EXIT_STATUS[name]);
    received = name;
    beforeNotice();
    process.stderr.write(`${STOPPING_NOTICE}\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    exitStatus: () => (received ? SIGNAL_EXIT_STATUS[received] : undefined),
    release: () => void process.off('SIGINT', onSignal).off('SIGTERM', onSignal),
  };
}

/**
 * `graafwerk ingest`: ingests inputs and prints one summary; exit 0, 2 (some rejected) or 1, or
 * 130/143 when a signal stopped it early (the summary then says so).
 */
export async function ingestCommand(configOf: () => Config, argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    argv,
    USAGE,
    {
      format: { type: 'string' },
      force: { type: 'boolean', default: false },
      'max-pages': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    Infinity,
  );
  if (positionals.length === 0) throw new UsageError('say what to ingest: files, folders, URLs or publication ids', USAGE);
  // Checked before connecting, so a mistyped option neither writes anything nor rejects every document.
  if (values.format !== undefined && !formatByName(values.format))
    throw new UsageError(`unknown format ${JSON.stringify(values.format)}; known formats: ${FORMATS.map((f) => f.name).join(', ')}`, USAGE);
  const maxPages = wholeNumberOption(values['max-pages'], 'max-pages', USAGE, 1);
  const config = configOf();
  const graph = await connectGraph(config).catch((error: unknown) => {
    throw toConnectError(error, config);
  });
  const bar = process.stderr.isTTY && !values.json ? new SingleBar({ format: 'ingest [{bar}] {value}/{total} {current}' }, Presets.shades_classic) : undefined;
  const stop = stopOnSignals(() => bar?.stop());
  try {
    await applySchema(graph);
    const summary = await runIngest(graph, config, positionals, {
      ...(values.format ? { format: values.format } : {}),
      force: values.force,
      ...(maxPages === undefined ? {} : { maxPages }),
      signal: stop.signal,
      onProgress: progressOn(bar, stop.signal),
    });
    if (values.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else process.stderr.write(`${formatSummary(summary)}\n`);
    if (summary.interrupted) return stop.exitStatus() ?? SIGNAL_EXIT_STATUS.SIGINT;
    return summary.rejectedDocuments.length + summary.rejectedRows.length > 0 ? 2 : 0;
  } finally {
    stop.release();
    await graph.driver.close();
  }
}

/** Shows the run's progress on `bar` (when there is one) until the run is stopping, when the bar is gone and the notice stays above the summary. */
function progressOn(bar: SingleBar | undefined, stopping: AbortSignal): IngestOptions['onProgress'] {
  return (done, total, current) => {
    if (!bar || stopping.aborted) return;
    if (done === 0) bar.start(total, 0, { current });
    bar.update(done, { current: current.slice(-50) });
    if (done === total) bar.stop();
  };
}

/** Names what to fix when Neo4j refuses the login; other connection errors pass unchanged. */
function toConnectError(error: unknown, config: Config): unknown {
  if (!isAuthError(error)) return error;
  const where = config.neo4jUri || `the local Neo4j (port ${config.localBoltPort})`;
  return new CriticalError(`Neo4j at ${where} refused user ${JSON.stringify(config.neo4jUser)}: check NEO4J_USER and NEO4J_PASSWORD; nothing was ingested`);
}
