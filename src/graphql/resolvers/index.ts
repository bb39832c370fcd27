import type { NodeObject } from '../../neo4j/queries/nodes.js';
import type { ApiContext } from '../context.js';
import { Answer, Article, Company, Office, Party, Person, plainTypes } from '../types/entities.js';
import { DateScalar, JsonScalar, nodeInterface } from '../types/common.js';
import { Decision, Motion } from '../types/motion.js';
import { Question, Reference } from '../types/question.js';
import { answerDelays } from './answer-delays.js';
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
  Query: { stats, node, question, questions, motion, motions, person, party, company, article, office, search, neighborhood, paths, answerDelays },
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
  SearchHit: { type: (h: { node: NodeObject }) => h.node.__label },
};
