import { GraphQLError } from 'graphql';

/** Codes of expected failures, in `extensions.code`; everything else is masked. */
export const ERROR_CODES = {
  badInput: 'BAD_USER_INPUT',
  badRequest: 'BAD_REQUEST',
  mediaType: 'UNSUPPORTED_MEDIA_TYPE',
  pageSize: 'PAGE_SIZE_EXCEEDED',
  depth: 'DEPTH_LIMIT_EXCEEDED',
  aliases: 'ALIAS_LIMIT_EXCEEDED',
  cost: 'COST_LIMIT_EXCEEDED',
  tokens: 'TOKEN_LIMIT_EXCEEDED',
  bodySize: 'REQUEST_ENTITY_TOO_LARGE',
  lengthRequired: 'LENGTH_REQUIRED',
  hops: 'MAX_HOPS_EXCEEDED',
  timeout: 'QUERY_TIMEOUT',
  unavailable: 'DATABASE_UNAVAILABLE',
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** A JSON response, for the routes beside GraphQL and for refusals before GraphQL runs. */
export const jsonResponse = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

/** A request refused before GraphQL runs, in GraphQL's error shape with its code. */
export const refusal = (status: number, code: ErrorCode, message: string): Response => jsonResponse(status, { errors: [{ message, extensions: { code } }] });

/** An expected failure the caller can act on: shown with its code, never masked. */
export function userError(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.TransactionTimedOut',
]);

/** Maps a Neo4j driver error to an expected failure by its code (never its message), or returns it unchanged. */
export function toApiError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  if (TIMEOUT_CODES.has(code)) return userError(ERROR_CODES.timeout, 'the query ran past the time limit');
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') return userError(ERROR_CODES.unavailable, 'the database does not answer; try again later');
  return error;
}

const KNOWN = new Set<string>(Object.values(ERROR_CODES));

/** By name as well as by class: a test runner may load a second copy of graphql, whose errors yoga then raises. */
const isGraphQLError = (error: unknown): error is GraphQLError => error instanceof GraphQLError || (error instanceof Error && error.name === 'GraphQLError');

/**
 * Masks everything but expected failures: GraphQL's own syntax and validation errors, and errors
 * carrying one of our codes (sent with message, path and code only). Masked errors are logged with
 * their cause, never sent.
 */
export function maskError(error: unknown, message: string, log: (data: Record<string, unknown>) => void = () => {}): Error {
  const gql = isGraphQLError(error) ? error : null;
  const original = gql?.originalError ?? (gql ? null : error);
  // Raised before execution (no path), by GraphQL itself: variables that do not fit their types. The
  // same error gets the code, as yoga logs every error it sees replaced, and this one is the caller's doing.
  if (gql && !gql.path && typeof gql.extensions.code !== 'string' && (!gql.originalError || isGraphQLError(gql.originalError))) {
    (gql.extensions as Record<string, unknown>).code = ERROR_CODES.badInput;
    return gql;
  }
  if (gql && !gql.originalError) return gql;
  const code = (original as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  if (typeof code === 'string' && KNOWN.has(code)) {
    // Returned as it is: yoga logs every error it sees replaced, and these are the caller's doing.
    if (gql) return gql;
    return new GraphQLError((original as Error).message, { extensions: { code } });
  }
  log({ path: gql?.path?.join('.'), name: (original as Error)?.name, message: (original as Error)?.message, code: (original as { code?: unknown })?.code });
  return new GraphQLError(message, { nodes: gql?.nodes, path: gql?.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
