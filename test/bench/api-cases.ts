/**
 * The query mix of bench:api: each case is a GraphQL query and hand-written Cypher, run through the
 * driver, that builds the same answer (the GraphQL response's `data`), so the bench can check the
 * two agree before it times them.
 */
import { addDays, assessAnswer, toDay } from '../../src/analysis/answer-status.js';
import { today } from '../../src/analysis/dutch-time.js';
import { readRows, type Graph } from '../../src/neo4j/driver.js';
import { NO_FOLLOW_UP_REGEX } from '../../src/neo4j/queries/motions.js';
import { SEARCH_INDEX } from '../../src/neo4j/schema.js';

export interface Case {
  name: string;
  graphql: { query: string; variables: Record<string, unknown> };
  /** The answer as GraphQL's `data`, from hand-written Cypher. */
  cypher: (graph: Graph) => Promise<unknown>;
  /** The part of an answer whose order the query defines; the rest is compared regardless of row order. */
  order: (data: any) => unknown;
}

/** The subject of the mix: the question with most relationships, and its id. */
export interface Centre {
  number: string;
  id: string;
}

const visible = (x: string) => `coalesce(${x}.deleted, false) = false`;

const QUESTION = `MATCH (q:Question {number: $n}) WHERE ${visible('q')}
RETURN q {.number, .subject, .submittedAt, .withdrawnAt, .closed} AS q,
  COLLECT {
    MATCH (q)<-[a:ASKED]-(p:Person) WHERE ${visible('p')}
    CALL (q, p, a) {
      OPTIONAL MATCH (p)-[m:MEMBER_OF]->(f:Party)
      WHERE ${visible('f')} AND (m.from IS NULL OR m.from <= q.submittedAt) AND (m.to IS NULL OR m.to >= left(q.submittedAt, 10))
      RETURN f ORDER BY
        CASE WHEN coalesce(a.partyName, a.party) IN [f.abbreviation, f.id, m.partyName] THEN 0 ELSE 1 END,
        CASE WHEN m.from IS NOT NULL OR m.to IS NOT NULL THEN 0 ELSE 1 END,
        CASE WHEN m.observedAt IS NULL THEN 99999 ELSE abs(duration.inDays(date(left(m.observedAt, 10)), date(left(q.submittedAt, 10))).days) END,
        m.from DESC
      LIMIT 1
    }
    RETURN {role: a.role, person: {name: p.name}, party: CASE WHEN f IS NULL THEN null ELSE {abbreviation: f.abbreviation} END} AS asker
    ORDER BY CASE a.role WHEN 'Indiener' THEN 0 ELSE 1 END, p.name
  } AS askedBy,
  COLLECT { MATCH (q)-[:ADDRESSED_TO]->(o:Office) WHERE ${visible('o')} RETURN {title: o.title} } AS addressedTo,
  COLLECT { MATCH (q)<-[:ANSWERS]-(a:Answer) WHERE ${visible('a')} RETURN a {.koopId, .receivedAt, .later} ORDER BY a.receivedAt } AS answers,
  COLLECT { MATCH (q)<-[:POSTPONES]-(p:Postponement) WHERE ${visible('p')} RETURN p {.sentAt} } AS postponements`;

interface QuestionRow {
  q: { number: string; subject: string | null; submittedAt: string; withdrawnAt: string | null; closed: boolean | null };
  askedBy: unknown[];
  addressedTo: unknown[];
  answers: { koopId: string; receivedAt: string; later: boolean | null }[];
  postponements: { sentAt: string }[];
}

const MOTIONS = `MATCH (m:Motion) WHERE ${visible('m')} AND coalesce(m.stub, false) = false AND m.status = 'adopted'
WITH m, date(left(coalesce(m.decidedAt, m.submittedAt), 10)) AS start
WITH m, start, start + duration({days: 365}) AS due
WHERE start IS NOT NULL AND due < date($asOf) AND NOT EXISTS {
  MATCH (d)-[r:FOLLOWS_UP|REFERS_TO]->(m) WHERE (d:Answer OR d:Postponement OR d:Document) AND ${visible('d')}
    AND NOT (coalesce(r.citation, '') + ' ' + coalesce(r.context, '')) =~ $noFollowUp
    AND date(left(coalesce(d.receivedAt, d.sentAt, d.date, d.publishedAt, d.submittedAt), 10)) >= start
    AND date(left(coalesce(d.receivedAt, d.sentAt, d.date, d.publishedAt, d.submittedAt), 10)) <= due
    AND date(left(coalesce(d.receivedAt, d.sentAt, d.date, d.publishedAt, d.submittedAt), 10)) <= date($asOf) }
RETURN m {.number, .title, .status, .decidedAt} AS motion ORDER BY m.submittedAt DESC, m.id LIMIT 20`;

const SEARCH = `CALL db.index.fulltext.queryNodes('${SEARCH_INDEX}', $q, {limit: 40}) YIELD node, score
WHERE ${visible('node')}
RETURN {score: score, node: {id: node.id}} AS hit ORDER BY score DESC LIMIT 20`;

/** The nodes within two hops, Source nodes aside, and every relationship between two of them. */
const NEIGHBORHOOD = `MATCH (n:Question {id: $id}) WHERE ${visible('n')}
OPTIONAL MATCH p = (n)-[*1..2]-(m) WHERE all(x IN nodes(p) WHERE NOT x:Source AND ${visible('x')})
WITH n, collect(DISTINCT m) AS found
WITH [n] + [m IN found WHERE m <> n] AS nodes
CALL (nodes) {
  UNWIND nodes AS x
  MATCH (x)-[r]->(y) WHERE y IN nodes
  RETURN collect(r) AS rels
}
RETURN size(nodes) > 100 OR size(rels) > 1000 AS truncated,
  [x IN nodes | {id: x.id, type: labels(x)[0], label: coalesce(x.name, x.title, x.subject, x.number, x.abbreviation, x.koopId, x.id)}] AS nodes,
  [r IN rels | {id: type(r) + ':' + startNode(r).id + '->' + endNode(r).id + CASE WHEN coalesce(r.key, '') = '' THEN '' ELSE ':' + r.key END,
    type: type(r), source: startNode(r).id, target: endNode(r).id}] AS edges`;

export function apiCases(centre: Centre): Case[] {
  return [
    {
      name: 'question',
      graphql: {
        query: `query($n: String!) { question(number: $n) { number subject submittedAt dueAt status daysLate askedBy { role person { name } party { abbreviation } } addressedTo { title } answers { koopId receivedAt } } }`,
        variables: { n: centre.number },
      },
      // Askers: the submitter first, then by name; answers by date.
      order: (d) => [d.question?.askedBy.map((a: { person: { name: string } }) => a.person.name), d.question?.answers.map((a: { koopId: string }) => a.koopId)],
      cypher: async (g) => {
        const [row] = await readRows<QuestionRow>(g, QUESTION, { n: centre.number });
        if (!row) return { question: null };
        const { q } = row;
        const status = assessAnswer(
          { submittedAt: q.submittedAt, answers: row.answers.map((a) => ({ receivedAt: a.receivedAt, later: a.later === true })), postponements: row.postponements, withdrawnAt: q.withdrawnAt, closed: q.closed === true },
          today(),
        );
        const day = toDay(q.submittedAt);
        return {
          question: {
            number: q.number,
            subject: q.subject,
            submittedAt: q.submittedAt,
            dueAt: day ? addDays(day, 21) : null,
            status: status.status,
            daysLate: status.daysLate,
            askedBy: row.askedBy,
            addressedTo: row.addressedTo,
            answers: row.answers.map((a) => ({ koopId: a.koopId, receivedAt: a.receivedAt })),
          },
        };
      },
    },
    {
      name: 'motions(unanswered)',
      graphql: { query: '{ motions(filter: { unanswered: true }, first: 20) { nodes { number title status decidedAt } } }', variables: {} },
      order: (d) => d.motions.nodes.map((m: { number: string }) => m.number),
      cypher: async (g) => ({ motions: { nodes: (await readRows<{ motion: unknown }>(g, MOTIONS, { asOf: today(), noFollowUp: NO_FOLLOW_UP_REGEX })).map((r) => r.motion) } }),
    },
    {
      name: 'search',
      graphql: { query: '{ search(text: "camera", first: 20) { score node { id } } }', variables: {} },
      // By score; hits of equal score may come in either order.
      order: (d) => d.search.map((h: { score: number }) => h.score),
      cypher: async (g) => ({ search: (await readRows<{ hit: unknown }>(g, SEARCH, { q: '(camera^3 OR camera* OR camera~1)' })).map((r) => r.hit) }),
    },
    {
      name: 'neighborhood(depth 2)',
      graphql: {
        query: 'query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 100) { truncated nodes { id type label } edges { id type source target } } }',
        variables: { id: centre.id },
      },
      // A subgraph: sets of nodes and edges, no order.
      order: () => null,
      cypher: async (g) => ({ neighborhood: (await readRows<{ truncated: boolean; nodes: unknown[]; edges: unknown[] }>(g, NEIGHBORHOOD, { id: centre.id }))[0] ?? null }),
    },
  ];
}

/** A value with every list sorted by its members' JSON: the answer's content whatever order its rows came in (see Case.order). */
export function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]));
  return value;
}
