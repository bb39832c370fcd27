import { EDGE_COLUMNS, NODE_COLUMNS, columnType, edgeRecord, extraKeys, nodeRecord, type Subgraph } from './values.js';
import { escapeXml } from './xml.js';

/**
 * Serialises a subgraph as GraphML (directed): every column a data key typed by its values, the
 * graph's `truncated` flag a graph-level key. Node and edge ids are the graph's own (an article's is
 * its URL), the same in every format; they are not the NMTOKENs GraphML's XML Schema would ask for,
 * so the file names no schema to validate against.
 */
export function toGraphml(graph: Subgraph): string {
  const nodeExtra = extraKeys(graph.nodes, NODE_COLUMNS);
  const edgeExtra = extraKeys(graph.edges, EDGE_COLUMNS);
  const nodeKeys = [...NODE_COLUMNS.slice(1), ...nodeExtra];
  const edgeKeys = [...EDGE_COLUMNS.slice(3), ...edgeExtra];
  const keyDef = (prefix: string, forWhat: string, k: string, items: Subgraph['nodes'] | Subgraph['edges']) =>
    `  <key id="${prefix}_${escapeXml(k)}" for="${forWhat}" attr.name="${escapeXml(k)}" attr.type="${columnType(items, k)}"/>`;
  const keyDefs = [
    '  <key id="g_truncated" for="graph" attr.name="truncated" attr.type="boolean"/>',
    ...nodeKeys.map((k) => keyDef('n', 'node', k, graph.nodes)),
    ...edgeKeys.map((k) => keyDef('e', 'edge', k, graph.edges)),
  ];
  const data = (prefix: string, rec: Record<string, string>, keys: string[]) =>
    keys.filter((k) => rec[k] !== '').map((k) => `      <data key="${prefix}_${escapeXml(k)}">${escapeXml(rec[k] ?? '')}</data>`);
  const nodes = graph.nodes.map((n) => {
    const rec = nodeRecord(n, nodeExtra);
    return [`    <node id="${escapeXml(n.id)}">`, ...data('n', rec, nodeKeys), '    </node>'].join('\n');
  });
  const edges = graph.edges.map((e) => {
    const rec = edgeRecord(e, edgeExtra);
    return [`    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">`, ...data('e', rec, edgeKeys), '    </edge>'].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keyDefs,
    '  <graph id="graafwerk" edgedefault="directed">',
    `    <data key="g_truncated">${graph.truncated}</data>`,
    ...nodes,
    ...edges,
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}
