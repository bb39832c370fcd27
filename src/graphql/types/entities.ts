import type { NodeObject } from '../../neo4j/queries/nodes.js';
import { companiesMentionedCypher, companyTimelineCypher, partyTimelineCypher, personTimelineCypher, questionsPerPartyCypher } from '../../neo4j/queries/tables.js';
import type { ApiContext } from '../context.js';
import { checkFirst } from '../limits.js';
import { cached } from '../loaders.js';
import { loadMotions, toMotionQuery } from '../resolvers/motions.js';
import { loadQuestions, toQuestionQuery } from '../resolvers/questions.js';
import type { FieldReads } from '../projection.js';
import { nodeFields, nodeReads, related, relatedNodes, toList } from './common.js';

type Page = { first?: number; after?: string };

/** The rows of a per-node table (see neo4j/queries/tables.ts), batched over the nodes of the request. */
const table = (ctx: ApiContext, cypher: string, n: NodeObject) => ctx.loaders.rows(cypher).load(n.id);

/** Resolvers of Person. */
export const Person = {
  ...nodeFields,
  name: (p: NodeObject) => p.name ?? p.fullName ?? null,
  provisional: (p: NodeObject) => p.provisional === true,
  party: (p: NodeObject, _: unknown, ctx: ApiContext) => ctx.loaders.currentParty.load(p.id),
  memberships: async (p: NodeObject, _: unknown, ctx: ApiContext) =>
    (await related(ctx, p, 'MEMBER_OF', 'out')).map((r) => ({ party: r.node, from: r.rel.from ?? null, to: r.rel.to ?? null, observedAt: r.rel.observedAt ?? null })),
  questions: (p: NodeObject, a: Page, ctx: ApiContext) => loadQuestions(ctx, toQuestionQuery({ person: p.id }, a.after), 'SUBMITTED_DESC', a.first, a.after),
  motions: (p: NodeObject, a: Page, ctx: ApiContext) => loadMotions(ctx, toMotionQuery({ person: p.id }, a.after), 'SUBMITTED_DESC', a.first, a.after),
  answers: (p: NodeObject, _: unknown, ctx: ApiContext) => relatedNodes(ctx, p, 'ANSWERED_BY', 'in'),
  offices: (p: NodeObject, _: unknown, ctx: ApiContext) => relatedNodes(ctx, p, 'HOLDS', 'out'),
  timeline: (p: NodeObject, _: unknown, ctx: ApiContext) => table(ctx, personTimelineCypher, p),
};

/** Resolvers of Party. */
export const Party = {
  ...nodeFields,
  members: (f: NodeObject, _: unknown, ctx: ApiContext) => relatedNodes(ctx, f, 'MEMBER_OF', 'in'),
  questions: (f: NodeObject, a: Page, ctx: ApiContext) => loadQuestions(ctx, toQuestionQuery({ party: f.id }, a.after), 'SUBMITTED_DESC', a.first, a.after),
  timeline: (f: NodeObject, _: unknown, ctx: ApiContext) => table(ctx, partyTimelineCypher, f),
  companiesMentioned: (f: NodeObject, a: { first?: number }, ctx: ApiContext) => {
    const first = checkFirst(a.first);
    return table(ctx, cached(`companiesMentioned:${first}`, () => companiesMentionedCypher(first)), f);
  },
};

/** Resolvers of Company. */
export const Company = {
  ...nodeFields,
  aliases: (c: NodeObject) => toList(c.aliases),
  lists: (c: NodeObject) => toList(c.lists),
  questions: (c: NodeObject, a: Page, ctx: ApiContext) => loadQuestions(ctx, toQuestionQuery({ companies: [c.id] }, a.after), 'SUBMITTED_DESC', a.first, a.after),
  motions: (c: NodeObject, _: unknown, ctx: ApiContext) => relatedNodes(ctx, c, 'MENTIONS', 'in', ['Motion']),
  articles: (c: NodeObject, _: unknown, ctx: ApiContext) => relatedNodes(ctx, c, 'MENTIONS', 'in', ['Article']),
  timeline: (c: NodeObject, _: unknown, ctx: ApiContext) => table(ctx, companyTimelineCypher, c),
  questionsPerParty: (c: NodeObject, _: unknown, ctx: ApiContext) => table(ctx, questionsPerPartyCypher, c),
};

/** Resolvers of Article. */
export const Article = {
  ...nodeFields,
  url: (a: NodeObject) => (typeof a.url === 'string' ? a.url : a.id),
  publisher: async (a: NodeObject, _: unknown, ctx: ApiContext) => (await relatedNodes(ctx, a, 'PUBLISHED_BY', 'out'))[0] ?? null,
  citedBy: (a: NodeObject, _: unknown, ctx: ApiContext) => relatedNodes(ctx, a, 'CITES', 'in'),
  questions: (a: NodeObject, _: unknown, ctx: ApiContext) => relatedNodes(ctx, a, 'CITES', 'in', ['Question']),
  mentions: async (a: NodeObject, _: unknown, ctx: ApiContext) => (await related(ctx, a, 'MENTIONS', 'out')).map((r) => ({ entity: r.node, ...r.rel })),
};

/** Resolvers of Office. */
export const Office = {
  ...nodeFields,
  questions: (o: NodeObject, a: Page, ctx: ApiContext) => loadQuestions(ctx, toQuestionQuery({ office: o.id }, a.after), 'SUBMITTED_DESC', a.first, a.after),
  holders: (o: NodeObject, _: unknown, ctx: ApiContext) => relatedNodes(ctx, o, 'HOLDS', 'in'),
};

/** Resolvers of Answer. */
export const Answer = {
  ...nodeFields,
  unansweredNumbers: (a: NodeObject) => (Array.isArray(a.unansweredNumbers) ? a.unansweredNumbers.map(Number) : []),
  later: (a: NodeObject) => a.later === true,
  answeredBy: (a: NodeObject, _: unknown, ctx: ApiContext) => relatedNodes(ctx, a, 'ANSWERED_BY', 'out'),
  question: (a: NodeObject, _: unknown, ctx: ApiContext) => relatedNodes(ctx, a, 'ANSWERS', 'out'),
};

/**
 * The stored properties each resolver of these types reads; relation fields read only the id.
 * Fields without a resolver read their own property.
 */
export const entityReads: Record<string, FieldReads> = {
  Person: { ...nodeReads, name: ['name', 'fullName'], provisional: ['provisional'], party: [], memberships: [], questions: [], motions: [], answers: [], offices: [], timeline: [] },
  Party: { ...nodeReads, members: [], questions: [], timeline: [], companiesMentioned: [] },
  Company: { ...nodeReads, aliases: ['aliases'], lists: ['lists'], questions: [], motions: [], articles: [], timeline: [], questionsPerParty: [] },
  Article: { ...nodeReads, url: ['url'], publisher: [], citedBy: [], questions: [], mentions: [] },
  Office: { ...nodeReads, questions: [], holders: [] },
  Answer: { ...nodeReads, unansweredNumbers: ['unansweredNumbers'], later: ['later'], answeredBy: [], question: [] },
  ...Object.fromEntries(['Postponement', 'Publisher', 'Dossier', 'Document', 'Case'].map((t) => [t, nodeReads])),
};

/** Resolvers of the node types with nothing beyond their properties. */
export const plainTypes = Object.fromEntries(['Postponement', 'Publisher', 'Dossier', 'Document', 'Case'].map((t) => [t, { ...nodeFields }]));
