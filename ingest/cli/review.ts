import type { Config } from '../../src/config.js';
import { connectGraph, readerOf } from '../../src/neo4j/driver.js';
import { decideCandidate, listCandidates, type SameAsCandidate } from '../../src/review/candidates.js';
import { parseCommand, UsageError } from './args.js';

const USAGE = `usage:
  graafwerk review list            open SAME_AS candidates (who might be whom), with their ids
  graafwerk review accept <id>     the two are one: stored in reviews.json and applied to the graph
  graafwerk review reject <id>     the two are different: stored and applied the same way
`;

const describe = (c: SameAsCandidate): string =>
  `${c.id}  ${c.from.label} ${c.from.id} (${c.from.name ?? '?'})  →  ${c.to.label} ${c.to.id} (${c.to.name ?? '?'})` +
  `  score ${c.score ?? '-'}  ${c.status}${c.reason ? `  [${c.reason}]` : ''}`;

/** `graafwerk review list|accept <id>|reject <id>`: reviews candidate identities. */
export async function reviewCommand(configOf: () => Config, args: string[]): Promise<number> {
  // review takes no options but -h, so the first argument is the action whenever parsing gets through.
  const [action, id] = parseCommand(args, USAGE, {}, args[0] === 'list' ? 1 : 2).positionals;
  if (action !== 'list' && action !== 'accept' && action !== 'reject')
    throw new UsageError(action === undefined ? 'say list, accept or reject' : `unknown action ${JSON.stringify(action)}: use list, accept or reject`, USAGE);
  if (action !== 'list' && !id) throw new UsageError(`review ${action} needs the id of a candidate (review list shows them)`, USAGE);
  const config = configOf();
  const graph = await connectGraph(config);
  try {
    if (action === 'list') {
      const open = await listCandidates(readerOf(graph));
      for (const c of open) process.stdout.write(`${describe(c)}\n`);
      process.stdout.write(`${open.length} open candidate(s)\n`);
      return 0;
    }
    const decided = await decideCandidate(graph, config.stateDir, id!, action === 'accept' ? 'accepted' : 'rejected');
    process.stdout.write(`${describe(decided)}\n`);
    return 0;
  } finally {
    await graph.driver.close();
  }
}
