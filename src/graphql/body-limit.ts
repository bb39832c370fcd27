import type { Plugin } from 'graphql-yoga';
import { ERROR_CODES, refusal } from './errors.js';
import { LIMITS } from './limits.js';

/**
 * Bounds a request body by its Content-Length before anything reads it. Node's HTTP parser never
 * reads past that length (and refuses it beside chunked encoding), so the header is the bound, and
 * the body need not be piped through a counting stream; a body of unknown length is refused.
 */
export function createBodyLimitPlugin(max: number = LIMITS.maxBodyBytes): Plugin {
  return {
    onRequest({ request, endResponse }) {
      if (request.method !== 'POST') return;
      const length = request.headers.get('content-length');
      if (length === null) return endResponse(refusal(411, ERROR_CODES.lengthRequired, 'a request body needs a Content-Length header'));
      if (!/^\d{1,12}$/.test(length) || Number(length) > max)
        return endResponse(refusal(413, ERROR_CODES.bodySize, `the request body must be at most ${max} bytes, got ${length.slice(0, 20)}`));
    },
  };
}
