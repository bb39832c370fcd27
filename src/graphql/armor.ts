import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ERROR_CODES, type ErrorCode } from './errors.js';
import { LIMITS } from './limits.js';

/** Reports a refused query as a validation error with its code, instead of armor's bare message. */
const reject =
  (code: ErrorCode) =>
  (ctx: ValidationContext | null, error: GraphQLError): void => {
    if (ctx) ctx.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code } }));
  };

const limit = (code: ErrorCode) => ({ propagateOnRejection: false, onReject: [reject(code)] });

/** Depth, alias, cost and token limits; each refusal carries its own `extensions.code`. */
export function createArmorPlugin(): Plugin {
  return EnvelopArmorPlugin({
    maxDepth: { n: LIMITS.maxDepth, ...limit(ERROR_CODES.depth) },
    maxAliases: { n: LIMITS.maxAliases, ...limit(ERROR_CODES.aliases) },
    costLimit: { maxCost: LIMITS.maxCost, ...limit(ERROR_CODES.cost) },
    maxDirectives: { n: 20, ...limit(ERROR_CODES.cost) },
    maxTokens: {
      n: LIMITS.maxTokens,
      propagateOnRejection: false,
      onReject: [
        (_: unknown, error: GraphQLError) => {
          throw new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: ERROR_CODES.tokens } });
        },
      ],
    },
    blockFieldSuggestion: { enabled: false },
  }) as Plugin;
}
