import { GraphQLScalarType, Kind } from 'graphql';
import type { EdgeType, NodeLabel } from '../../model/kinds.js';
import type { NodeObject, RelationSpec } from '../../neo4j/queries/nodes.js';
import type { ApiContext } from '../context.js';
import { ERROR_CODES, userError } from '../errors.js';
import type { Related } from '../loaders.js';

const relation = (node: NodeObject, type: EdgeType, direction: 'out' | 'in', to?: readonly NodeLabel[]): RelationSpec => ({ from: node.__label, type, direction, ...(to ? { to } : {}) });

/** Neighbours of a node over one relationship type, with the relationships' properties, batched per request. */
export function related(ctx: ApiContext, node: NodeObject, type: EdgeType, direction: 'out' | 'in', to?: readonly NodeLabel[]): Promise<Related[]> {
  return ctx.loaders.related(relation(node, type, direction, to)).load(node.id);
}

/** Neighbour nodes only, loaded without their relationships' properties. */
export function relatedNodes(ctx: ApiContext, node: NodeObject, type: EdgeType, direction: 'out' | 'in', to?: readonly NodeLabel[]): Promise<NodeObject[]> {
  return ctx.loaders.relatedNodes(relation(node, type, direction, to)).load(node.id);
}

/** What the shared node fields read (see FieldReads in ../projection.ts). */
export const nodeReads = { sources: ['sources'], stub: ['stub'] } as const;

/** Fields every node type shares: its sources (loaded in one batch per request) and its stub flag. */
export const nodeFields = {
  sources: async (n: NodeObject, _: unknown, ctx: ApiContext) => {
    const ids = Array.isArray(n.sources) ? (n.sources as string[]) : [];
    const found = await ctx.loaders.sources.loadMany(ids);
    return found.filter((s) => s !== null && !(s instanceof Error));
  },
  stub: (n: NodeObject) => n.stub === true,
};

/** A list property that may arrive as a list, a JSON string or a single string. */
export function toList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value === '') return [];
  if (value.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // Not JSON: a single value.
    }
  }
  return [value];
}

/** An integer from a stored value, or null. */
export const toInt = (v: unknown): number | null => (typeof v === 'number' ? Math.trunc(v) : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : null);

const identity = (v: unknown) => v;

const notADate = () => userError(ERROR_CODES.badInput, 'Date must be an ISO date string (YYYY-MM-DD)');

/** Dates travel as ISO strings; whether one is a day of the calendar is checked where it is used (checkDate). */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (v) => (v === null || v === undefined ? null : String(v)),
  parseValue: (v) => {
    if (typeof v !== 'string') throw notADate();
    return v;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw notADate();
    return ast.value;
  },
});

/** Properties of nodes and edges, passed through as JSON. */
export const JsonScalar = new GraphQLScalarType({ name: 'JSON', serialize: identity, parseValue: identity });

/** The GraphQL type of a node is its label. */
export const nodeInterface = { __resolveType: (n: NodeObject) => n.__label };
