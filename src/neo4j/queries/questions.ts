import { ANSWER_TERM_DAYS } from '../../analysis/answer-status.js';
import { byPartyAtTheTime, givenConditions, listed, partyParam, project } from './nodes.js';
import { answerStatusCypher } from './status.js';

/** Filters of the questions list; values travel as parameters only. */
export interface QuestionQuery {
  submittedFrom?: string | null;
  submittedTo?: string | null;
  party?: string | null;
  person?: string | null;
  office?: string | null;
  companies?: string[] | null;
  status?: string[] | null;
  asOf: string;
  citesArticle?: string | null;
}

export type QuestionOrder = 'SUBMITTED_DESC' | 'SUBMITTED_ASC' | 'NUMBER';

const ORDER: Record<QuestionOrder, string> = {
  // Undated questions last in either direction (Cypher sorts null above every value).
  SUBMITTED_DESC: 'q.submittedAt IS NULL, q.submittedAt DESC, q.id',
  SUBMITTED_ASC: 'q.submittedAt IS NULL, q.submittedAt ASC, q.id',
  NUMBER: 'q.number, q.id',
};

/** The MATCH … WHERE part selecting the questions of a filter (binds q). */
export function questionsMatch(f: QuestionQuery): { cypher: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = { asOf: f.asOf };
  const lines: string[] = [];
  if (f.companies && f.companies.length > 0) {
    params.companies = f.companies;
    lines.push('MATCH (c:Company)<-[:MENTIONS]-(q:Question) WHERE c.id IN $companies', 'WITH DISTINCT q');
  } else if (f.person) {
    params.person = f.person;
    lines.push('MATCH (:Person {id: $person})-[:ASKED]->(q:Question)', 'WITH DISTINCT q');
  } else if (f.citesArticle) {
    params.article = f.citesArticle;
    lines.push('MATCH (:Article {id: $article})<-[:CITES]-(q:Question)', 'WITH DISTINCT q');
  } else {
    lines.push('MATCH (q:Question)');
  }
  // The filter that drove the MATCH above needs no second test.
  const drove = f.companies && f.companies.length > 0 ? 'companies' : f.person ? 'person' : f.citesArticle ? 'article' : null;
  const where = [
    listed('q'),
    ...givenConditions(params, [
      ['submittedFrom', f.submittedFrom, 'q.submittedAt >= $submittedFrom'],
      ['submittedTo', f.submittedTo, 'left(q.submittedAt, 10) <= $submittedTo'],
      ['person', drove === 'person' ? null : f.person, 'EXISTS { MATCH (q)<-[:ASKED]-(:Person {id: $person}) }'],
      ['party', f.party ? partyParam(f.party) : null, byPartyAtTheTime('q', 'ASKED')],
      ['office', f.office, 'EXISTS { MATCH (q)-[:ADDRESSED_TO]->(o:Office) WHERE o.id = $office OR toLower(o.title) CONTAINS toLower($office) }'],
      ['article', drove === 'article' ? null : f.citesArticle, 'EXISTS { MATCH (q)-[:CITES]->(:Article {id: $article}) }'],
    ]),
  ];
  lines.push(`WITH q WHERE ${where.join('\n  AND ')}`);
  if (f.status && f.status.length > 0) {
    params.status = f.status;
    lines.push(answerStatusCypher(ANSWER_TERM_DAYS), 'WITH q WHERE status IN $status');
  }
  return { cypher: lines.join('\n'), params };
}

/** One page of questions, each with the given properties. Extra params: $skip, $limit. */
export function questionsPageCypher(match: string, order: QuestionOrder, properties: readonly string[] | null = null): string {
  return `${match}\nWITH q ORDER BY ${ORDER[order]}\nSKIP $skip LIMIT $limit\nRETURN ${project('q', properties)} AS node`;
}

/** The number of questions of a filter, without loading them. */
export function questionsCountCypher(match: string): string {
  return `${match}\nRETURN count(q) AS total`;
}
