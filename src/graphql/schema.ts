import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { resolvers } from './resolvers/index.js';

/** Where the API contract lives: the only SDL file, at the project root. */
const SCHEMA_FILE = new URL('../../schema.graphql', import.meta.url);

/** Loads schema.graphql and binds the resolvers; fails at start-up when they disagree. */
export function loadSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: readFileSync(SCHEMA_FILE, 'utf8'),
    resolvers,
    resolverValidationOptions: { requireResolversToMatchSchema: 'error', requireResolversForResolveType: 'error' },
  });
}
