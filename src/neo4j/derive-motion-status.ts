import { BINDING_OUTCOMES, NON_BINDING_STATUSES } from '../analysis/motion-status.js';
import { writeGraph, type Graph } from './driver.js';

/**
 * Links decisions that name their cases only by id (`caseIds`, from SyncFeed refs) to those
 * motions, then sets every motion's `status` and `decidedAt` from its latest binding decision (by
 * version, then agenda order): the rule described in src/analysis/motion-status.ts; and
 * `decisionId`, the decision the API shows for the motion: that one, else its latest decision of any
 * kind. Re-running changes nothing.
 */
const DERIVE_MOTION_STATUS_CYPHER = `CALL () {
  MATCH (d:Decision) WHERE d.caseIds IS NOT NULL
  UNWIND d.caseIds AS caseId
  MATCH (m:Motion {id: caseId})
  MERGE (d)-[r:DECIDES {key: ''}]->(m)
  ON CREATE SET r.derivedFrom = 'caseIds'
}
MATCH (m:Motion)
OPTIONAL MATCH (d:Decision)-[:DECIDES]->(m) WHERE coalesce(d.deleted, false) = false
WITH m, d, d.outcome IN $binding AND NOT coalesce(d.status, '') IN $nonBinding AS binding
ORDER BY binding DESC, coalesce(d.version, '') DESC, coalesce(d.order, -1) DESC
WITH m, collect(d)[0] AS latest, collect(CASE WHEN binding THEN d END)[0] AS decided
SET m.status = coalesce(decided.outcome, 'pending'),
    m.decidedAt = CASE WHEN decided.version IS NULL THEN null ELSE substring(decided.version, 0, 10) END,
    m.decisionId = latest.id
RETURN count(m) AS motions, count(decided) AS decided`;

/** Sets Motion.status (+ decidedAt) from the Decision nodes of each motion; returns how many motions it saw and decided. */
export async function deriveMotionStatus(graph: Graph): Promise<{ motions: number; decided: number }> {
  return writeGraph(graph, async (tx) => {
    const result = await tx.run(DERIVE_MOTION_STATUS_CYPHER, { binding: BINDING_OUTCOMES, nonBinding: NON_BINDING_STATUSES });
    const row = result.records[0];
    return { motions: Number(row?.get('motions') ?? 0), decided: Number(row?.get('decided') ?? 0) };
  });
}
