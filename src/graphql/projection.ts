import { TypeInfo, getNamedType, isAbstractType, isLeafType, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
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

/** Per label, the properties a document reads; null for every property. */
type Needs = Map<NodeLabel, Set<string> | null>;

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

function readsOf(schema: GraphQLSchema, resolvers: Record<string, unknown>, reads: Record<string, FieldReads>, type: string, field: string): readonly string[] {
  const declared = reads[type]?.[field];
  if (declared) return declared;
  if (!isNodeLabel(type)) return [];
  const own = (resolvers[type] ?? {}) as Record<string, unknown>;
  if (field in own) return ['*'];
  const def = schema.getType(type);
  const f = def && 'getFields' in def ? def.getFields()[field] : undefined;
  // A default resolver returns the stored property of the field's name; object fields have resolvers.
  return f && isLeafType(getNamedType(f.type)) ? [field] : ['*'];
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

/** The properties each label needs for a document: every field of every operation and fragment. */
function analyse(schema: GraphQLSchema, resolvers: Record<string, unknown>, reads: Record<string, FieldReads>, document: DocumentNode): Needs {
  const needs: Needs = new Map();
  const info = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(info, {
      Field(node) {
        const parent = info.getParentType();
        if (!parent || node.name.value.startsWith('__')) return;
        const types = isAbstractType(parent) ? schema.getPossibleTypes(parent) : [parent];
        for (const t of types) for (const read of readsOf(schema, resolvers, reads, t.name, node.name.value)) addRead(needs, t.name, read);
      },
    }),
  );
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

/**
 * A plugin that gives each execution the narrowest projection its document allows (in
 * `ctx.properties`), analysed once per parsed document, so the Cypher reads no property nobody asked for.
 */
export function createProjectionPlugin(resolvers: Record<string, unknown>, reads: Record<string, FieldReads>): Plugin {
  const cache = new WeakMap<DocumentNode, PropertiesOf>();
  return {
    onExecute({ args }) {
      const ctx = args.contextValue as unknown as ApiContext;
      let of = cache.get(args.document);
      if (!of) {
        try {
          of = toPropertiesOf(analyse(args.schema, resolvers, reads, args.document));
        } catch {
          of = ALL_PROPERTIES;
        }
        cache.set(args.document, of);
      }
      ctx.properties = of;
    },
  };
}
