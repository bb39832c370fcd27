import { toCsvFiles } from './csv.js';
import { toCytoscape } from './cytoscape.js';
import { toGexf } from './gexf.js';
import { toGraphml } from './graphml.js';
import { withoutClashes, type Subgraph } from './values.js';

export { withSourceUrls } from './values.js';

/** Export formats by file suffix. */
export const EXPORT_FORMATS = ['graphml', 'gexf', 'cytoscape.json', 'nodes.csv', 'edges.csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const TYPES: Record<ExportFormat, string> = {
  graphml: 'application/graphml+xml; charset=utf-8',
  gexf: 'application/gexf+xml; charset=utf-8',
  'cytoscape.json': 'application/json; charset=utf-8',
  'nodes.csv': 'text/csv; charset=utf-8',
  'edges.csv': 'text/csv; charset=utf-8',
};

/** Whether a string names an export format. */
export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** Serialises a subgraph in one format, with its content type; properties named as a format's own columns are renamed (withoutClashes). */
export function toExport(subgraph: Subgraph, format: ExportFormat): { body: string; contentType: string } {
  const graph = withoutClashes(subgraph);
  const body =
    format === 'graphml'
      ? toGraphml(graph)
      : format === 'gexf'
        ? toGexf(graph)
        : format === 'cytoscape.json'
          ? toCytoscape(graph)
          : toCsvFiles(graph)[format === 'nodes.csv' ? 'nodes' : 'edges'];
  return { body, contentType: TYPES[format] };
}
