import { ERROR_CODES, userError } from './errors.js';

/** Hard limits of the API; each refusal carries its own code. */
export const LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 20_000,
  maxTokens: 10_000,
  maxPageSize: 100,
  maxHops: 6,
  maxNeighborhoodDepth: 3,
  maxNeighborhoodNodes: 500,
  /** Nodes that the neighborhood and paths fields of one request may ask for together (limit, first × path length). */
  maxSubgraphNodesPerRequest: 2000,
  maxPaths: 20,
  maxTextLength: 500,
  maxBodyBytes: 1_000_000,
  maxFollowUpDays: 3650,
} as const;

/** Defaults of the subgraph fields' arguments, as schema.graphql states them (a test holds the two alike), for the callers that pass none: the export route and the command line. */
export const SUBGRAPH_DEFAULTS = { depth: 1, limit: 100, maxHops: 4, first: 5 } as const;

/** Checks a page size (`first`) against 1..max; throws PAGE_SIZE_EXCEEDED or BAD_USER_INPUT. */
export function checkFirst(first: number | null | undefined, fallback = 20, argument = 'first', max: number = LIMITS.maxPageSize): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1) throw userError(ERROR_CODES.badInput, `${argument} must be from 1 to ${max}, got ${n}`);
  if (n > max) throw userError(ERROR_CODES.pageSize, `${argument} must be from 1 to ${max}, got ${n}`);
  return n;
}

/** Checks an integer argument against a range; throws BAD_USER_INPUT naming the argument. */
export function checkRange(value: number, min: number, max: number, argument: string, code: (typeof ERROR_CODES)[keyof typeof ERROR_CODES] = ERROR_CODES.badInput): number {
  if (!Number.isInteger(value) || value < min || value > max) throw userError(code, `${argument} must be from ${min} to ${max}, got ${value}`);
  return value;
}

/** Checks a free-text argument's length; throws BAD_USER_INPUT. */
export function checkText(value: string, argument: string, max: number = LIMITS.maxTextLength): string {
  if (value.length > max) throw userError(ERROR_CODES.badInput, `${argument} must be at most ${max} characters, got ${value.length}`);
  return value;
}

/** An ISO date, or a date-time whose day is taken. */
const DATE_RE = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Whether a YYYY-MM-DD is a day of the calendar (Date.parse rolls 2022-02-30 over to 2 March). */
const isCalendarDay = (day: string): boolean => {
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day;
};

/** Checks an ISO date (or date-time) argument and returns its YYYY-MM-DD day; throws BAD_USER_INPUT. */
export function checkDate(value: string | null | undefined, argument: string): string | null {
  if (value === null || value === undefined) return null;
  const day = DATE_RE.exec(value)?.[1];
  if (!day || !isCalendarDay(day)) throw userError(ERROR_CODES.badInput, `${argument} must be an ISO date (YYYY-MM-DD), got ${JSON.stringify(value.slice(0, 40))}`);
  return day;
}
