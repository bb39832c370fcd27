import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createContext } from '../../src/graphql/context.js';
import { FragmentBuilder, ref, type GraphFragment } from '../../src/model/fragment.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { createTestApi } from '../support/api-client.js';
import { countingGraph } from '../support/api-count.js';
import { useGraph } from '../support/graph.js';

const { graph } = useGraph();

/** n questions, each with two askers (in one of five parties), an answer, two mentions and an office. */
function manyQuestions(n: number): GraphFragment {
  const b = new FragmentBuilder();
  for (let p = 0; p < 5; p++) b.node('Party', `party-${p}`, { abbreviation: `P${p}`, name: `Party ${p}` });
  for (let i = 0; i < 20; i++) {
    b.node('Person', `person-${i}`, { name: `Person ${i}` });
    b.edge('MEMBER_OF', ref('Person', `person-${i}`), ref('Party', `party-${i % 5}`), { from: '2020-01-01' });
  }
  b.node('Company', 'acme', { name: 'Acme' });
  b.node('Company', 'globex', { name: 'Globex' });
  b.node('Office', 'office-a', { title: 'minister A' });
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const q = b.node('Question', `load-q-${i}`, { number: `2023Z${String(i).padStart(5, '0')}`, subject: `Question ${i}`, submittedAt: `2023-02-${day}` });
    b.edge('ASKED', ref('Person', `person-${i % 20}`), q, { role: 'Indiener' });
    b.edge('ASKED', ref('Person', `person-${(i + 7) % 20}`), q, { role: 'Medeindiener' });
    b.edge('ADDRESSED_TO', q, ref('Office', 'office-a'));
    b.edge('MENTIONS', q, ref('Company', 'acme'), { snippet: 'Acme' });
    b.edge('MENTIONS', q, ref('Company', 'globex'), { snippet: 'Globex' });
    const a = b.node('Answer', `load-a-${i}`, { koopId: `ah-tk-20222023-${i}`, receivedAt: `2023-04-${day}` });
    b.edge('ANSWERS', a, q);
  }
  return { source: { id: 'src-load', url: 'test://load', fetchedAt: '2024-01-01T00:00:00Z', parser: 'test', parserVersion: '1' }, ...b.build() };
}

const QUERY = `query($n: Int) { questions(first: $n) {
  totalCount
  nodes { number status daysLate askedBy { role person { name party { abbreviation } } party { abbreviation } }
    answers { koopId receivedAt } mentions { snippet entity { id ... on Company { name } } } addressedTo { title } sources { url } }
} }`;

beforeAll(async () => {
  await new GraphWriter(graph(), { batchSize: 1000 }).write([manyQuestions(60)]);
});

describe('DataLoaders keep nested fields from querying per node', () => {
  it('answers questions(first: 50) with askers, parties, answers and mentions in a bounded number of queries, the same as for 5', async () => {
    const counted = countingGraph(graph());
    const api = createTestApi(counted.graph);
    const run = async (n: number) => {
      counted.reset();
      const r = await api.query(QUERY, { n });
      expect(r.errors).toBeUndefined();
      expect(r.data!.questions.nodes).toHaveLength(n);
      return { count: counted.count(), data: r.data! };
    };
    const five = await run(5);
    const fifty = await run(50);
    expect(fifty.data.questions.totalCount).toBe(60);
    const q = fifty.data.questions.nodes[0];
    expect(q.askedBy).toHaveLength(2);
    expect(q.askedBy[0].party.abbreviation).toMatch(/^P\d$/);
    expect(q.mentions).toHaveLength(2);
    expect(q.answers).toHaveLength(1);
    expect(q.status).toBe('ANSWERED_LATE');
    // page, count, askers, current parties, answers, postponements, mentions, offices, sources
    expect(fifty.count).toBeLessThanOrEqual(10);
    expect(fifty.count).toBe(five.count);
  });
});

describe('a request lets go of what it loaded', () => {
  it('loads a node once until its loaders are released, then again; memos likewise', async () => {
    const counted = countingGraph(graph());
    const ctx = createContext(counted.graph, loadConfig());
    const first = await ctx.loaders.node.load('load-q-1');
    expect(first?.number).toBe('2023Z00001');
    await ctx.loaders.node.load('load-q-1');
    expect(counted.count()).toBe(1);
    let computed = 0;
    expect(ctx.loaders.memo('k', () => ++computed)).toBe(1);
    expect(ctx.loaders.memo('k', () => ++computed)).toBe(1);

    ctx.loaders.release();
    expect(await ctx.loaders.node.load('load-q-1')).toEqual(first);
    expect(counted.count()).toBe(2);
    expect(ctx.loaders.memo('k', () => ++computed)).toBe(2);
  });
});
