/**
 * Errors by what the caller must do. One function, `isRetryable`, decides retries.
 */

/** A passing failure (network, timeout, 5xx, 429): try again later. */
export class RetryableError extends Error {
  override name = 'RetryableError';
  constructor(
    message: string,
    /** Seconds the server asked us to wait (Retry-After), when it said. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** A final failure for this document (404, too large, unsupported kind, robots.txt): skip it. */
export class NotRetryableError extends Error {
  override name = 'NotRetryableError';
  constructor(
    message: string,
    /** The HTTP status, when the server gave one. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/** A failure of the run itself (configuration, authentication): stop without advancing any checkpoint. */
export class CriticalError extends Error {
  override name = 'CriticalError';
}

/** Whether Neo4j refused the login: a critical error, whatever the document. */
export function isAuthError(error: unknown): boolean {
  return (error as { code?: string }).code === 'Neo.ClientError.Security.Unauthorized';
}

/** Whether an error is worth another attempt. */
export function isRetryable(error: unknown): error is RetryableError {
  return error instanceof RetryableError;
}

/** The class of a rejection as the run summary counts it. */
export function rejectionClass(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'ParseError') return 'parse';
    if (error.name === 'FragmentError' || error.name === 'ModelViolation') return 'model';
    if (error instanceof NotRetryableError) return 'not-retryable';
    if (error instanceof RetryableError) return 'retries-exhausted';
    if (error.name === 'Neo4jError') return 'database';
  }
  return 'other';
}
