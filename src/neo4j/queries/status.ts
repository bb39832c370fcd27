import { visible } from './nodes.js';

/** Whether answer `a` counts for its question's status: not deleted, not a later (nader) answer, with a date received. */
export const countedAnswer = (a: string): string => `${visible(a)} AND coalesce(${a}.later, false) = false AND ${a}.receivedAt IS NOT NULL`;

/**
 * The answer status of question `q` as of `$asOf`, in Cypher, for filtering and league tables;
 * mirrors assessAnswer in src/analysis/answer-status.ts (tested against it).
 * Binds: sub, due, answered, notice, status, daysLate.
 */
export const answerStatusCypher = (term: number): string => `
WITH q, date($asOf) AS asOf, CASE WHEN q.submittedAt IS NULL THEN null ELSE date(left(q.submittedAt, 10)) END AS sub
WITH q, asOf, sub, sub + duration({days: ${term}}) AS due,
  COLLECT { MATCH (a:Answer)-[:ANSWERS]->(q) WHERE ${countedAnswer('a')}
            RETURN date(left(a.receivedAt, 10)) AS d ORDER BY d LIMIT 1 }[0] AS firstAnswer
WITH q, asOf, sub, due, firstAnswer, CASE WHEN firstAnswer <= asOf THEN firstAnswer END AS answered
WITH q, asOf, sub, due, firstAnswer, answered,
  COLLECT { MATCH (p:Postponement)-[:POSTPONES]->(q) WHERE ${visible('p')} AND p.sentAt IS NOT NULL
            WITH date(left(p.sentAt, 10)) AS d WHERE d <= coalesce(answered, asOf) RETURN d ORDER BY d LIMIT 1 }[0] AS notice
WITH q, asOf, sub, due, firstAnswer, answered, notice,
  CASE
    WHEN sub IS NULL THEN null
    WHEN asOf < sub THEN 'NOT_YET_SUBMITTED'
    WHEN answered IS NULL AND q.withdrawnAt IS NOT NULL AND date(left(q.withdrawnAt, 10)) <= asOf THEN 'WITHDRAWN'
    WHEN answered IS NOT NULL AND answered <= due THEN 'ANSWERED_ON_TIME'
    WHEN answered IS NOT NULL THEN 'ANSWERED_LATE'
    WHEN asOf <= due THEN CASE WHEN notice IS NULL THEN 'OPEN_WITHIN_TERM' ELSE 'POSTPONED' END
    WHEN q.closed = true AND firstAnswer IS NULL THEN 'CLOSED_ANSWER_UNKNOWN'
    WHEN notice IS NULL THEN 'OVERDUE_WITHOUT_NOTICE'
    ELSE 'OVERDUE_WITH_NOTICE'
  END AS status
WITH q, answered, notice, status,
  CASE WHEN status IN ['ANSWERED_LATE', 'OVERDUE_WITH_NOTICE', 'OVERDUE_WITHOUT_NOTICE'] THEN duration.inDays(due, coalesce(answered, asOf)).days ELSE 0 END AS daysLate`;
