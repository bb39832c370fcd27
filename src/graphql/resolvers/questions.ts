import { today } from '../../analysis/dutch-time.js';
import { canonicalUrl } from '../../model/canonical-url.js';
import { questionsCountCypher, questionsMatch, questionsPageCypher, type QuestionOrder, type QuestionQuery } from '../../neo4j/queries/questions.js';
import type { ApiContext } from '../context.js';
import { cursorAsOf, loadConnection } from '../connection.js';
import { ERROR_CODES, userError } from '../errors.js';
import { checkDate, checkText } from '../limits.js';

/** The `QuestionFilter` input as the API receives it: the query's filters, the date optional. */
export type QuestionFilterInput = Omit<QuestionQuery, 'asOf'> & { asOf?: string | null };

/** Validates a question filter and turns it into query parameters; without asOf, the list is as of the day of `after`'s list (see cursorAsOf), or today. */
export function toQuestionQuery(filter: QuestionFilterInput | null | undefined, after?: string | null): QuestionQuery {
  const f = filter ?? {};
  for (const [name, value] of Object.entries(f)) if (typeof value === 'string') checkText(value, `filter.${name}`);
  if (f.companies && f.companies.length > 50) throw userError(ERROR_CODES.badInput, `filter.companies must list at most 50 ids, got ${f.companies.length}`);
  return {
    submittedFrom: checkDate(f.submittedFrom, 'filter.submittedFrom'),
    submittedTo: checkDate(f.submittedTo, 'filter.submittedTo'),
    party: f.party ?? null,
    person: f.person ?? null,
    office: f.office ?? null,
    companies: f.companies ?? null,
    status: f.status ?? null,
    asOf: checkDate(f.asOf, 'filter.asOf') ?? cursorAsOf(after) ?? today(),
    citesArticle: f.citesArticle ? safeCanonical(f.citesArticle) : null,
  };
}

function safeCanonical(url: string): string {
  try {
    return canonicalUrl(url);
  } catch {
    return url;
  }
}

/** Loads a page of questions for a filter; the nodes carry the filter's asOf for their status. */
export function loadQuestions(ctx: ApiContext, query: QuestionQuery, sort: QuestionOrder | null | undefined, first: number | null | undefined, after: string | null | undefined) {
  const { cypher, params } = questionsMatch(query);
  const order = sort ?? 'SUBMITTED_DESC';
  return loadConnection(ctx, { rows: `${cypher}\n${order}`, page: questionsPageCypher(cypher, order, ctx.projection.properties(['Question'])), count: questionsCountCypher(cypher), params, asOf: query.asOf }, first, after, { __asOf: query.asOf });
}

/** Root field `questions(filter, sort, first, after)`. */
export function questions(_: unknown, args: { filter?: QuestionFilterInput; sort?: QuestionOrder; first?: number; after?: string }, ctx: ApiContext) {
  return loadQuestions(ctx, toQuestionQuery(args.filter, args.after), args.sort, args.first, args.after);
}
