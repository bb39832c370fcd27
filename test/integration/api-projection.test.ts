import { beforeAll, describe, expect, it } from 'vitest';
import { decideCandidate, listCandidates } from '../../src/review/candidates.js';
import { readerOf, writeGraph } from '../../src/neo4j/driver.js';
import { undeclaredFields } from '../../src/graphql/projection.js';
import { reads, resolvers } from '../../src/graphql/resolvers/index.js';
import { loadSchema } from '../../src/graphql/schema.js';
import { createTestApi } from '../support/api-client.js';
import { countingGraph } from '../support/api-count.js';
import { useGraph } from '../support/graph.js';
import { tempDir } from '../support/temp-dir.js';

const { graph } = useGraph();

/**
 * A canonical question with a stand-in that holds its KOOP id (a keyed SAME_AS, as the writer
 * records when two nodes claim one key) and a name-only candidate (no key: a guess).
 */
const SETUP = `
CREATE (q:Question {id: 'proj-q', number: '2023Z90001', subject: 'Projected', submittedAt: '2023-01-02', text: 'long text', subQuestionsJson: '[{"number":1,"text":"Why?"}]'})
CREATE (s:Question {id: 'proj-q-koop', koopId: 'kv-tk-2023Z90001', provisional: true})
CREATE (g:Question {id: 'proj-q-guess', provisional: true})
CREATE (s)-[:SAME_AS {key: 'koopId'}]->(q)
CREATE (g)-[:SAME_AS {score: 0.8}]->(q)
CREATE (a:Answer {id: 'proj-a', koopId: 'ah-tk-20222023-90001', receivedAt: '2023-01-20', answersJson: '[{"number":1,"text":"Because."}]'})-[:ANSWERS {sources: ['src-proj']}]->(s)
CREATE (:Person {id: 'proj-p', name: 'Asker Stand-in'})-[:ASKED {role: 'Indiener'}]->(s)
CREATE (:Person {id: 'proj-p-guess', name: 'Asker Guess'})-[:ASKED {role: 'Indiener'}]->(g)
CREATE (q)-[:ADDRESSED_TO]->(:Office {id: 'proj-o', title: 'minister P'})
CREATE (:Person {id: 'proj-pa', name: 'Zed Co'})-[:ASKED {role: 'Medeindiener'}]->(q)
CREATE (:Person {id: 'proj-pz', name: 'Anna Co'})-[:ASKED {role: 'Medeindiener'}]->(q)
CREATE (:Company {id: 'proj-blank', name: '', number: 7})
CREATE (sq:Question {id: 'proj-signed', number: '2023Z90003', submittedAt: '2023-02-01'})
CREATE (later:Answer {id: 'proj-later', receivedAt: '2023-03-01', later: true})-[:ANSWERS]->(sq)
CREATE (later)-[:ANSWERED_BY]->(:Person {id: 'proj-bo', name: 'Bo Minister'})
CREATE (first:Answer {id: 'proj-first', receivedAt: '2023-02-20'})-[:ANSWERS]->(sq)
CREATE (first)-[:ANSWERED_BY]->(:Person {id: 'proj-zed', name: 'Zed Minister'})
CREATE (first)-[:ANSWERED_BY]->(:Person {id: 'proj-anna', name: 'Anna Minister'})
CREATE (odd:Question {id: 'proj-odd', number: '2023Z90004', submittedAt: '2023-02-01', subQuestionsJson: '[{"number":1,"text":"Why?"}]'})
CREATE (:Answer {id: 'proj-odd-later', receivedAt: '2023-02-10', later: true, answersJson: '[{"number":1,"text":"Later."}]'})-[:ANSWERS]->(odd)
CREATE (:Answer {id: 'proj-odd-first', receivedAt: '2023-03-01', answersJson: '[{"number":1,"text":"First."}]'})-[:ANSWERS]->(odd)`;

beforeAll(async () => {
  await writeGraph(graph(), (tx) => tx.run(SETUP));
});

describe('projection, and stand-ins under review', () => {
  it('declares what every resolver of a node type reads, so no field falls back to every property', () => {
    expect(undeclaredFields(loadSchema(), resolvers, reads)).toEqual([]);
  });

  it('keeps a keyed stand-in apart until a review accepts it; then the stand-in hands over its edges', async () => {
    const api = createTestApi(graph());
    const read = `{ question(number: "2023Z90001") { id answers { koopId } askedBy { person { name } } subQuestions { number answer } addressedTo { title } } }`;
    const before = await api.query(read);
    expect(before.errors).toBeUndefined();
    expect(before.data!.question).toEqual({
      id: 'proj-q',
      answers: [],
      askedBy: [{ person: { name: 'Anna Co' } }, { person: { name: 'Zed Co' } }],
      subQuestions: [{ number: 1, answer: null }],
      addressedTo: [{ title: 'minister P' }],
    });
    const list = `{ questions(filter: { submittedFrom: "2023-01-01", submittedTo: "2023-01-31" }) { nodes { id answers { koopId } } } }`;
    expect((await api.query(list)).data!.questions.nodes).toEqual([{ id: 'proj-q', answers: [] }]);
    const listed = async () => (await api.query(`{ questions(first: 50) { nodes { id } } }`)).data!.questions.nodes.map((q: { id: string }) => q.id);
    expect(await listed()).toContain('proj-q-koop');

    const candidates = await listCandidates(readerOf(graph()));
    const keyed = candidates.find((c) => c.from.id === 'proj-q-koop' && c.to.id === 'proj-q');
    expect(keyed).toBeDefined();
    expect(candidates.some((c) => c.from.id === 'proj-q-guess')).toBe(true);
    await decideCandidate(graph(), tempDir('reviews'), keyed!.id, 'accepted');

    const after = await api.query(read);
    expect(after.data!.question).toEqual({
      id: 'proj-q',
      answers: [{ koopId: 'ah-tk-20222023-90001' }],
      askedBy: [{ person: { name: 'Asker Stand-in' } }, { person: { name: 'Anna Co' } }, { person: { name: 'Zed Co' } }],
      subQuestions: [{ number: 1, answer: 'Because.' }],
      addressedTo: [{ title: 'minister P' }],
    });
    expect((await api.query(list)).data!.questions.nodes).toEqual([{ id: 'proj-q', answers: [{ koopId: 'ah-tk-20222023-90001' }] }]);
    // The merged stand-in is listed no more, and its id finds the question; the guess, undecided, is still itself.
    const listedAfter = await listed();
    expect(listedAfter).not.toContain('proj-q-koop');
    expect(listedAfter).toContain('proj-q-guess');
    expect((await api.query(`{ node(id: "proj-q-koop") { id } }`)).data!.node).toEqual({ id: 'proj-q' });
    // The guess (no key) is untouched: its asker stays with it.
    const guess = await api.query(`{ neighborhood(id: "proj-q-guess", depth: 1) { nodes { id } } }`);
    expect(guess.data!.neighborhood.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['proj-p-guess', 'proj-q', 'proj-q-guess']);
  });

  it('reads only the selected properties, and every property when a field needs them all', async () => {
    const counted = countingGraph(graph());
    const api = createTestApi(counted.graph);
    const narrow = await api.query(`{ question(number: "2023Z90001") { number dueAt } }`);
    expect(narrow.data!.question).toEqual({ number: '2023Z90001', dueAt: '2023-01-23' });
    const [bundle] = counted.statements();
    expect(bundle).toContain('n {.id, .number, .submittedAt, __label: labels(n)[0]}');
    expect(bundle).not.toContain('.*');
    const ids = await api.query(`{ question(number: "2023Z90001") { askedBy { person { id } } } }`);
    expect(ids.data!.question.askedBy.map((a: { person: { id: string } }) => a.person.id)).toEqual(['proj-p', 'proj-pz', 'proj-pa']);

    counted.reset();
    const fragment = await api.query(`{ question(number: "2023Z90001") { ...Q } } fragment Q on Question { text }`);
    expect(fragment.data!.question).toEqual({ text: 'long text' });
    expect(counted.statements()[0]).toContain('.text');

    counted.reset();
    const all = await api.query(`{ neighborhood(id: "proj-o") { nodes { id properties } } }`);
    expect(all.errors).toBeUndefined();
    expect(counted.statements()[0]).toContain('properties: x {.*}');
    const question = all.data!.neighborhood.nodes.find((n: { id: string }) => n.id === 'proj-q');
    expect(question.properties).toMatchObject({ number: '2023Z90001', subject: 'Projected' });

    // Without `properties`, nodes come as id, type and display label only: the first non-empty text of name, title, subject, …, else the id.
    counted.reset();
    const labelled = await api.query(`{ a: neighborhood(id: "proj-o") { nodes { id type label } } b: neighborhood(id: "proj-blank") { nodes { id type label } } }`);
    expect(labelled.errors).toBeUndefined();
    expect(counted.statements().join('\n')).not.toContain('properties: x {.*}');
    expect(labelled.data!.a.nodes).toEqual(
      expect.arrayContaining([
        { id: 'proj-o', type: 'Office', label: 'minister P' },
        { id: 'proj-q', type: 'Question', label: 'Projected' },
      ]),
    );
    expect(labelled.data!.b.nodes).toEqual([{ id: 'proj-blank', type: 'Company', label: 'proj-blank' }]);

    counted.reset();
    const edgeIds = await api.query(`{ neighborhood(id: "proj-o") { edges { id type } } }`);
    expect(edgeIds.data!.neighborhood.edges).toEqual([{ id: 'ADDRESSED_TO:proj-q->proj-o', type: 'ADDRESSED_TO' }]);
    expect(counted.statements()[0]).toContain('{key: r.key}');
    const withProps = await api.query(`{ neighborhood(id: "proj-a", depth: 1) { edges { type properties } } }`);
    expect(withProps.data!.neighborhood.edges).toEqual([{ type: 'ANSWERS', properties: { sources: ['src-proj'] } }]);

    // Neighbour nodes come without their relationships' properties unless a field reads them (a mention's snippet does).
    counted.reset();
    const neighbours = await api.query(`{ questions(filter: { submittedFrom: "2023-01-01", submittedTo: "2023-01-31" }) { nodes { addressedTo { title } mentions { snippet } } } }`);
    expect(neighbours.errors).toBeUndefined();
    expect(neighbours.data!.questions.nodes[0].addressedTo).toEqual([{ title: 'minister P' }]);
    const statements = counted.statements();
    expect(statements.find((s) => s.includes(':ADDRESSED_TO]'))).not.toContain('properties(r)');
    // The loaders of neighbour nodes read what the document selects too, not every property.
    expect(statements.find((s) => s.includes(':ADDRESSED_TO]'))).toContain('{.id, .title, __label');
    expect(statements.filter((s) => s.includes('{.*'))).toEqual([]);
    expect(statements.find((s) => s.includes(':MENTIONS]'))).toContain('properties(r)');
  });

  it('lists who signed the answers in an order of their own: the first answer first, each answer by name', async () => {
    const data = (await createTestApi(graph()).query(`{ question(number: "2023Z90003") { answeredBy { name } } }`)).data!;
    expect(data.question.answeredBy.map((p: { name: string }) => p.name)).toEqual(['Anna Minister', 'Zed Minister', 'Bo Minister']);
  });

  it('gives each field its own order of the same answers: by date for answers, the first answer first for sub-questions', async () => {
    // A "nader" answer dated before the first one (as a correction filed under an earlier date would be).
    const data = (await createTestApi(graph()).query(`{ question(number: "2023Z90004") { answers { id } subQuestions { number answer } } }`)).data!;
    expect(data.question.answers.map((a: { id: string }) => a.id)).toEqual(['proj-odd-later', 'proj-odd-first']);
    expect(data.question.subQuestions).toEqual([{ number: 1, answer: 'First.' }]);
  });

  it('gives the same answer through an interface fragment as through the type', async () => {
    const api = createTestApi(graph());
    const direct = await api.query(`{ search(text: "Projected") { node { id ... on Question { number subject } } } }`);
    const viaNode = await api.query(`{ node(id: "proj-q") { id ... on Question { number subject } } }`);
    expect(direct.errors).toBeUndefined();
    expect(direct.data!.search[0].node).toEqual({ id: 'proj-q', number: '2023Z90001', subject: 'Projected' });
    expect(viaNode.data!.node).toEqual({ id: 'proj-q', number: '2023Z90001', subject: 'Projected' });
  });
});
