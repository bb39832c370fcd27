import type { Plugin } from 'graphql-yoga';
import { ERROR_CODES, refusal } from './errors.js';

/**
 * Clear refusals where yoga's request parsing has none of its own: a body in a media type no
 * parser takes gets a 415 that says which ones do (yoga sends it empty), and a GET whose
 * `variables` or `extensions` parameter is not JSON gets a 400 (yoga's parser throws a bare
 * SyntaxError, which would be masked as an internal error).
 */
export function createRequestParsePlugin(): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, endResponse }) {
      if (!requestParser) {
        if (request.method === 'POST')
          endResponse(refusal(415, ERROR_CODES.mediaType, `send the query as application/json (got ${JSON.stringify((request.headers.get('content-type') ?? 'no content type').slice(0, 100))})`));
        return;
      }
      if (request.method !== 'GET') return;
      setRequestParser(async (req) => {
        try {
          return await requestParser(req);
        } catch (error) {
          if (!(error instanceof SyntaxError)) throw error;
          return refusal(400, ERROR_CODES.badRequest, 'the variables and extensions parameters must be JSON');
        }
      });
    },
  };
}
