/**
 * Makes this process run as a server of the API does; call it before graphql is first loaded:
 * - graphql in production mode (plain instanceof checks), as the Docker image runs it;
 * - stack traces not mapped to TypeScript lines. The Neo4j driver asks for a stack trace with
 *   every result; readRows gives it none to format, but the source-map hook still runs on it, and
 *   with it on the question query of bench:api took 783–882 µs at the median in process against
 *   735–846 µs without (five alternating rounds). Served errors are masked and logged without a
 *   stack.
 */
export function runAsServer(): void {
  process.env.NODE_ENV ??= 'production';
  process.setSourceMapsEnabled(false);
}
