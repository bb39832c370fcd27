import { beforeAll, describe, expect, it } from 'vitest';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { createTestApi } from '../support/api-client.js';
import { createCaseFragments, FTM, IDS } from '../support/api-fixtures.js';
import { JOURNALIST_QUERIES as Q } from '../support/api-journalist-queries.js';
import { useGraph } from '../support/graph.js';

const { graph } = useGraph();
let api: ReturnType<typeof createTestApi>;
const vendors = { companies: ['hikvision', 'dahua'] };

beforeAll(async () => {
  await new GraphWriter(graph(), { batchSize: 500 }).write(createCaseFragments());
  api = createTestApi(graph());
});

const ok = async (query: string, variables: Record<string, unknown>) => {
  const r = await api.query(query, variables);
  expect(r.errors).toBeUndefined();
  return r.data!;
};

describe('the five journalist questions of case 2022Z04510, one query each', () => {
  it('1. who asked about Hikvision or Dahua, when, from which parties, to which ministers', async () => {
    const data = await ok(Q.whoAsked, vendors);
    expect(data.questions.totalCount).toBe(3);
    const byNumber = Object.fromEntries(data.questions.nodes.map((q: { number: string }) => [q.number, q]));
    expect(Object.keys(byNumber)).toEqual(['2022Z04403', '2022Z04510', '2022Z17000']);
    expect(byNumber['2022Z04510'].askedBy.map((a: { person: { name: string }; party: { abbreviation: string } }) => `${a.person.name} (${a.party.abbreviation})`)).toEqual([
      'Hind Dekker-Abdulaziz (D66)',
      'Lisa van Ginneken (D66)',
    ]);
    expect(byNumber['2022Z04510'].answeredBy.map((p: { name: string }) => p.name).sort()).toEqual(['Dilan Yeşilgöz-Zegerius', 'Hanke Bruins Slot']);
    expect(byNumber['2022Z04403'].askedBy[0].party.abbreviation).toBe('VVD');
    expect(byNumber['2022Z04403'].addressedTo.map((o: { title: string }) => o.title).sort()).toEqual(['minister van Buitenlandse Zaken', 'minister van Justitie en Veiligheid']);
  });

  it('2. which were answered late, after a postponement, or not at all', async () => {
    const data = await ok(Q.lateOrUnanswered, { ...vendors, asOf: '2023-01-01' });
    const rows = Object.fromEntries(data.questions.nodes.map((q: { number: string }) => [q.number, q]));
    expect(rows['2022Z04403']).toMatchObject({ status: 'ANSWERED_LATE', postponed: true, daysLate: 70, postponements: [{ sentAt: '2022-03-29' }] });
    expect(rows['2022Z04510']).toMatchObject({ status: 'ANSWERED_LATE', postponed: false, daysLate: 69, unansweredSubQuestions: [15] });
    expect(rows['2022Z17000']).toMatchObject({ status: 'OVERDUE_WITHOUT_NOTICE', dueAt: '2022-09-22', answeredAt: null, daysLate: 101 });
    const early = await ok(Q.lateOrUnanswered, { ...vendors, asOf: '2022-03-20' });
    expect(early.questions.nodes).toEqual([]);
    // Handled today, but its answer came on 2022-06-08: in April it was overdue, not closed.
    const april = await ok(Q.lateOrUnanswered, { ...vendors, asOf: '2022-04-15' });
    expect(april.questions.nodes.find((q: { number: string }) => q.number === '2022Z04510')).toMatchObject({ status: 'OVERDUE_WITHOUT_NOTICE', daysLate: 15 });
  });

  it('3. which adopted motions about these vendors were never followed up, and who says so', async () => {
    const data = await ok(Q.motionsNotFollowedUp, { ...vendors, asOf: '2022-03-10' });
    expect(data.motions.nodes).toEqual([
      { koopId: 'kst-30821-86', title: expect.stringContaining('Buitenweg'), decidedAt: '2019-07-02', submitters: expect.any(Array), followUp: { state: 'UNANSWERED', dueAt: '2020-07-01' } },
    ]);
    const claim = data.claims.nodes.find((q: { number: string }) => q.number === '2022Z04510').refersTo[0];
    expect(claim).toMatchObject({ claimsNoFollowUp: true, citationMismatch: true, targetType: 'Motion', resolvedAs: { id: 'kst-30821-90', kind: 'Verslag van een algemeen overleg' } });
    expect(claim.citation).toContain('30821–90');
  });

  it('4. which news articles triggered questions, and which questions cite the same article', async () => {
    const data = await ok(Q.articlesTriggering, vendors);
    const q = data.questions.nodes.find((n: { number: string }) => n.number === '2022Z04510');
    expect(q.cites[0].article).toMatchObject({ url: FTM, publisher: { name: 'Follow the Money' } });
    expect(q.cites[0].article.questions.map((x: { number: string }) => x.number).sort()).toEqual(['2022Z04510', '2022Z17000']);
  });

  it('5. how D66 and the Minister of Justitie en Veiligheid are connected, with the document behind every hop', async () => {
    const data = await ok(Q.connection, { from: IDS.D66, to: IDS.JENV });
    const paths = data.paths.paths;
    expect(paths.length).toBeGreaterThan(1);
    expect(paths[0].length).toBe(3);
    const shortest = paths.filter((p: { length: number }) => p.length === 3).map((p: { nodes: { id: string }[] }) => p.nodes.map((n) => n.id).join(' > '));
    expect(shortest).toContain(`f-d66 > p-dekker > 65c74760-dec5-43ae-a544-1f994a6154a9 > ${IDS.JENV}`);
    for (const path of paths)
      for (const hop of path.hops) {
        expect(hop.sources.length).toBeGreaterThan(0);
        expect(hop.sources[0].url).toMatch(/^https:\/\//);
      }
    const asked = paths[0].hops.find((h: { type: string }) => h.type === 'ASKED');
    expect(asked).toBeDefined();
    expect(asked.sources[0].url).toMatch(/officielebekendmakingen|tweedekamer/);
  });
});

describe('a document answers the same interpreted (its first run) and compiled by graphql-jit (every later run)', () => {
  const runs: [string, string, Record<string, unknown>][] = [
    ['whoAsked', Q.whoAsked, vendors],
    ['lateOrUnanswered', Q.lateOrUnanswered, { ...vendors, asOf: '2023-01-01' }],
    ['motionsNotFollowedUp', Q.motionsNotFollowedUp, { ...vendors, asOf: '2022-03-10' }],
    ['articlesTriggering', Q.articlesTriggering, vendors],
    ['connection', Q.connection, { from: IDS.D66, to: IDS.JENV }],
  ];
  it.each(runs)('%s', async (_, query, variables) => {
    const fresh = createTestApi(graph());
    const interpreted = await fresh.query(query, variables);
    const compiled = await fresh.query(query, variables);
    expect(interpreted.errors).toBeUndefined();
    expect(compiled.errors).toBeUndefined();
    expect(compiled.data).toEqual(interpreted.data);
  });
});
