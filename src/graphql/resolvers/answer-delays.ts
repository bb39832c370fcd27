import { today } from '../../analysis/dutch-time.js';
import type { NodeObject } from '../../neo4j/queries/nodes.js';
import { answerDelaysCypher } from '../../neo4j/queries/tables.js';
import type { ApiContext } from '../context.js';
import { checkDate, checkFirst } from '../limits.js';

/** Root field `answerDelays(by, from, to, asOf, first)`: the league table of late answers. */
export function answerDelays(_: unknown, args: { by?: 'OFFICE' | 'PERSON'; from?: string; to?: string; asOf?: string; first?: number }, ctx: ApiContext) {
  const first = checkFirst(args.first);
  const params = { from: checkDate(args.from, 'from'), to: checkDate(args.to, 'to'), asOf: checkDate(args.asOf, 'asOf') ?? today(), first };
  return ctx.run<{ subject: NodeObject }>(answerDelaysCypher(args.by ?? 'OFFICE'), params);
}
