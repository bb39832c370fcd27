import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, type ASTVisitor, type ValidationContext } from 'graphql';
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

/** Refuses a literal page size above the limit before anything runs, naming the field. */
function pageSizeRule(ctx: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      const first = node.arguments?.find((a) => a.name.value === 'first');
      if (first?.value.kind === Kind.INT && Number(first.value.value) > LIMITS.maxPageSize)
        ctx.reportError(new GraphQLError(`${node.name.value}: first must be from 1 to ${LIMITS.maxPageSize}, got ${first.value.value}`, { nodes: [node], extensions: { code: ERROR_CODES.pageSize } }));
    },
  };
}

/** The page-size rule as a plugin. */
export function createPageSizePlugin(): Plugin {
  return { onValidate: ({ addValidationRule }) => addValidationRule(pageSizeRule) };
}

/** Depth, alias, cost and token limits; each refusal carries its own `extensions.code`. */
export function createArmorPlugin(): Plugin {
  return EnvelopArmorPlugin({
    maxDepth: { n: LIMITS.maxDepth, ...limit(ERROR_CODES.depth) },
    // __typename too: a thousand aliases of it would blow a list's answer up a thousandfold.
    maxAliases: { n: LIMITS.maxAliases, allowList: [], ...limit(ERROR_CODES.aliases) },
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
