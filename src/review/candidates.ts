import type { NodeLabel } from '../model/kinds.js';
import { modelLabel, moveEdges } from '../neo4j/move-edges.js';
import { neo4j, readerOf, readRows, writeGraph, type Graph, type ReadRows } from '../neo4j/driver.js';
import { candidateId, loadReviews, saveReview, type ReviewDecision } from './decisions.js';

/** One SAME_AS edge awaiting (or past) review. */
export interface SameAsCandidate {
  id: string;
  from: { label: string; id: string; name: string | null };
  to: { label: string; id: string; name: string | null };
  score: number | null;
  status: string;
  reason: string | null;
}

/**
 * Every SAME_AS edge with its review id (the first `limit` when given); only open ones unless `all`.
 * Of a stand-in and a canonical node, the stand-in comes first (the GraphWriter points the edge
 * from it), so accepting the pair moves the stand-in into the canonical node.
 */
export async function listCandidates(read: ReadRows, all = false, limit?: number): Promise<SameAsCandidate[]> {
  const rows = await read<{ fl: string; fi: string; fn: string | null; tl: string; ti: string; tn: string | null; score: number | null; status: string; reason: string | null }>(
    `MATCH (a)-[s:SAME_AS]->(b) WITH a, b, s, coalesce(s.status, 'candidate') AS status WHERE $all OR status = 'candidate'
     RETURN labels(a)[0] AS fl, a.id AS fi, coalesce(a.name, a.title, a.number) AS fn, labels(b)[0] AS tl, b.id AS ti,
       coalesce(b.name, b.title, b.number) AS tn, s.score AS score, status, s.reason AS reason
     ORDER BY fi, score DESC, ti${limit === undefined ? '' : ' LIMIT $limit'}`,
    { all, limit: neo4j.int(limit ?? 0) },
  );
  return rows.map((r) => ({
    id: candidateId({ label: r.fl, id: r.fi }, { label: r.tl, id: r.ti }),
    from: { label: r.fl, id: r.fi, name: r.fn },
    to: { label: r.tl, id: r.ti, name: r.tn },
    score: r.score,
    status: r.status,
    reason: r.reason,
  }));
}

/** Marks node $from, and every node merged into it, `mergedInto` node $to: two index seeks (id and mergedInto), no scan of the label. */
export const flattenMergesCypher = (label: NodeLabel): string =>
  `MATCH (n:${modelLabel(label)}) WHERE (n.id = $from OR n.mergedInto = $from) AND n.id <> $to SET n.mergedInto = $to`;

/**
 * Moves every edge of node `fromId` to node `toId` of the same label (moveEdges: an edge already
 * there is joined, not doubled) and marks the first (and whatever was merged into it)
 * `mergedInto` the second.
 */
export async function repointEdges(graph: Graph, label: NodeLabel, fromId: string, toId: string): Promise<void> {
  const l = modelLabel(label);
  await writeGraph(graph, async (tx) => {
    await moveEdges(tx, l, fromId, toId);
    // Kept flat: what was merged into the first node points at the second too, so one hop finds the
    // last node; the second, receiving, is merged into nothing (the latest decision wins).
    await tx.run(flattenMergesCypher(l), { from: fromId, to: toId });
    await tx.run(`MATCH (p:${l} {id: $to}) REMOVE p.mergedInto`, { to: toId });
  });
}

/** Of the given nodes of one label, the ids of those with an edge other than SAME_AS. */
async function withEdges(graph: Graph, label: NodeLabel, ids: string[]): Promise<Set<string>> {
  const rows = await readRows<{ id: string }>(
    graph,
    `UNWIND $ids AS id MATCH (n:${modelLabel(label)} {id: id}) WHERE EXISTS { (n)-[r]-() WHERE type(r) <> 'SAME_AS' } RETURN n.id AS id`,
    { ids },
  );
  return new Set(rows.map((r) => r.id));
}

/** The accepted pairs between nodes of one label as moves, `Label:first id` to the second id. */
const acceptedMoves = (decisions: readonly ReviewDecision[]): Map<string, string> =>
  new Map(decisions.filter((d) => d.decision === 'accepted' && d.from.label === d.to.label).map((d) => [`${d.from.label}:${d.from.id}`, d.to.id]));

/** Where a node's edges belong: along accepted pairs (A to B, B to C) to the last node, whatever order they were decided in; a cycle stops where it closes. */
function lastOf(moves: ReadonlyMap<string, string>, label: string, id: string): string {
  const seen = new Set([id]);
  let at = id;
  for (let next = moves.get(`${label}:${at}`); next !== undefined && !seen.has(next); next = moves.get(`${label}:${at}`)) {
    seen.add(next);
    at = next;
  }
  return at;
}

/**
 * Applies the accepted identities between two nodes of one label (other than name-only persons,
 * which name resolution handles) again, so edges a re-ingest wrote to the first node move to the
 * last node of its chain; one read per label finds the nodes that have any. Returns how many nodes
 * had edges moved.
 */
export async function applyAcceptedIdentities(graph: Graph, stateDir: string): Promise<number> {
  const decisions = await loadReviews(stateDir);
  const moves = acceptedMoves(decisions);
  const firsts = decisions.filter((d) => d.decision === 'accepted' && d.from.label === d.to.label && !d.from.id.startsWith('name:'));
  let moved = 0;
  for (const label of new Set(firsts.map((d) => modelLabel(d.from.label)))) {
    const ids = [...new Set(firsts.filter((d) => d.from.label === label).map((d) => d.from.id))];
    const pending = await withEdges(graph, label, ids);
    for (const id of ids.filter((i) => pending.has(i))) {
      await repointEdges(graph, label, id, lastOf(moves, label, id));
      moved++;
    }
  }
  return moved;
}

/** There is no SAME_AS candidate with the id a reviewer gave. */
export class UnknownCandidate extends Error {
  constructor(id: string) {
    super(`no SAME_AS candidate with id ${JSON.stringify(id)} (see \`graafwerk review list\`)`);
    this.name = 'UnknownCandidate';
  }
}

/**
 * Records a review decision as data (reviews.json in the state folder) and applies it to the graph:
 * the SAME_AS gets the decision as its status; on acceptance the first node hands its edges to the
 * second, or on to the last node of a chain of accepted pairs, when both have the same label (a
 * name-only Person to the Person, a stand-in to its twin).
 */
export async function decideCandidate(graph: Graph, stateDir: string, id: string, decision: ReviewDecision['decision'], now = new Date()): Promise<SameAsCandidate> {
  const candidate = (await listCandidates(readerOf(graph), true)).find((c) => c.id === id);
  if (!candidate) throw new UnknownCandidate(id);
  const decidedAt = now.toISOString();
  await saveReview(stateDir, { id, from: { label: candidate.from.label, id: candidate.from.id }, to: { label: candidate.to.label, id: candidate.to.id }, decision, decidedAt });
  await writeGraph(graph, (tx) =>
    tx.run(`MATCH (a:${modelLabel(candidate.from.label)} {id: $from})-[s:SAME_AS]->(b:${modelLabel(candidate.to.label)} {id: $to}) SET s.status = $decision, s.decidedAt = $decidedAt`, {
      from: candidate.from.id,
      to: candidate.to.id,
      decision,
      decidedAt,
    }),
  );
  if (decision === 'accepted' && candidate.from.label === candidate.to.label) {
    const moves = acceptedMoves(await loadReviews(stateDir));
    await repointEdges(graph, modelLabel(candidate.from.label), candidate.from.id, lastOf(moves, candidate.from.label, candidate.from.id));
  }
  return { ...candidate, status: decision };
}
