/**
 * Makes this process run as a server of the API does; call it before graphql is first loaded:
 * - graphql in production mode (plain instanceof checks), as the Docker image runs it;
 * - stack traces not mapped to TypeScript lines. The Neo4j driver formats a stack for every
 *   result, and mapping it through tsx's source maps cost 0.1 ms per query at the median and
 *   0.8–1.3 ms at p95 (the question query of bench:api, in process). Served errors are masked
 *   and logged without a stack.
 */
export function runAsServer(): void {
  process.env.NODE_ENV ??= 'production';
  process.setSourceMapsEnabled(false);
}
