import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { isZaakNumber } from '../../model/ids.js';
import { isKeyOf } from '../../model/kinds.js';
import { QUESTION_BUNDLE, questionBundleCypher } from '../../neo4j/queries/bundle.js';
import { otherLabels, type NodeObject } from '../../neo4j/queries/nodes.js';
import type { ApiContext } from '../context.js';
import { cached, propertiesKey, type AskerRow } from '../loaders.js';

/** Fields that need each bundle part; the status fields need answers and postponements. */
const NEEDS: Record<string, string[]> = {
  answers: ['answers', 'answeredBy', 'answeredAt', 'status', 'daysLate', 'postponed', 'subQuestions', 'unansweredSubQuestions'],
  postponements: ['postponements', 'answeredAt', 'status', 'daysLate', 'postponed'],
  addressedTo: ['addressedTo'],
};

/** Names of the fields selected directly under the resolved field; null when fragments make that unknown. */
export function selectedFields(info: GraphQLResolveInfo): Set<string> | null {
  const names = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): boolean => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) names.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else return false;
    }
    return true;
  };
  for (const node of info.fieldNodes) if (!walk(node.selectionSet)) return null;
  return names;
}

// Only unique keys are indexed; any other property would scan the label.
const KEYS = ['number', 'id', 'koopId'].filter((k) => isKeyOf('Question', k));
/**
 * A value shaped as a case number is looked up by number alone: a node with such an id has it as
 * its number too (a stub made from a reference by number), so the lookup by id would find nothing
 * more, and one index seek costs less than a union of two.
 */
const keysFor = (value: string): string[] => (isZaakNumber(value) ? ['number'] : KEYS);

/** The labels whose projection shapes a bundle's Cypher text. */
const BUNDLE_LABELS = [['Question'], ['Person'], ['Party'], ...Object.values(QUESTION_BUNDLE).map(otherLabels)] as const;

/**
 * Finds a question and, in the same query, the relations its selection needs; those prime the
 * request's DataLoaders, so the nested resolvers run no query of their own.
 */
export async function loadQuestionBundle(ctx: ApiContext, value: string, fields: Set<string> | null): Promise<NodeObject | null> {
  const wants = (f: string) => fields === null || fields.has(f);
  const parts = Object.keys(QUESTION_BUNDLE).filter((p) => NEEDS[p]!.some(wants));
  const askers = wants('askedBy');
  const keys = keysFor(value);
  const key = `bundle:${keys.join(',')}|${parts.join(',')}|${askers}|${BUNDLE_LABELS.map((l) => propertiesKey(ctx.projection.properties(l))).join('|')}`;
  const cypher = cached(key, () => questionBundleCypher(keys, parts, askers, ctx.projection.properties));
  const rows = await ctx.run<Record<string, unknown> & { node: NodeObject }>(cypher, { value });
  const row = rows[0];
  if (!row) return null;
  const id = row.node.id;
  for (const p of parts) ctx.loaders.relatedNodes(QUESTION_BUNDLE[p]!).prime(id, row[p] as NodeObject[]);
  if (askers) ctx.loaders.askers.prime(id, row.askers as AskerRow[]);
  return row.node;
}
