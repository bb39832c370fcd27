import { today } from '../../analysis/dutch-time.js';
import { motionsCountCypher, motionsMatch, motionsPageCypher, type MotionOrder, type MotionQuery } from '../../neo4j/queries/motions.js';
import type { ApiContext } from '../context.js';
import { cursorAsOf, loadConnection } from '../connection.js';
import { ERROR_CODES, userError } from '../errors.js';
import { LIMITS, checkDate, checkRange, checkText } from '../limits.js';

/** The `MotionFilter` input as the API receives it: the query's filters, period and date optional. */
export type MotionFilterInput = Omit<MotionQuery, 'asOf' | 'withinDays'> & { asOf?: string | null; withinDays?: number | null };

/** Validates a motion filter and turns it into query parameters; without asOf, the list is as of the day of `after`'s list (see cursorAsOf), or today. */
export function toMotionQuery(filter: MotionFilterInput | null | undefined, after?: string | null): MotionQuery {
  const f = filter ?? {};
  for (const [name, value] of Object.entries(f)) if (typeof value === 'string') checkText(value, `filter.${name}`);
  if (f.companies && f.companies.length > 50) throw userError(ERROR_CODES.badInput, `filter.companies must list at most 50 ids, got ${f.companies.length}`);
  return {
    status: f.status ?? null,
    unanswered: f.unanswered ?? null,
    withinDays: checkRange(f.withinDays ?? 365, 1, LIMITS.maxFollowUpDays, 'filter.withinDays'),
    asOf: checkDate(f.asOf, 'filter.asOf') ?? cursorAsOf(after) ?? today(),
    dossier: f.dossier ?? null,
    submittedFrom: checkDate(f.submittedFrom, 'filter.submittedFrom'),
    submittedTo: checkDate(f.submittedTo, 'filter.submittedTo'),
    person: f.person ?? null,
    party: f.party ?? null,
    companies: f.companies ?? null,
  };
}

/** Loads a page of motions for a filter; the nodes carry the follow-up period for their followUp field. */
export function loadMotions(ctx: ApiContext, query: MotionQuery, sort: MotionOrder | null | undefined, first: number | null | undefined, after: string | null | undefined) {
  const { cypher, params } = motionsMatch(query);
  const order = sort ?? 'SUBMITTED_DESC';
  return loadConnection(ctx, { rows: `${cypher}\n${order}`, page: motionsPageCypher(cypher, order, ctx.projection.properties(['Motion'])), count: motionsCountCypher(cypher), params, asOf: query.asOf }, first, after, {
    __asOf: query.asOf,
    __withinDays: query.withinDays,
  });
}

/** Root field `motions(filter, sort, first, after)`. */
export function motions(_: unknown, args: { filter?: MotionFilterInput; sort?: MotionOrder; first?: number; after?: string }, ctx: ApiContext) {
  return loadMotions(ctx, toMotionQuery(args.filter, args.after), args.sort, args.first, args.after);
}
