import { canonicalUrl } from '../../model/canonical-url.js';
import { asStored } from '../../model/ids.js';
import { isKeyOf, type NodeLabel } from '../../model/kinds.js';
import { partyByNameCypher, partyParam, type NodeObject } from '../../neo4j/queries/nodes.js';
import type { GraphQLResolveInfo } from 'graphql';
import type { ApiContext } from '../context.js';
import { loadQuestionBundle, selectedFields } from './bundle.js';
import { checkText } from '../limits.js';

/** The first visible node of a label found under any of the given unique (indexed) keys, each key one batched lookup. */
async function findBy(ctx: ApiContext, label: NodeLabel, value: string, keys: string[]): Promise<NodeObject | null> {
  checkText(value, 'id');
  // Only unique keys are indexed; any other property would scan the label.
  return ctx.loaders.byKey(label, keys.filter((k) => isKeyOf(label, k))).load(asStored(value));
}

/** Root field `question(number)`: by number or id, with the relations the selection needs in the same round trip. */
export const question = (_: unknown, a: { number: string }, ctx: ApiContext, info: GraphQLResolveInfo) => {
  checkText(a.number, 'number');
  return loadQuestionBundle(ctx, asStored(a.number), selectedFields(info));
};

/** Root field `motion(number)`: by number, KOOP id, dossier-ondernummer or id. */
export const motion = (_: unknown, a: { number: string }, ctx: ApiContext) => {
  const number = asStored(a.number);
  const m = /^(\d+(?:-[A-Z0-9]+)?)[-–](\d+)$/i.exec(number);
  const keys = [number, ...(m ? [`kst-${m[1]!.toUpperCase()}-${m[2]}`] : [])];
  return Promise.all(keys.map((k) => findBy(ctx, 'Motion', k, ['number', 'koopId', 'id']))).then((r) => r.find((n) => n !== null) ?? null);
};

/** Root field `person(id)`. */
export const person = (_: unknown, a: { id: string }, ctx: ApiContext) => findBy(ctx, 'Person', a.id, ['id']);

/** Root field `party(id)`: by id, or by abbreviation or name in any case (d66, NSC, Nieuw Sociaal Contract). */
export const party = async (_: unknown, a: { id: string }, ctx: ApiContext) =>
  (await findBy(ctx, 'Party', a.id, ['id'])) ?? (await ctx.run<{ node: NodeObject }>(partyByNameCypher, { party: partyParam(a.id) }))[0]?.node ?? null;

/** Root field `company(id)`. */
export const company = (_: unknown, a: { id: string }, ctx: ApiContext) => findBy(ctx, 'Company', a.id, ['id']);

/** Root field `office(id)`. */
export const office = (_: unknown, a: { id: string }, ctx: ApiContext) => findBy(ctx, 'Office', a.id, ['id']);

/** Root field `article(url)`: canonicalised, so tracking parameters do not matter. */
export const article = async (_: unknown, a: { url: string }, ctx: ApiContext) => {
  checkText(a.url, 'url', 2000);
  let id = a.url;
  try {
    id = canonicalUrl(a.url);
  } catch {
    return null;
  }
  return findBy(ctx, 'Article', id, ['id']);
};

/** Root field `node(id)`: any label. */
export const node = (_: unknown, a: { id: string }, ctx: ApiContext) => {
  checkText(a.id, 'id', 2000);
  return ctx.loaders.node.load(asStored(a.id));
};
