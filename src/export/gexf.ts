import { EDGE_COLUMNS, NODE_COLUMNS, columnType, edgeRecord, extraKeys, nodeRecord, type Subgraph } from './values.js';
import { escapeXml } from './xml.js';

/**
 * Serialises a subgraph as GEXF 1.3 (Gephi): columns as attributes typed by their values, each edge
 * of the kind its type names (so parallel edges of two types stay apart), and a cut subgraph said so
 * in the description.
 */
export function toGexf(graph: Subgraph): string {
  const nodeExtra = extraKeys(graph.nodes, NODE_COLUMNS);
  const edgeExtra = extraKeys(graph.edges, EDGE_COLUMNS);
  const nodeKeys = [...NODE_COLUMNS.slice(1).filter((k) => k !== 'label'), ...nodeExtra];
  const edgeKeys = [...EDGE_COLUMNS.slice(3), ...edgeExtra];
  const attrs = (cls: string, keys: string[], items: Subgraph['nodes'] | Subgraph['edges']) => [
    `    <attributes class="${cls}">`,
    ...keys.map((k, i) => `      <attribute id="${i}" title="${escapeXml(k)}" type="${columnType(items, k)}"/>`),
    '    </attributes>',
  ];
  const values = (rec: Record<string, string>, keys: string[]) => {
    const set = keys.map((k, i) => [i, rec[k] ?? ''] as const).filter(([, v]) => v !== '');
    if (set.length === 0) return [];
    return ['        <attvalues>', ...set.map(([i, v]) => `          <attvalue for="${i}" value="${escapeXml(v)}"/>`), '        </attvalues>'];
  };
  const nodes = graph.nodes.map((n) =>
    [`      <node id="${escapeXml(n.id)}" label="${escapeXml(n.label)}">`, ...values(nodeRecord(n, nodeExtra), nodeKeys), '      </node>'].join('\n'),
  );
  const edges = graph.edges.map((e) =>
    [
      `      <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}" label="${escapeXml(e.type)}" kind="${escapeXml(e.type)}">`,
      ...values(edgeRecord(e, edgeExtra), edgeKeys),
      '      </edge>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    `  <meta><creator>graafwerk</creator>${graph.truncated ? '<description>Cut at its size limit: nodes or edges of the subgraph are missing.</description>' : ''}</meta>`,
    '  <graph defaultedgetype="directed" mode="static">',
    ...attrs('node', nodeKeys, graph.nodes),
    ...attrs('edge', edgeKeys, graph.edges),
    '    <nodes>',
    ...nodes,
    '    </nodes>',
    '    <edges>',
    ...edges,
    '    </edges>',
    '  </graph>',
    '</gexf>',
    '',
  ].join('\n');
}
