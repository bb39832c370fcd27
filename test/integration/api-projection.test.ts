import { beforeAll, describe, expect, it } from 'vitest';
import { writeGraph } from '../../src/neo4j/driver.js';
import { undeclaredFields } from '../../src/graphql/projection.js';
import { reads, resolvers } from '../../src/graphql/resolvers/index.js';
import { loadSchema } from '../../src/graphql/schema.js';
import { createTestApi } from '../support/api-client.js';
import { countingGraph } from '../support/api-count.js';
import { useGraph } from '../support/graph.js';

const { graph } = useGraph();

/**
 * A canonical question with a stand-in that holds the same unique key (a keyed SAME_AS: its
 * relationships belong to the question) and a name-only candidate (no key: a guess, never folded).
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
CREATE (:Person {id: 'proj-pz', name: 'Anna Co'})-[:ASKED {role: 'Medeindiener'}]->(q)`;

beforeAll(async () => {
  await writeGraph(graph(), (tx) => tx.run(SETUP));
});

describe('projection and stand-ins', () => {
  it('declares what every resolver of a node type reads, so no field falls back to every property', () => {
    expect(undeclaredFields(loadSchema(), resolvers, reads)).toEqual([]);
  });

  it('folds a keyed stand-in into the question, in the bundle and in the list, and leaves a guess out', async () => {
    const api = createTestApi(graph());
    const one = await api.query(`{ question(number: "2023Z90001") { id status answers { koopId } askedBy { person { name } } subQuestions { number answer } addressedTo { title } } }`);
    expect(one.errors).toBeUndefined();
    expect(one.data!.question).toEqual({
      id: 'proj-q',
      status: 'ANSWERED_ON_TIME',
      answers: [{ koopId: 'ah-tk-20222023-90001' }],
      askedBy: [{ person: { name: 'Asker Stand-in' } }, { person: { name: 'Anna Co' } }, { person: { name: 'Zed Co' } }],
      subQuestions: [{ number: 1, answer: 'Because.' }],
      addressedTo: [{ title: 'minister P' }],
    });
    const list = await api.query(`{ questions(filter: { submittedFrom: "2023-01-01", submittedTo: "2023-01-31" }) { nodes { id answers { koopId } askedBy { person { name } } } } }`);
    expect(list.errors).toBeUndefined();
    expect(list.data!.questions.nodes).toEqual([
      { id: 'proj-q', answers: [{ koopId: 'ah-tk-20222023-90001' }], askedBy: [{ person: { name: 'Asker Stand-in' } }, { person: { name: 'Anna Co' } }, { person: { name: 'Zed Co' } }] },
    ]);
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
    expect(counted.statements()[0]).toContain('.*');
    const question = all.data!.neighborhood.nodes.find((n: { id: string }) => n.id === 'proj-q');
    expect(question.properties).toMatchObject({ number: '2023Z90001', subject: 'Projected' });

    counted.reset();
    const edgeIds = await api.query(`{ neighborhood(id: "proj-o") { edges { id type } } }`);
    expect(edgeIds.data!.neighborhood.edges).toEqual([{ id: 'ADDRESSED_TO:proj-q->proj-o', type: 'ADDRESSED_TO' }]);
    expect(counted.statements()[0]).toContain('{key: r.key}');
    const withProps = await api.query(`{ neighborhood(id: "proj-a", depth: 1) { edges { type properties } } }`);
    expect(withProps.data!.neighborhood.edges).toEqual([{ type: 'ANSWERS', properties: { sources: ['src-proj'] } }]);
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
