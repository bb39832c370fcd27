import { beforeAll, describe, expect, it, vi } from 'vitest';
import { FragmentBuilder, ref } from '../../src/model/fragment.js';
import { EDGE_TYPES } from '../../src/model/kinds.js';
import { readRows, writeGraph } from '../../src/neo4j/driver.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { applyAcceptedIdentities, flattenMergesCypher, repointEdges } from '../../src/review/candidates.js';
import { candidateId as idOf, loadReviews, saveReview } from '../../src/review/decisions.js';
import { createTestApi } from '../support/api-client.js';
import { useGraph } from '../support/graph.js';
import { tempDir } from '../support/temp-dir.js';

const { graph } = useGraph();

/** A question and a stand-in holding its KOOP id (a keyed SAME_AS), the stand-in with the answer. */
const SETUP = `
CREATE (q:Question {id: 'idt-q', number: '2023Z90002', subject: 'Reviewed', submittedAt: '2023-02-01'})
CREATE (s:Question {id: 'idt-q-koop', koopId: 'kv-tk-2023Z90002', provisional: true})
CREATE (s)-[:SAME_AS {key: 'koopId'}]->(q)
CREATE (:Answer {id: 'idt-a', koopId: 'ah-tk-20222023-90002', receivedAt: '2023-02-10'})-[:ANSWERS]->(s)`;

const CANDIDATES = `{ identityCandidates { id status from { id } to { id ... on Question { number } } } }`;
const DECIDE = `mutation($id: ID!, $decision: ReviewDecision!) { decideIdentity(id: $id, decision: $decision) { id status from { id } to { id } } }`;
const ANSWERS = `{ question(number: "2023Z90002") { answers { koopId } } }`;
const TOKEN = 'idt-token-7f3a';

let candidateId: string;
let acceptedIn: string;

beforeAll(async () => {
  await writeGraph(graph(), (tx) => tx.run(SETUP));
});

describe('identity review through the API', () => {
  it('lists the open candidates with their nodes to anyone', async () => {
    const api = createTestApi(graph());
    const res = await api.query(CANDIDATES);
    expect(res.errors).toBeUndefined();
    const pair = res.data!.identityCandidates.find((c: { from: { id: string } }) => c.from.id === 'idt-q-koop');
    expect(pair).toMatchObject({ status: 'CANDIDATE', to: { id: 'idt-q', number: '2023Z90002' } });
    candidateId = pair.id;
  });

  it('refuses every mutation when no API token is configured, and changes nothing', async () => {
    const api = createTestApi(graph(), { apiToken: '', stateDir: tempDir('idt') });
    const res = await api.query(DECIDE, { id: candidateId, decision: 'ACCEPTED' }, { authorization: `Bearer ${TOKEN}` });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.data?.decideIdentity ?? null).toBeNull();
    expect((await api.query(ANSWERS)).data!.question.answers).toEqual([]);
  });

  it('refuses a mutation without the token or with a wrong one', async () => {
    const api = createTestApi(graph(), { apiToken: TOKEN, stateDir: tempDir('idt') });
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong-token' }, { authorization: TOKEN }];
    for (const headers of attempts) {
      const res = await api.query(DECIDE, { id: candidateId, decision: 'ACCEPTED' }, headers);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    // The pair is still there, still undecided.
    expect(await readRows(graph(), `MATCH (:Question {id: 'idt-q-koop'})-[s:SAME_AS]->(:Question {id: 'idt-q'}) RETURN s.status AS status`)).toEqual([{ status: null }]);
  });

  it('names an unknown candidate id as bad input', async () => {
    const api = createTestApi(graph(), { apiToken: TOKEN, stateDir: tempDir('idt') });
    const res = await api.query(DECIDE, { id: 'no-such-id', decision: 'REJECTED' }, { authorization: `Bearer ${TOKEN}` });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('no-such-id');
  });

  it('with the token, accepts the pair: the decision is stored and the stand-in hands its answer to the question', async () => {
    const stateDir = (acceptedIn = tempDir('idt'));
    const api = createTestApi(graph(), { apiToken: TOKEN, stateDir });
    const res = await api.query(DECIDE, { id: candidateId, decision: 'ACCEPTED' }, { authorization: `Bearer ${TOKEN}` });
    expect(res.errors).toBeUndefined();
    expect(res.data!.decideIdentity).toEqual({ id: candidateId, status: 'ACCEPTED', from: { id: 'idt-q-koop' }, to: { id: 'idt-q' } });
    expect((await api.query(ANSWERS)).data!.question.answers).toEqual([{ koopId: 'ah-tk-20222023-90002' }]);
    expect((await loadReviews(stateDir)).map((d) => [d.id, d.decision])).toEqual([[candidateId, 'accepted']]);
    const open = (await api.query(CANDIDATES)).data!.identityCandidates.map((c: { id: string }) => c.id);
    expect(open).not.toContain(candidateId);
  });

  it('reports a decision as made when the time limit runs out while it is written: a mutation is not held to the limit of queries', async () => {
    const [from, to] = ['idt-slow-koop', 'idt-slow-q'];
    await writeGraph(graph(), (tx) => tx.run(`CREATE (:Question {id: $from, koopId: 'kv-tk-2023Z90004', provisional: true})-[:SAME_AS {key: 'koopId'}]->(:Question {id: $to, number: '2023Z90004'})`, { from, to }));
    const id = idOf({ label: 'Question', id: from }, { label: 'Question', id: to });
    const stateDir = tempDir('idt-slow');
    const api = createTestApi(graph(), { apiToken: TOKEN, stateDir, queryTimeoutMs: 1 });
    // The clock moves 5 ms at each reading, so the limit of 1 ms has run out by the first read, however fast Neo4j answers.
    let now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => (now += 5));
    try {
      const res = await api.query(`mutation($id: ID!) { decideIdentity(id: $id, decision: ACCEPTED) { id status } }`, { id }, { authorization: `Bearer ${TOKEN}` });
      expect(res.errors).toBeUndefined();
      expect(res.data!.decideIdentity).toEqual({ id, status: 'ACCEPTED' });
      // Queries stay bound by the limit.
      expect((await api.query(CANDIDATES)).errors?.[0]?.extensions?.code).toBe('QUERY_TIMEOUT');
    } finally {
      clock.mockRestore();
    }
    expect((await loadReviews(stateDir)).map((d) => [d.id, d.decision])).toEqual([[id, 'accepted']]);
    expect(await readRows(graph(), `MATCH (:Question {id: $from})-[s:SAME_AS]->(:Question {id: $to}) RETURN s.status AS status`, { from, to })).toEqual([{ status: 'accepted' }]);
  });

  it('applies the accepted pair again when a later ingest writes to the stand-in, without doubling the edge', async () => {
    // The answer's publication read again: it names its question by the stand-in's id, as it did the first time.
    const b = new FragmentBuilder();
    b.node('Answer', 'idt-a', { koopId: 'ah-tk-20222023-90002', receivedAt: '2023-02-10' });
    b.edge('ANSWERS', ref('Answer', 'idt-a'), ref('Question', 'idt-q-koop'));
    await new GraphWriter(graph(), { batchSize: 100 }).write([{ source: { id: 'idt-src-2', url: 'https://example.test/ah-tk-20222023-90002.xml', fetchedAt: '2024-02-01T00:00:00Z', parser: 'test-fixture', parserVersion: '1' }, ...b.build() }]);
    const count = `MATCH (:Answer {id: 'idt-a'})-[:ANSWERS]->(q:Question) RETURN q.id AS id ORDER BY id`;
    expect(await readRows(graph(), count)).toEqual([{ id: 'idt-q' }, { id: 'idt-q-koop' }]);
    expect(await applyAcceptedIdentities(graph(), acceptedIn)).toBe(1);
    expect(await readRows(graph(), count)).toEqual([{ id: 'idt-q' }]);
    // Nothing left on the stand-in: the next ingest moves nothing.
    expect(await applyAcceptedIdentities(graph(), acceptedIn)).toBe(0);
  });

  it("joins a stand-in known by number to the question stored first without it, once the question's own record gives the number", async () => {
    // As ingest writes it: a stand-in known by number with the answer, the question by id, then the question's own number.
    const source = (n: number) => ({
      id: `idt-join-src-${n}`,
      url: `https://example.test/idt-join-${n}.xml`,
      fetchedAt: '2024-02-01T00:00:00Z',
      parser: 'test-fixture',
      parserVersion: '1',
    });
    const [standIn, question, withNumber] = [new FragmentBuilder(), new FragmentBuilder(), new FragmentBuilder()];
    standIn.edge(
      'ANSWERS',
      standIn.node('Answer', 'idt-join-a', { koopId: 'ah-tk-20222023-90005', receivedAt: '2023-02-20' }),
      standIn.node('Question', 'idt-join-standin', { number: '2023Z90005' }, { provisional: true }),
    );
    question.node('Question', 'idt-join-q', { subject: 'Claimed by number', submittedAt: '2023-02-01' });
    withNumber.node('Question', 'idt-join-q', { number: '2023Z90005' });
    const writer = new GraphWriter(graph(), { batchSize: 100 });
    for (const [i, f] of [standIn, question, withNumber].entries()) await writer.write([{ source: source(i), ...f.build() }]);
    expect(
      await readRows(
        graph(),
        `MATCH (q:Question) WHERE q.id STARTS WITH 'idt-join' RETURN q.id AS id, q.provisional AS provisional, COUNT { (q)-[:SAME_AS]-() } AS pairs`,
      ),
    ).toEqual([{ id: 'idt-join-q', provisional: null, pairs: 0 }]);
    const api = createTestApi(graph());
    const byNumber = await api.query(`{ question(number: "2023Z90005") { id subject answers { koopId } } }`);
    expect(byNumber.data).toEqual({
      question: { id: 'idt-join-q', subject: 'Claimed by number', answers: [{ koopId: 'ah-tk-20222023-90005' }] },
    });
  });

  it('merges an accepted stand-in into the canonical question, its SAME_AS pointing from the stand-in; the number leads there even once the stand-in is withdrawn', async () => {
    // A pair as the writer left it before it joined such a stand-in itself: the stand-in holds the number, the question does not.
    await writeGraph(graph(), (tx) =>
      tx.run(`CREATE (s:Question {id: 'idt-dir-standin', number: '2023Z90003', provisional: true})-[:SAME_AS {key: 'number', reason: 'both hold number 2023Z90003', score: 1}]->(:Question {id: 'idt-dir-q', subject: 'Claimed by number', submittedAt: '2023-02-01'})
              CREATE (:Answer {id: 'idt-dir-a', koopId: 'ah-tk-20222023-90003', receivedAt: '2023-02-20'})-[:ANSWERS]->(s)`),
    );
    const writer = new GraphWriter(graph(), { batchSize: 100 });
    const source = (n: number) => ({ id: `idt-dir-src-${n}`, url: `https://example.test/idt-dir-${n}.xml`, fetchedAt: '2024-02-01T00:00:00Z', parser: 'test-fixture', parserVersion: '1' });
    const api = createTestApi(graph(), { apiToken: TOKEN, stateDir: tempDir('idt-dir') });
    const pair = (await api.query(CANDIDATES)).data!.identityCandidates.find((c: { from: { id: string } | null; to: { id: string } | null }) => [c.from?.id, c.to?.id].includes('idt-dir-q'));
    expect(pair).toMatchObject({ from: { id: 'idt-dir-standin' }, to: { id: 'idt-dir-q' } });
    const res = await api.query(DECIDE, { id: pair.id, decision: 'ACCEPTED' }, { authorization: `Bearer ${TOKEN}` });
    expect(res.errors).toBeUndefined();
    expect(res.data!.decideIdentity).toMatchObject({ status: 'ACCEPTED', from: { id: 'idt-dir-standin' }, to: { id: 'idt-dir-q' } });
    const byNumber = await api.query(`{ question(number: "2023Z90003") { id subject answers { koopId } } byId: question(number: "idt-dir-q") { id } }`);
    expect(byNumber.data).toEqual({ question: { id: 'idt-dir-q', subject: 'Claimed by number', answers: [{ koopId: 'ah-tk-20222023-90003' }] }, byId: { id: 'idt-dir-q' } });
    expect(await readRows(graph(), `MATCH (q:Question) WHERE q.id STARTS WITH 'idt-dir' RETURN q.id AS id, q.mergedInto AS into ORDER BY id`)).toEqual([
      { id: 'idt-dir-q', into: null },
      { id: 'idt-dir-standin', into: 'idt-dir-q' },
    ]);
    // The stand-in's own record withdrawn upstream: its number still leads to the question it was merged into.
    await writer.write([{ source: source(3), nodes: [], edges: [], tombstones: [{ label: 'Question', id: 'idt-dir-standin' }] }]);
    expect((await api.query(`{ question(number: "2023Z90003") { id } }`)).data).toEqual({ question: { id: 'idt-dir-q' } });
  });

  it('carries a chain of accepted pairs through to its end (A to B and B to C), whichever pair was decided first', async () => {
    const q = (id: string) => ({ label: 'Question', id });
    for (const order of ['ab-first', 'bc-first'] as const) {
      const [a, b, c] = ['a', 'b', 'c'].map((x) => `idt-chain-${order}-${x}`) as [string, string, string];
      await writeGraph(graph(), (tx) =>
        tx.run(`CREATE (a:Question {id: $a}), (:Question {id: $b}), (:Question {id: $c}), (:Answer {id: $answer, receivedAt: '2023-03-01'})-[:ANSWERS]->(a)`, {
          a,
          b,
          c,
          answer: `${a}-answer`,
        }),
      );
      const stateDir = tempDir('idt-chain');
      const pairs = order === 'ab-first' ? [[a, b], [b, c]] : [[b, c], [a, b]];
      for (const [from, to] of pairs as [string, string][])
        await saveReview(stateDir, { id: idOf(q(from), q(to)), from: q(from), to: q(to), decision: 'accepted', decidedAt: '2024-03-01T00:00:00Z' });
      expect(await applyAcceptedIdentities(graph(), stateDir), order).toBe(1);
      expect(await readRows(graph(), `MATCH (:Answer {id: $answer})-[:ANSWERS]->(q:Question) RETURN q.id AS id`, { answer: `${a}-answer` }), order).toEqual([{ id: c }]);
    }
  });

  it('finds the last node of a chain of merges by the id of any node merged on the way, and lists and counts only that node', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((x) => `idt-merge-${x}`) as [string, string, string];
    const companies = async () => ((await createTestApi(graph()).query('{ stats { nodes { name count } } }')).data!.stats.nodes as { name: string; count: number }[]).find((n) => n.name === 'Company')?.count ?? 0;
    const before = await companies();
    await writeGraph(graph(), (tx) => tx.run(`CREATE (:Company {id: $a, name: 'Mergewerk A'}), (:Company {id: $b, name: 'Mergewerk B'}), (:Company {id: $c, name: 'Mergewerk C'})`, { a, b, c }));
    await repointEdges(graph(), 'Company', a, b);
    await repointEdges(graph(), 'Company', b, c);
    const api = createTestApi(graph());
    const res = await api.query(`{ a: company(id: "${a}") { id } b: node(id: "${b}") { id } c: company(id: "${c}") { id } search(text: "Mergewerk", first: 10) { node { id } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: { id: c }, b: { id: c }, c: { id: c }, search: [{ node: { id: c } }] });
    expect(await companies()).toBe(before + 1);
    // Decided the other way later, the pair turns round: the latest decision wins.
    await repointEdges(graph(), 'Company', c, b);
    expect((await api.query(`{ a: company(id: "${a}") { id } c: node(id: "${c}") { id } }`)).data).toEqual({ a: { id: b }, c: { id: b } });
  });

  it('finds what was merged into a node by index, not by reading every node of its label', async () => {
    const operators: string[] = [];
    const walk = (plan: { operatorType: string; children?: unknown[] }): void => {
      operators.push(plan.operatorType.replace(/@.*/, ''));
      for (const child of plan.children ?? []) walk(child as typeof plan);
    };
    await writeGraph(graph(), async (tx) => walk((await tx.run(`EXPLAIN ${flattenMergesCypher('Person')}`, { from: 'a', to: 'b' })).summary.plan as never));
    expect(operators).toContain('NodeIndexSeek');
    expect(operators.filter((o) => /Scan/.test(o))).toEqual([]);
  });

  it('takes no candidate pair for a relationship: two persons tied by SAME_AS alone have no path, one tied by a motion too has that path', async () => {
    await writeGraph(graph(), (tx) =>
      tx.run(`CREATE (h:Person {id: 'idt-hans', name: 'Hans Teunissen'})-[:SAME_AS {reason: 'name 0.70', score: 0.7}]->(n:Person {id: 'idt-name-teunissen', name: 'Teunissen'})
        CREATE (c:Person {id: 'idt-christine', name: 'Christine Teunissen'})-[:SAME_AS {reason: 'name 0.70', score: 0.7}]->(n)
        CREATE (c)-[:SUBMITTED {role: 'Indiener'}]->(:Motion {id: 'idt-motion', number: '36000-1', title: 'Motie'})<-[:SUBMITTED {role: 'Medeindiener'}]-(n)`),
    );
    const api = createTestApi(graph());
    const paths = async (from: string, to: string) => {
      const r = await api.query('query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 4, first: 10) { paths { hops { type } } } }', { from, to });
      expect(r.errors).toBeUndefined();
      return (r.data!.paths.paths as { hops: { type: string }[] }[]).map((p) => p.hops.map((h) => h.type).join(' '));
    };
    expect(await paths('idt-hans', 'idt-christine')).toEqual([]);
    expect(await paths('idt-name-teunissen', 'idt-christine')).toEqual(['SUBMITTED SUBMITTED']);
  });

  it('counts every edge type, those with no edge as 0', async () => {
    const r = await createTestApi(graph()).query('{ stats { edges { name count } } }');
    expect(r.errors).toBeUndefined();
    const edges = r.data!.stats.edges as { name: string; count: number }[];
    expect(edges.map((e) => e.name).sort()).toEqual([...EDGE_TYPES].sort());
    expect(edges.find((e) => e.name === 'DECIDES')).toEqual({ name: 'DECIDES', count: 0 });
  });

  it('takes no mutation over GET', async () => {
    const api = createTestApi(graph(), { apiToken: TOKEN, stateDir: tempDir('idt') });
    const res = await api.get(`/graphql?query=${encodeURIComponent(`mutation { decideIdentity(id: "${candidateId}", decision: REJECTED) { id } }`)}`, {
      authorization: `Bearer ${TOKEN}`,
      accept: 'application/json',
    });
    expect(res.status, await res.clone().text()).toBe(405);
  });
});
