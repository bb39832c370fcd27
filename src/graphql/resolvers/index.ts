import type { NodeObject } from '../../neo4j/queries/nodes.js';
import { connectionResolvers } from '../connection.js';
import type { ApiContext } from '../context.js';
import type { FieldReads } from '../projection.js';
import { Answer, Article, Company, Office, Party, Person, entityReads, plainTypes } from '../types/entities.js';
import { DateScalar, JsonScalar, nodeInterface } from '../types/common.js';
import { Decision, Motion, decisionReads, motionReads } from '../types/motion.js';
import { Question, Reference, questionReads, referenceReads } from '../types/question.js';
import { answerDelays } from './answer-delays.js';
import { decideIdentity, identityCandidates, IdentityCandidate } from './identity.js';
import { article, company, motion, node, office, party, person, question } from './lookup.js';
import { motions } from './motions.js';
import { neighborhood } from './neighborhood.js';
import { paths, type Hop } from './paths.js';
import { questions } from './questions.js';
import { search } from './search.js';
import { stats } from './stats.js';

/** The resolver map: one resolver per root field, type resolvers batched through DataLoaders. */
export const resolvers = {
  Date: DateScalar,
  JSON: JsonScalar,
  Query: { stats, node, question, questions, motion, motions, person, party, company, article, office, search, neighborhood, paths, answerDelays, identityCandidates },
  Mutation: { decideIdentity },
  IdentityCandidate,
  Node: nodeInterface,
  Question,
  Reference,
  Motion,
  Decision,
  Person,
  Party,
  Company,
  Article,
  Office,
  Answer,
  ...plainTypes,
  Hop: {
    sources: async (h: Hop, _: unknown, ctx: ApiContext) => (await ctx.loaders.sources.loadMany(h.sourceIds)).filter((s) => s !== null && !(s instanceof Error)),
  },
  QuestionConnection: connectionResolvers,
  MotionConnection: connectionResolvers,
  SearchHit: { type: (h: { node: NodeObject }) => h.node.__label },
};

/** What each type's resolvers read from stored nodes, so queries project only that (see ../projection.ts). */
export const reads: Record<string, FieldReads> = {
  ...entityReads,
  Question: questionReads,
  Reference: referenceReads,
  Motion: motionReads,
  Decision: decisionReads,
};
