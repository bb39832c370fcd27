import { EDGE_COLUMNS, NODE_COLUMNS, edgeRecord, extraKeys, nodeRecord, type Subgraph } from './values.js';
import { escapeXml } from './xml.js';

/** Serialises a subgraph as GraphML (directed), every column a string-typed data key. */
export function toGraphml(graph: Subgraph): string {
  const nodeExtra = extraKeys(graph.nodes, NODE_COLUMNS);
  const edgeExtra = extraKeys(graph.edges, EDGE_COLUMNS);
  const nodeKeys = [...NODE_COLUMNS.slice(1), ...nodeExtra];
  const edgeKeys = [...EDGE_COLUMNS.slice(3), ...edgeExtra];
  const keyDefs = [
    ...nodeKeys.map((k) => `  <key id="n_${escapeXml(k)}" for="node" attr.name="${escapeXml(k)}" attr.type="string"/>`),
    ...edgeKeys.map((k) => `  <key id="e_${escapeXml(k)}" for="edge" attr.name="${escapeXml(k)}" attr.type="string"/>`),
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
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keyDefs,
    '  <graph id="graafwerk" edgedefault="directed">',
    ...nodes,
    ...edges,
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}
