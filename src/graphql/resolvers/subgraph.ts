import { asStored } from '../../model/ids.js';
import { idByAlternateKeyCypher } from '../../neo4j/queries/nodes.js';
import type { ApiContext } from '../context.js';
import { ERROR_CODES, userError } from '../errors.js';

/**
 * The node a subgraph argument names when no node has it as its id (its id and element id): the node
 * holding it as another unique key (2022Z04510, ah-tk-20212022-3019, in any case, as asStored spells it); throws BAD_USER_INPUT naming the argument when none does.
 */
export async function nodeOfKey(ctx: ApiContext, value: string, argument: string): Promise<{ id: string; eid: string }> {
  const [row] = await ctx.run<{ id: string; eid: string }>(idByAlternateKeyCypher, { value: asStored(value) });
  if (!row) throw userError(ERROR_CODES.badInput, `${argument}: no node with id or key ${JSON.stringify(value.slice(0, 200))}`);
  return row;
}

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

/**
 * Left out of a visualisation node: long texts (the node's own query returns them) and the writer's
 * bookkeeping of which properties a versioned record owns. Provenance (sources, firstSeen, lastSeen) stays.
 */
const LEFT_OUT = new Set(['text', 'operativeText', 'considerations', 'subQuestionsJson', 'answersJson', 'description', 'versionedKeys']);

/** A visualisation node as the graph queries return it (see graphNode in neo4j/queries/graph.ts); properties only when asked for. */
export interface GraphNodeRow {
  id: string;
  label: string;
  type: string;
  properties?: Record<string, unknown>;
}

/** Converts a node row to a visualisation node, without what LEFT_OUT names. */
export function toGraphNode(n: GraphNodeRow): GraphNode {
  const properties: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(n.properties ?? {})) if (!LEFT_OUT.has(k)) properties[k] = v;
  return { id: n.id, label: n.label, type: n.type, properties };
}

/** Converts a stored relationship to a visualisation edge with a stable id. */
export function toGraphEdge(type: string, source: string, target: string, properties: Record<string, unknown>): GraphEdge {
  const key = typeof properties.key === 'string' && properties.key !== '' ? `:${properties.key}` : '';
  return { id: `${type}:${source}->${target}${key}`, type, source, target, properties };
}
