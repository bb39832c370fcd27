import { decideCandidate, listCandidates, UnknownCandidate, type SameAsCandidate } from '../../review/candidates.js';
import { requireWriteAccess } from '../auth.js';
import type { ApiContext } from '../context.js';
import { ERROR_CODES, userError } from '../errors.js';
import { checkFirst, checkText } from '../limits.js';

/** Root field `identityCandidates(includeDecided, first)`. */
export async function identityCandidates(_: unknown, a: { includeDecided?: boolean; first?: number }, ctx: ApiContext): Promise<SameAsCandidate[]> {
  return listCandidates(ctx.run, a.includeDecided === true, checkFirst(a.first, 50));
}

/** Mutation `decideIdentity(id, decision)`: needs the API token; stored and applied as the review command does. */
export async function decideIdentity(_: unknown, a: { id: string; decision: 'ACCEPTED' | 'REJECTED' }, ctx: ApiContext): Promise<SameAsCandidate> {
  requireWriteAccess(ctx);
  checkText(a.id, 'id', 100);
  try {
    return await decideCandidate(ctx.graph, ctx.config.stateDir, a.id, a.decision === 'ACCEPTED' ? 'accepted' : 'rejected');
  } catch (error) {
    throw error instanceof UnknownCandidate ? userError(ERROR_CODES.badInput, `id: ${error.message}`) : error;
  }
}

/** Resolvers of IdentityCandidate: its two nodes as stored (an accepted pair's first node is merged into the second). */
export const IdentityCandidate = {
  from: (c: SameAsCandidate, _: unknown, ctx: ApiContext) => ctx.loaders.storedNode.load(c.from.id),
  to: (c: SameAsCandidate, _: unknown, ctx: ApiContext) => ctx.loaders.storedNode.load(c.to.id),
  status: (c: SameAsCandidate) => c.status.toUpperCase(),
};
