import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import type { Config } from '../../src/config.js';
import { toExport, EXPORT_FORMATS, type ExportFormat } from '../../src/export/index.js';
import { createContext } from '../../src/graphql/context.js';
import { loadExportGraph, type ExportRequest } from '../../src/graphql/export-route.js';
import { connectGraph } from '../../src/neo4j/driver.js';
import { UsageError, wholeNumberOption } from './usage-error.js';

/** The formats of the command line and the files each writes: one, or for csv two (nodes and edges). */
const CLI_FORMATS = new Map<string, ExportFormat[]>([
  ...EXPORT_FORMATS.filter((f) => !f.endsWith('.csv')).map((f): [string, ExportFormat[]] => [f, [f]]),
  ['csv', ['nodes.csv', 'edges.csv']],
]);
const CLI_FORMAT_NAMES = [...CLI_FORMATS.keys()].join(', ');

const USAGE = `usage:
  graafwerk export neighborhood --id <id> [--depth 1-3] [--limit n] --format <format> [--out <file>]
  graafwerk export paths --from <id> --to <id> [--max-hops 1-6] [--first n] --format <format> [--out <file>]
formats: ${CLI_FORMAT_NAMES} (csv needs --out: it writes <out>.nodes.csv and <out>.edges.csv)
`;

/** `graafwerk export`: a neighbourhood or the paths between two nodes as a file, with provenance columns. */
export async function exportCommand(config: Config, args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      id: { type: 'string' },
      depth: { type: 'string' },
      limit: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'max-hops': { type: 'string' },
      first: { type: 'string' },
      format: { type: 'string', default: 'graphml' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const request = toRequest(positionals[0], values);
  const format = values.format ?? 'graphml';
  const formats = CLI_FORMATS.get(format);
  if (!formats) throw new UsageError(`unknown format ${JSON.stringify(format)}; known formats: ${CLI_FORMAT_NAMES}`, USAGE);
  if (formats.length > 1 && !values.out) throw new UsageError(`--format ${format} writes two files, so it needs --out <file> (for <file>.nodes.csv and <file>.edges.csv)`, USAGE);
  const graph = await connectGraph(config);
  try {
    const subgraph = await loadExportGraph(createContext(graph, { ...config, queryTimeoutMs: Math.max(config.queryTimeoutMs, 60_000) }), request);
    for (const f of formats) {
      const { body } = toExport(subgraph, f);
      if (values.out) await writeFile(formats.length > 1 ? `${values.out}.${f}` : values.out, body);
      else process.stdout.write(body);
    }
    process.stderr.write(`exported ${subgraph.nodes.length} nodes and ${subgraph.edges.length} edges${subgraph.truncated ? ' (cut at the limit)' : ''}\n`);
    return 0;
  } catch (error) {
    if (error instanceof GraphQLError) {
      process.stderr.write(`graafwerk export: ${error.message} (${String(error.extensions.code)})\n`);
      return 1;
    }
    throw error;
  } finally {
    await graph.driver.close();
  }
}

/** What to export, from the positional kind and its options; throws UsageError naming what is missing or wrong. */
function toRequest(kind: string | undefined, values: Record<string, string | boolean | undefined>): ExportRequest {
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const count = (name: string) => wholeNumberOption(text(name), name, 1, USAGE);
  if (kind === 'neighborhood') {
    const id = text('id');
    if (!id) throw new UsageError('export neighborhood needs --id <id>', USAGE);
    return { kind, id, depth: count('depth'), limit: count('limit') };
  }
  if (kind === 'paths') {
    const from = text('from');
    const to = text('to');
    if (!from || !to) throw new UsageError('export paths needs --from <id> and --to <id>', USAGE);
    return { kind, from, to, maxHops: count('max-hops'), first: count('first') };
  }
  throw new UsageError(kind === undefined ? 'say what to export: neighborhood or paths' : `unknown export ${JSON.stringify(kind)}: use neighborhood or paths`, USAGE);
}
