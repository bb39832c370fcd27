import type { Subgraph } from './values.js';

/** Serialises a subgraph as Cytoscape.js JSON (`elements.nodes` / `elements.edges` with `data`). */
export function toCytoscape(graph: Subgraph): string {
  const nodes = graph.nodes.map((n) => ({ data: { ...n.properties, id: n.id, label: n.label, type: n.type } }));
  const edges = graph.edges.map((e) => ({ data: { ...e.properties, id: e.id, source: e.source, target: e.target, type: e.type } }));
  return `${JSON.stringify({ format_version: '1.0', generated_by: 'graafwerk', truncated: graph.truncated, elements: { nodes, edges } }, null, 2)}\n`;
}
