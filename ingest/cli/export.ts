import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import type { Config } from '../../src/config.js';
import { isExportFormat, toExport, EXPORT_FORMATS, type ExportFormat } from '../../src/export/index.js';
import { createContext } from '../../src/graphql/context.js';
import { loadExportGraph, type ExportRequest } from '../../src/graphql/export-route.js';
import { connectGraph } from '../../src/neo4j/driver.js';

const USAGE = `usage:
  graafwerk export neighborhood --id <id> [--depth 1-3] [--limit n] --format <format> [--out <file>]
  graafwerk export paths --from <id> --to <id> [--max-hops 1-6] [--first n] --format <format> [--out <file>]
formats: graphml, gexf, cytoscape.json, csv (writes <out>.nodes.csv and <out>.edges.csv)
`;

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));

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
  const kind = positionals[0];
  const format = values.format ?? 'graphml';
  const formats: ExportFormat[] = format === 'csv' ? ['nodes.csv', 'edges.csv'] : isExportFormat(format) ? [format] : [];
  const request: ExportRequest | null =
    kind === 'neighborhood' && values.id
      ? { kind, id: values.id, depth: num(values.depth), limit: num(values.limit) }
      : kind === 'paths' && values.from && values.to
        ? { kind, from: values.from, to: values.to, maxHops: num(values['max-hops']), first: num(values.first) }
        : null;
  if (!request || formats.length === 0 || (format === 'csv' && !values.out)) {
    process.stderr.write(`${USAGE}(known formats: ${EXPORT_FORMATS.join(', ')})\n`);
    return 1;
  }
  const graph = await connectGraph(config);
  try {
    const subgraph = await loadExportGraph(createContext(graph, { ...config, queryTimeoutMs: Math.max(config.queryTimeoutMs, 60_000) }), request);
    for (const f of formats) {
      const { body } = toExport(subgraph, f);
      if (values.out) await writeFile(format === 'csv' ? `${values.out}.${f}` : values.out, body);
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
