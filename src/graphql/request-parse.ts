import type { GraphQLParams, Plugin } from 'graphql-yoga';
import { ERROR_CODES, refusal } from './errors.js';

type RequestParser = (request: Request) => Promise<GraphQLParams | GraphQLParams[] | Response> | GraphQLParams | GraphQLParams[] | Response;

const JSON_TYPES = new Set(['application/json', 'application/graphql+json']);

/** The media type of a request body, lower-cased as RFC 9110 compares it; '' without one. */
function mediaTypeOf(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(',')[0]!.split(';')[0]!.trim().toLowerCase();
}

/** A JSON request body as GraphQL parameters; a body that is not JSON throws the SyntaxError of JSON.parse. */
async function parseJsonBody(request: Request): Promise<GraphQLParams | Response> {
  const body: unknown = JSON.parse(await request.text());
  if (body === null || typeof body !== 'object') return refusal(400, ERROR_CODES.badRequest, `the request body must be a JSON object, got ${body === null ? 'null' : typeof body}`);
  return body as GraphQLParams;
}

/** Turns the SyntaxError of JSON.parse into a 400 that names what must be JSON, and nothing else of the parser's. */
function refusingBadJson(parse: RequestParser, what: string): RequestParser {
  return async (request) => {
    try {
      return await parse(request);
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      return refusal(400, ERROR_CODES.badRequest, `${what} is not valid JSON`);
    }
  };
}

/**
 * The API's request parsing: a POST body is JSON, read here, its media type compared
 * case-insensitively (yoga's parsers compare it case-sensitively and refuse `Application/Json`);
 * one that is not JSON gets a 400 (yoga's carries the parser's message with a piece of the body).
 * Any other body, the form and multipart bodies yoga would also take included, gets a 415 that says
 * what to send: those are what a page of another site may post without asking (no CORS preflight),
 * and the API has no file uploads. A GET whose `variables` or `extensions` parameter is not JSON
 * gets a 400 (yoga's parser throws a bare SyntaxError, which would be masked as an internal error).
 */
export function createRequestParsePlugin(): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, endResponse }) {
      if (request.method === 'POST') {
        if (JSON_TYPES.has(mediaTypeOf(request))) return setRequestParser(refusingBadJson(parseJsonBody, 'the request body'));
        return endResponse(refusal(415, ERROR_CODES.mediaType, `send the query as application/json (got ${JSON.stringify((request.headers.get('content-type') ?? 'no content type').slice(0, 100))})`));
      }
      if (request.method === 'GET' && requestParser) setRequestParser(refusingBadJson(requestParser, 'the variables or extensions parameter'));
    },
  };
}
