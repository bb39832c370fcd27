import { describe, expect, it } from 'vitest';
import { ANSWER_STATUSES } from '../../src/analysis/answer-status.js';
import { BINDING_OUTCOMES } from '../../src/analysis/motion-status.js';
import { SUBGRAPH_DEFAULTS } from '../../src/graphql/limits.js';
import { fieldTypeName } from '../../src/graphql/projection.js';
import { resolvers } from '../../src/graphql/resolvers/index.js';
import { loadSchema } from '../../src/graphql/schema.js';
import { LOOKUP_LABELS } from '../../src/neo4j/queries/nodes.js';
import { NODE_LABELS } from '../../src/model/kinds.js';

/** The values of an enum of schema.graphql, by name (inspected through the schema's own methods). */
function enumValues(name: string): string[] {
  const type = loadSchema().getType(name) as { getValues?: () => { name: string }[] } | undefined;
  if (!type?.getValues) throw new Error(`schema.graphql has no enum ${name}`);
  return type.getValues().map((v) => v.name);
}

describe('schema.graphql lists what the code produces', () => {
  it('NodeType names every label a node lookup can return, and each is a type implementing Node', () => {
    expect([...enumValues('NodeType')].sort()).toEqual([...LOOKUP_LABELS].sort());
    const schema = loadSchema();
    for (const label of LOOKUP_LABELS) {
      const type = schema.getType(label) as { getInterfaces?: () => { name: string }[] } | undefined;
      expect(type?.getInterfaces?.().map((i) => i.name), label).toContain('Node');
    }
  });

  it('MotionStatus holds every status the database derives: the binding outcomes and pending', () => {
    expect([...enumValues('MotionStatus')].sort()).toEqual([...BINDING_OUTCOMES, 'pending'].sort());
  });

  it('states the defaults of the subgraph fields the export route and the command line take when given none', () => {
    const args = (field: string) => Object.fromEntries(loadSchema().getQueryType()!.getFields()[field]!.args.map((a) => [a.name, a.defaultValue]));
    const { depth, limit } = args('neighborhood');
    const { maxHops, first } = args('paths');
    expect({ depth, limit, maxHops, first }).toEqual(SUBGRAPH_DEFAULTS);
  });

  it('AnswerStatus holds every status the assessment gives', () => {
    expect([...enumValues('AnswerStatus')].sort()).toEqual([...ANSWER_STATUSES].sort());
  });

  it('gives every field of a node type that returns objects a resolver: a stored node holds no objects to read', () => {
    const schema = loadSchema();
    const missing: string[] = [];
    for (const label of NODE_LABELS) {
      const type = schema.getType(label) as { getFields?: () => Record<string, unknown> } | undefined;
      const own = ((resolvers as Record<string, unknown>)[label] ?? {}) as Record<string, unknown>;
      for (const name of Object.keys(type?.getFields?.() ?? {})) {
        const named = schema.getType(fieldTypeName(schema, label, name) ?? '') as object | undefined;
        const returnsObjects = named !== undefined && ('getFields' in named || 'getTypes' in named);
        if (returnsObjects && !(name in own)) missing.push(`${label}.${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
