import { EDGE_COLUMNS, NODE_COLUMNS, edgeRecord, extraKeys, nodeRecord, type Subgraph } from './values.js';

/** A plain negative number, which a spreadsheet reads as the number it is and runs nothing for. */
const NEGATIVE_NUMBER = /^-\d+(\.\d+)?$/;

/**
 * A CSV cell: quoted when needed; a leading =, +, -, @, tab or carriage return (OWASP's formula
 * starters) is defused for spreadsheets with a ', except in a plain negative number.
 */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !NEGATIVE_NUMBER.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV file: a UTF-8 byte order mark (without it, spreadsheets read the file in the system's code page: Yeşilgöz as YeÅŸilgÃ¶z), the header, a row per record. */
const toCsv = (header: string[], rows: Record<string, string>[]): string =>
  '\uFEFF' + [header, ...rows.map((r) => header.map((h) => r[h] ?? ''))].map((cols) => cols.map(csvCell).join(',')).join('\r\n') + '\r\n';

/** Serialises a subgraph as two CSV files (RFC 4180, UTF-8 with a byte order mark): nodes and edges, provenance columns first. */
export function toCsvFiles(graph: Subgraph): { nodes: string; edges: string } {
  const nodeExtra = extraKeys(graph.nodes, NODE_COLUMNS);
  const edgeExtra = extraKeys(graph.edges, EDGE_COLUMNS);
  return {
    nodes: toCsv([...NODE_COLUMNS, ...nodeExtra], graph.nodes.map((n) => nodeRecord(n, nodeExtra))),
    edges: toCsv([...EDGE_COLUMNS, ...edgeExtra], graph.edges.map((e) => edgeRecord(e, edgeExtra))),
  };
}
