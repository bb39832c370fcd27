import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiContext } from './context.js';
import { ERROR_CODES, userError } from './errors.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Lets a request write only with the configured API token as its bearer token: FORBIDDEN when no
 * token is configured (writing through the API is off), UNAUTHENTICATED when the request's is
 * missing or wrong. Digests are compared in constant time.
 */
export function requireWriteAccess(ctx: ApiContext): void {
  if (ctx.config.apiToken === '') throw userError(ERROR_CODES.forbidden, 'writing through the API is off: no API token is configured (GRAAFWERK_API_TOKEN)');
  const given = /^Bearer\s+(\S+)\s*$/i.exec(ctx.authorization ?? '')?.[1];
  if (!given || !timingSafeEqual(digest(given), digest(ctx.config.apiToken)))
    throw userError(ERROR_CODES.unauthenticated, 'this mutation needs the API token as a bearer token (Authorization: Bearer …)');
}
