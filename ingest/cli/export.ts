import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GraphQLError } from 'graphql';
import type { Config } from '../../src/config.js';
import { toExport, EXPORT_FORMATS, type ExportFormat } from '../../src/export/index.js';
import { createContext } from '../../src/graphql/context.js';
import { EXPORT_PARAMETERS, exportFileName, loadExportGraph, type ExportRequest } from '../../src/graphql/export-route.js';
import { LIMITS, SUBGRAPH_DEFAULTS } from '../../src/graphql/limits.js';
import { connectGraph } from '../../src/neo4j/driver.js';
import { parseCommand, UsageError, wholeNumberOption } from './args.js';

/** The formats of the command line and the files each writes: one, or for csv two (nodes and edges). */
const CLI_FORMATS = new Map<string, ExportFormat[]>([
  ...EXPORT_FORMATS.filter((f) => !f.endsWith('.csv')).map((f): [string, ExportFormat[]] => [f, [f]]),
  ['csv', ['nodes.csv', 'edges.csv']],
]);
const CLI_FORMAT_NAMES = [...CLI_FORMATS.keys()].join(', ');

/**
 * The number options: their ranges are the API's, checked here so a message names the option as
 * typed (the API's name `maxHops` is not one); the command line sends its defaults, so the usage states them.
 */
const NUMBERS = {
  depth: { max: LIMITS.maxNeighborhoodDepth, default: SUBGRAPH_DEFAULTS.depth },
  limit: { max: LIMITS.maxNeighborhoodNodes, default: SUBGRAPH_DEFAULTS.limit },
  'max-hops': { max: LIMITS.maxHops, default: SUBGRAPH_DEFAULTS.maxHops },
  first: { max: LIMITS.maxPaths, default: SUBGRAPH_DEFAULTS.first },
} as const;
type NumberOption = keyof typeof NUMBERS;
const range = (o: NumberOption) => `1-${NUMBERS[o].max}`;

const USAGE = `usage:
  graafwerk export neighborhood --id <id> [--depth ${range('depth')}] [--limit ${range('limit')}] [--format <format>] [--out <path>]
  graafwerk export paths --from <id> --to <id> [--max-hops ${range('max-hops')}] [--first ${range('first')}] [--format <format>] [--out <path>]

  --id, --from, --to   a node's id, or a question's or motion's number (2022Z04510) or KOOP id
  --depth ${range('depth')}          hops around --id (default ${NUMBERS.depth.default})
  --limit ${range('limit')}        nodes at most (default ${NUMBERS.limit.default})
  --max-hops ${range('max-hops')}       hops a path may have (default ${NUMBERS['max-hops'].default})
  --first ${range('first')}         paths at most, the shortest first (default ${NUMBERS.first.default})
  --format <format>    ${CLI_FORMAT_NAMES} (default graphml)
  --out <path>         write to <path> instead of stdout; csv writes two files, so it needs --out:
                       <path>.nodes.csv and <path>.edges.csv (a final .csv of <path> left out).
                       A folder (<path> ending in /, or an existing folder) gets the files named as the
                       API names them: <kind>-<ids>.<format> (neighborhood-hikvision.nodes.csv)
  -h, --help           this help
`;

/** `graafwerk export`: a neighbourhood or the paths between two nodes as a file, with provenance columns. */
export async function exportCommand(configOf: () => Config, args: string[]): Promise<number> {
  const text = { type: 'string' } as const;
  const { positionals, values } = parseCommand(
    args,
    USAGE,
    { id: text, depth: text, limit: text, from: text, to: text, 'max-hops': text, first: text, format: { type: 'string', default: 'graphml' }, out: text },
    1,
  );
  const request = toRequest(positionals[0], values);
  const format = values.format;
  const formats = CLI_FORMATS.get(format);
  if (!formats) throw new UsageError(`unknown format ${JSON.stringify(format)}; known formats: ${CLI_FORMAT_NAMES}`, USAGE);
  if (formats.length > 1 && !values.out) throw new UsageError(`--format ${format} writes two files, so it needs --out <path> (for <path>.nodes.csv and <path>.edges.csv)`, USAGE);
  const config = configOf();
  const graph = await connectGraph(config);
  try {
    const subgraph = await loadExportGraph(createContext(graph, { ...config, queryTimeoutMs: Math.max(config.queryTimeoutMs, 60_000) }), request);
    const files = values.out ? await outFiles(values.out, request, formats) : [];
    for (const [i, f] of formats.entries()) {
      const { body } = toExport(subgraph, f);
      if (values.out) await writeFile(files[i]!, body);
      else process.stdout.write(body);
    }
    const where = files.length > 0 ? ` to ${files.join(' and ')}` : '';
    process.stderr.write(`exported ${subgraph.nodes.length} nodes and ${subgraph.edges.length} edges${subgraph.truncated ? ' (cut at the limit)' : ''}${where}\n`);
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

/** The options of each kind of export (besides --format and --out): the API's parameters, in kebab case (maxHops: --max-hops). */
const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const KIND_OPTIONS: Record<ExportRequest['kind'], readonly string[]> = { neighborhood: EXPORT_PARAMETERS.neighborhood.map(kebab), paths: EXPORT_PARAMETERS.paths.map(kebab) };

/** What to export, from the positional kind and its options; throws UsageError naming what is missing or wrong. */
function toRequest(kind: string | undefined, values: Partial<Record<'id' | 'from' | 'to' | NumberOption, string>>): ExportRequest {
  if (kind !== 'neighborhood' && kind !== 'paths')
    throw new UsageError(kind === undefined ? 'say what to export: neighborhood or paths' : `unknown export ${JSON.stringify(kind)}: use neighborhood or paths`, USAGE);
  // An option of the other kind would be ignored without a word, so `paths --depth 2` would export 4 hops.
  const stray = Object.entries(values).find(([name, value]) => value !== undefined && name !== 'format' && name !== 'out' && !KIND_OPTIONS[kind].includes(name));
  if (stray) throw new UsageError(`export ${kind} takes no --${stray[0]}`, USAGE);
  // Left out, a number takes the root field's default (SUBGRAPH_DEFAULTS), which the usage states.
  const count = (name: NumberOption) => wholeNumberOption(values[name], name, USAGE, 1, NUMBERS[name].max);
  if (kind === 'neighborhood') {
    const id = values.id;
    if (!id) throw new UsageError('export neighborhood needs --id <id>', USAGE);
    return { kind, id, depth: count('depth'), limit: count('limit') };
  }
  const { from, to } = values;
  if (!from || !to) throw new UsageError('export paths needs --from <id> and --to <id>', USAGE);
  return { kind, from, to, maxHops: count('max-hops'), first: count('first') };
}

/**
 * The files `--out` names for an export's formats: <path> for one file; for csv's two, <path> as a
 * base (a final .csv left out, so `--out paths.csv` gives paths.nodes.csv); a folder (ending in /,
 * made when missing, or an existing one) gets files named as the API names them (exportFileName).
 */
async function outFiles(out: string, request: ExportRequest, formats: ExportFormat[]): Promise<string[]> {
  const isFolder = out.endsWith('/') || (await stat(out).then((s) => s.isDirectory(), () => false));
  if (isFolder) {
    await mkdir(out, { recursive: true });
    return formats.map((f) => join(out, exportFileName(request, f)));
  }
  if (formats.length === 1) return [out];
  const base = out.replace(/\.csv$/i, '');
  return formats.map((f) => `${base}.${f}`);
}
