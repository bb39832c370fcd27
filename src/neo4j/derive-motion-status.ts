import { BINDING_OUTCOMES, NON_BINDING_STATUSES } from '../analysis/motion-status.js';
import { writeGraph, type Graph } from './driver.js';

/**
 * Links decisions that name their cases only by id (`caseIds`, from SyncFeed refs) to those
 * motions, then sets every motion's `status` and `decidedAt` from its latest binding decision:
 * the rule described in src/analysis/motion-status.ts. Re-running changes nothing.
 */
export const DERIVE_MOTION_STATUS_CYPHER = `CALL () {
  MATCH (d:Decision) WHERE d.caseIds IS NOT NULL
  UNWIND d.caseIds AS caseId
  MATCH (m:Motion {id: caseId})
  MERGE (d)-[r:DECIDES {key: ''}]->(m)
  ON CREATE SET r.derivedFrom = 'caseIds'
}
MATCH (m:Motion)
OPTIONAL MATCH (d:Decision)-[:DECIDES]->(m)
  WHERE d.outcome IN $binding AND NOT coalesce(d.status, '') IN $nonBinding AND coalesce(d.deleted, false) = false
WITH m, d ORDER BY coalesce(d.version, '') DESC, coalesce(d.order, -1) DESC
WITH m, head(collect(d)) AS latest
SET m.status = coalesce(latest.outcome, 'pending'),
    m.decidedAt = CASE WHEN latest.version IS NULL THEN null ELSE substring(latest.version, 0, 10) END
RETURN count(m) AS motions, count(latest) AS decided`;

/** Sets Motion.status (+ decidedAt) from the Decision nodes of each motion; returns how many motions it saw and decided. */
export async function deriveMotionStatus(graph: Graph): Promise<{ motions: number; decided: number }> {
  return writeGraph(graph, async (tx) => {
    const result = await tx.run(DERIVE_MOTION_STATUS_CYPHER, { binding: BINDING_OUTCOMES, nonBinding: NON_BINDING_STATUSES });
    const row = result.records[0];
    return { motions: Number(row?.get('motions') ?? 0), decided: Number(row?.get('decided') ?? 0) };
  });
}
