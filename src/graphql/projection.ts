import { Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { NODE_LABELS, isNodeLabel, type NodeLabel } from '../model/kinds.js';
import { ALL_PROPERTIES, type PropertiesOf } from '../neo4j/queries/nodes.js';
import type { ApiContext } from './context.js';

/**
 * What the resolvers of one GraphQL type read from stored nodes, per field: `prop` (a property of
 * this type's own node), `Label.prop` (of related nodes the resolver loads itself), `*.prop` (of
 * any label), `Label.*` or `*` (every property). A field of a node type with a resolver and no
 * entry reads everything; one without a resolver reads the property of its own name.
 */
export type FieldReads = Readonly<Record<string, readonly string[]>>;

/** Per label, the properties a document reads (null: every property); `fields` holds each `Type.field` selected. */
type Needs = Map<NodeLabel, Set<string> | null> & { fields?: Set<string> };

/** The fields of a type that read every property because nothing narrower is declared. */
export function undeclaredFields(schema: GraphQLSchema, resolvers: Record<string, unknown>, reads: Record<string, FieldReads>): string[] {
  const out: string[] = [];
  for (const label of NODE_LABELS) {
    const type = schema.getType(label);
    if (!type || !('getFields' in type)) continue;
    const own = (resolvers[label] ?? {}) as Record<string, unknown>;
    for (const field of Object.keys(type.getFields())) if (field in own && !reads[label]?.[field]) out.push(`${label}.${field}`);
  }
  return out;
}

/*
 * Types are inspected through the schema's own methods and properties only: graphql's type
 * predicates refuse a schema built by another copy of the module (as test runners may load it).
 */
type OutputType = { name?: string; ofType?: OutputType };

/** The name of a field's type with lists and non-null unwrapped, or null for an unknown field. */
export function fieldTypeName(schema: GraphQLSchema, type: string, field: string): string | null {
  const def = schema.getType(type);
  let t = (def && 'getFields' in def ? def.getFields()[field]?.type : undefined) as OutputType | undefined;
  while (t?.ofType) t = t.ofType;
  return t?.name ?? null;
}

/** Object types a selection on `type` may meet: itself, or the implementations of an interface or union. */
function concreteTypes(schema: GraphQLSchema, type: string): string[] {
  const def = schema.getType(type);
  if (!def) return [];
  return 'resolveType' in def ? schema.getPossibleTypes(def as Parameters<GraphQLSchema['getPossibleTypes']>[0]).map((t) => t.name) : [type];
}

function readsOf(schema: GraphQLSchema, resolvers: Record<string, unknown>, reads: Record<string, FieldReads>, type: string, field: string): readonly string[] {
  const declared = reads[type]?.[field];
  if (declared) return declared;
  if (!isNodeLabel(type)) return [];
  const own = (resolvers[type] ?? {}) as Record<string, unknown>;
  if (field in own) return ['*'];
  const named = fieldTypeName(schema, type, field);
  const def = named ? schema.getType(named) : undefined;
  // A default resolver returns the stored property of the field's name; object fields have resolvers.
  return def && !('getFields' in def) ? [field] : ['*'];
}

function addRead(needs: Needs, own: string, read: string): void {
  const dot = read.indexOf('.');
  const [scope, prop] = dot < 0 ? [own, read] : [read.slice(0, dot), read.slice(dot + 1)];
  const labels = scope === '*' ? NODE_LABELS : isNodeLabel(scope) ? [scope] : [];
  for (const label of labels) {
    const set = needs.get(label);
    if (set === null) continue;
    if (prop === '*') needs.set(label, null);
    else needs.set(label, (set ?? new Set<string>()).add(prop));
  }
}

/** The properties each label needs for a document: every field of every operation, through its fragments. */
function analyse(schema: GraphQLSchema, resolvers: Record<string, unknown>, reads: Record<string, FieldReads>, document: DocumentNode): Needs {
  const needs: Needs = new Map();
  const fields = (needs.fields = new Set<string>());
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const seen = new Map<SelectionSetNode, Set<string>>();
  const walk = (type: string, set: SelectionSetNode | undefined): void => {
    if (!set) return;
    const types = seen.get(set) ?? new Set<string>();
    if (types.has(type)) return;
    seen.set(set, types.add(type));
    for (const s of set.selections) {
      if (s.kind === Kind.INLINE_FRAGMENT) walk(s.typeCondition?.name.value ?? type, s.selectionSet);
      else if (s.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(s.name.value);
        if (f) walk(f.typeCondition.name.value, f.selectionSet);
      } else if (!s.name.value.startsWith('__')) {
        for (const t of concreteTypes(schema, type)) {
          fields.add(`${t}.${s.name.value}`);
          for (const read of readsOf(schema, resolvers, reads, t, s.name.value)) addRead(needs, t, read);
        }
        const child = fieldTypeName(schema, type, s.name.value);
        if (child && s.selectionSet) walk(child, s.selectionSet);
      }
    }
  };
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = d.operation === 'query' ? schema.getQueryType() : d.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    if (root) walk(root.name, d.selectionSet);
  }
  return needs;
}

/** Turns per-label needs into the projection the query builders take: the union over the labels asked for. */
function toPropertiesOf(needs: Needs): PropertiesOf {
  const memo = new Map<string, readonly string[] | null>();
  return (labels) => {
    const key = labels.join('|');
    let out = memo.get(key);
    if (out !== undefined) return out;
    const union = new Set<string>();
    out = null;
    if (labels.every((l) => needs.get(l) !== null)) {
      for (const l of labels) for (const p of needs.get(l) ?? []) union.add(p);
      out = [...union].sort();
    }
    memo.set(key, out);
    return out;
  };
}

/** Whether a document selects a field (`Type.field`) anywhere; true when unknown. */
export type Selects = (typeAndField: string) => boolean;

/** Selects every field: the answer when no document was analysed. */
export const SELECTS_ALL: Selects = () => true;

/**
 * A plugin that gives each execution the narrowest projection its document allows (in
 * `ctx.projection.properties`, and the fields it selects in `ctx.projection.selects`), analysed once per parsed
 * document, so the Cypher reads no property nobody asked for.
 */
export function createProjectionPlugin(resolvers: Record<string, unknown>, reads: Record<string, FieldReads>): Plugin {
  const cache = new WeakMap<DocumentNode, { of: PropertiesOf; selects: Selects }>();
  return {
    onExecute({ args }) {
      const ctx = args.contextValue as unknown as ApiContext;
      let found = cache.get(args.document);
      if (!found) {
        try {
          const needs = analyse(args.schema, resolvers, reads, args.document);
          const fields = needs.fields ?? new Set<string>();
          found = { of: toPropertiesOf(needs), selects: (f) => fields.has(f) };
        } catch {
          // Whatever the analysis cannot follow reads every property: slower, never wrong.
          found = { of: ALL_PROPERTIES, selects: SELECTS_ALL };
        }
        cache.set(args.document, found);
      }
      ctx.projection.properties = found.of;
      ctx.projection.selects = found.selects;
    },
  };
}
