import { GOVERNMENT_LABELS, NO_FOLLOW_UP } from '../../analysis/follow-up.js';
import { byPartyAtTheTime, givenConditions, listed, partyParam, project, visible } from './nodes.js';

/** Filters of the motions list; values travel as parameters only. */
export interface MotionQuery {
  status?: string[] | null;
  unanswered?: boolean | null;
  withinDays: number;
  asOf: string;
  dossier?: string | null;
  submittedFrom?: string | null;
  submittedTo?: string | null;
  person?: string | null;
  party?: string | null;
  companies?: string[] | null;
}

export type MotionOrder = 'SUBMITTED_DESC' | 'SUBMITTED_ASC';

/** Undated motions last in either direction (Cypher sorts null above every value). */
const ORDER: Record<MotionOrder, string> = { SUBMITTED_DESC: 'm.submittedAt IS NULL, m.submittedAt DESC, m.id', SUBMITTED_ASC: 'm.submittedAt IS NULL, m.submittedAt ASC, m.id' };

/**
 * The words of texts saying a motion was not followed up (analysis/follow-up.ts), as a whole-text
 * Cypher regex. Java's \s is ASCII unless (?U), where JavaScript's takes any Unicode space (the
 * no-break space of PDF and web text among them).
 */
export const NO_FOLLOW_UP_REGEX = `(?isU).*(?:${NO_FOLLOW_UP.source}).*`;

/** Date of a document, whatever its kind calls it. */
export const documentDate = (d: string): string => `coalesce(${d}.receivedAt, ${d}.sentAt, ${d}.date, ${d}.publishedAt, ${d}.submittedAt)`;

/** Condition: a government document follows up motion m within the period (binds nothing). */
const followedUp = `EXISTS {
  MATCH (d)-[r:FOLLOWS_UP|REFERS_TO]->(m) WHERE (${GOVERNMENT_LABELS.map((l) => `d:${l}`).join(' OR ')}) AND ${visible('d')}
    AND NOT (coalesce(r.citation, '') + ' ' + coalesce(r.context, '')) =~ $noFollowUp
    AND ${documentDate('d')} IS NOT NULL
    AND date(left(${documentDate('d')}, 10)) >= start AND date(left(${documentDate('d')}, 10)) <= due
    AND date(left(${documentDate('d')}, 10)) <= date($asOf) }`;

/** The MATCH … WHERE part selecting the motions of a filter (binds m). */
export function motionsMatch(f: MotionQuery): { cypher: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = { asOf: f.asOf, within: f.withinDays, noFollowUp: NO_FOLLOW_UP_REGEX };
  const lines: string[] = [];
  if (f.companies && f.companies.length > 0) {
    params.companies = f.companies;
    lines.push('MATCH (c:Company)<-[:MENTIONS]-(m:Motion) WHERE c.id IN $companies', 'WITH DISTINCT m');
  } else if (f.person) {
    params.person = f.person;
    lines.push('MATCH (:Person {id: $person})-[:SUBMITTED]->(m:Motion)', 'WITH DISTINCT m');
  } else {
    lines.push('MATCH (m:Motion)');
  }
  const where = [listed('m')];
  if (f.unanswered) where.push("m.status = 'adopted'");
  where.push(
    ...givenConditions(params, [
      ['status', f.status, 'm.status IN $status'],
      ['dossier', f.dossier, 'm.dossier = $dossier'],
      ['submittedFrom', f.submittedFrom, 'm.submittedAt >= $submittedFrom'],
      ['submittedTo', f.submittedTo, 'left(m.submittedAt, 10) <= $submittedTo'],
      // Only when the company filter drove the MATCH; otherwise the person did.
      ['person', f.companies && f.companies.length > 0 ? f.person : null, 'EXISTS { MATCH (m)<-[:SUBMITTED]-(:Person {id: $person}) }'],
      ['party', f.party ? partyParam(f.party) : null, byPartyAtTheTime('m', 'SUBMITTED')],
    ]),
  );
  lines.push(`WITH m WHERE ${where.join('\n  AND ')}`);
  if (f.unanswered) {
    lines.push(
      'WITH m, date(left(coalesce(m.decidedAt, m.submittedAt), 10)) AS start',
      'WITH m, start, start + duration({days: $within}) AS due',
      `WITH m WHERE start IS NOT NULL AND due < date($asOf) AND NOT ${followedUp}`,
    );
  }
  return { cypher: lines.join('\n'), params };
}

/** One page of motions, each with the given properties. Extra params: $skip, $limit. */
export function motionsPageCypher(match: string, order: MotionOrder, properties: readonly string[] | null = null): string {
  return `${match}\nWITH m ORDER BY ${ORDER[order]}\nSKIP $skip LIMIT $limit\nRETURN ${project('m', properties)} AS node`;
}

/** The number of motions of a filter. */
export function motionsCountCypher(match: string): string {
  return `${match}\nRETURN count(m) AS total`;
}

/** Documents referring to or following up motions, with dates. Params: $ids. */
export const motionReferencesCypher = `UNWIND $ids AS id
MATCH (m:Motion {id: id})<-[r:FOLLOWS_UP|REFERS_TO]-(d) WHERE ${visible('d')}
RETURN id, ${project('d')} AS node, type(r) AS via, properties(r) AS rel, ${documentDate('d')} AS date`;
