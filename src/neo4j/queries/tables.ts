import { ANSWER_TERM_DAYS } from '../../analysis/answer-status.js';
import { partyAtTheTime, project, visible } from './nodes.js';
import { answerStatusCypher, countedAnswer } from './status.js';

/**
 * Timelines and league tables. Those of one node take a batch of ids ($ids) and return rows with
 * an `id` column, so a list of nodes costs one query per table (DataLoader `rows`).
 */

/** One aggregation `body` per id (it may use `id`), rows in its own order. */
const perId = (body: string): string => `UNWIND $ids AS id
CALL (id) {
${body}
}
RETURN *`;

const perMonth = (match: string): string =>
  perId(`${match}
WITH DISTINCT q WHERE ${visible('q')} AND q.submittedAt IS NOT NULL
RETURN left(q.submittedAt, 7) AS month, count(q) AS count ORDER BY month`);

/** Questions per month asked by each person. Params: $ids. */
export const personTimelineCypher = perMonth('MATCH (:Person {id: id})-[:ASKED]->(q:Question)');

/** The questions (q) of askers (p) of party f at the time (partyAtTheTime), from the askers of `match`. */
const askedAsParty = (match: string): string => `${match}
WITH DISTINCT q, p, a
${partyAtTheTime('q', 'a')}
WITH q, f WHERE f IS NOT NULL`;

/** Questions per month asked by members of each party at the time. Params: $ids. */
export const partyTimelineCypher = perMonth(`${askedAsParty('MATCH (:Party {id: id})<-[:MEMBER_OF]-(p:Person)-[a:ASKED]->(q:Question)')}
WITH q WHERE f.id = id`);

/** Questions per month mentioning each company. Params: $ids. */
export const companyTimelineCypher = perMonth('MATCH (:Company {id: id})<-[:MENTIONS]-(q:Question)');

/** Questions about each company per party of the askers at the time. Params: $ids. */
export const questionsPerPartyCypher = perId(`${askedAsParty('MATCH (:Company {id: id})<-[:MENTIONS]-(q:Question)<-[a:ASKED]-(p:Person)')} AND ${visible('q')}
WITH f, count(DISTINCT q) AS count
RETURN ${project('f')} AS party, count ORDER BY count DESC, party.abbreviation`);

/**
 * The `first` companies most mentioned in the questions of each party's members at the time;
 * `first` is a validated integer spliced in, as a per-id LIMIT takes no parameter from outside. Params: $ids.
 */
export function companiesMentionedCypher(first: number): string {
  if (!Number.isInteger(first) || first < 1 || first > 100) throw new RangeError(`first out of range: ${first}`);
  return perId(`${askedAsParty('MATCH (:Party {id: id})<-[:MEMBER_OF]-(p:Person)-[a:ASKED]->(q:Question)')} AND f.id = id AND ${visible('q')}
MATCH (q)-[:MENTIONS]->(c:Company) WHERE ${visible('c')}
WITH c, count(DISTINCT q) AS count
RETURN ${project('c')} AS company, count ORDER BY count DESC, company.name LIMIT ${first}`);
}

/**
 * Answer delays per office addressed, or per person who signed a question's first answer (the one its
 * status counts: not a later answer, not deleted, received by $asOf), over the questions submitted
 * from $from to $to and by $asOf. Each question counts once per office or person; ties keep to the
 * subject's id. Params: $from, $to, $asOf, $first.
 */
export function answerDelaysCypher(by: 'OFFICE' | 'PERSON'): string {
  const group =
    by === 'OFFICE'
      ? `MATCH (q)-[:ADDRESSED_TO]->(s:Office) WHERE ${visible('s')}`
      : `MATCH (q)<-[:ANSWERS]-(a:Answer)-[:ANSWERED_BY]->(s:Person)
WHERE ${countedAnswer('a')} AND date(left(a.receivedAt, 10)) = answered AND ${visible('s')}`;
  return `MATCH (q:Question)
WHERE ${visible('q')} AND ($from IS NULL OR q.submittedAt >= $from) AND ($to IS NULL OR left(q.submittedAt, 10) <= $to)
${answerStatusCypher(ANSWER_TERM_DAYS)}
WITH q, answered, status, daysLate WHERE status IS NOT NULL AND status <> 'NOT_YET_SUBMITTED'
${group}
WITH DISTINCT s, q, status, daysLate
WITH s, count(q) AS questions,
  count(CASE WHEN status = 'ANSWERED_ON_TIME' THEN q END) AS onTime,
  count(CASE WHEN status = 'ANSWERED_LATE' THEN q END) AS late,
  count(CASE WHEN status IN ['OVERDUE_WITH_NOTICE', 'OVERDUE_WITHOUT_NOTICE'] THEN q END) AS overdue,
  coalesce(avg(CASE WHEN daysLate > 0 THEN daysLate END), 0.0) AS averageDaysLate
RETURN ${project('s')} AS subject, questions, onTime, late, overdue, averageDaysLate
ORDER BY averageDaysLate DESC, questions DESC, subject.id LIMIT $first`;
}
