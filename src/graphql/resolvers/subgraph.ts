import type { NodeObject } from '../../neo4j/queries/nodes.js';

/** A node of a visualisation subgraph. */
export interface GraphNode {
  id: string;
  label: string;
  type: string;
  properties: Record<string, unknown>;
}

/** An edge of a visualisation subgraph; properties keep the ids of the source documents. */
export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

/** Long texts stay out of a visualisation; the node's own query returns them. */
const HEAVY = new Set(['text', 'operativeText', 'considerations', 'subQuestionsJson', 'answersJson', 'description']);

/** Converts a stored node to a visualisation node with a readable label. */
export function toGraphNode(n: NodeObject): GraphNode {
  const properties: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(n)) if (k !== '__label' && !HEAVY.has(k)) properties[k] = v;
  const label = [n.name, n.title, n.subject, n.number, n.abbreviation, n.koopId, n.id].find((v) => typeof v === 'string' && v !== '') as string;
  return { id: n.id, label, type: n.__label, properties };
}

/** Converts a stored relationship to a visualisation edge with a stable id. */
export function toGraphEdge(type: string, source: string, target: string, properties: Record<string, unknown>): GraphEdge {
  const key = typeof properties.key === 'string' && properties.key !== '' ? `:${properties.key}` : '';
  return { id: `${type}:${source}->${target}${key}`, type, source, target, properties };
}
