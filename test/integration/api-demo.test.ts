import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/graphql/app.js';
import { loadDemo } from '../../ingest/demo/load-demo.js';
import { readRows } from '../../src/neo4j/driver.js';
import { JOURNALIST_QUERIES as Q } from '../support/api-journalist-queries.js';
import { useGraph } from '../support/graph.js';
import { createTestApi } from '../support/api-client.js';
import { STOP_WORDS } from '../../src/neo4j/queries/lucene.js';
import { SEARCH_INDEX } from '../../src/neo4j/schema.js';

/**
 * The five journalist questions against the real demo data (the documents of ingest/demo/manifest.json
 * through the real ingest), over the real HTTP server.
 */
const { graph } = useGraph();
let server: { url: string; close(): Promise<void> };
let dir: string;
let api: ReturnType<typeof createTestApi>;
const vendors = { companies: ['hikvision', 'dahua'] };
const JENV = 'minister-van-justitie-en-veiligheid';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'graafwerk-api-demo-'));
  const config = { ...loadConfig(), port: 0, logLevel: 'error', rawStore: join(dir, 'raw'), stateDir: join(dir, 'state') };
  expect(await loadDemo(graph(), config)).toMatch(/documents/);
  server = await startServer(graph(), config);
  // search runs in this process, interpreted and compiled, as the other API tests run their queries.
  api = createTestApi(graph(), {}, { bothEngines: true });
}, 240_000);

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function ok(query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown };
  expect(body.errors).toBeUndefined();
  expect(res.status).toBe(200);
  return body.data!;
}

const byNumber = (nodes: { number: string }[]) => Object.fromEntries(nodes.map((q) => [q.number, q])) as Record<string, any>;

describe('the five journalist questions on the real demo data, over HTTP', () => {
  it('1. 2022Z04510 was asked by Dekker-Abdulaziz and Van Ginneken (D66) of the Ministers of JenV and BZK, about Hikvision and Dahua', async () => {
    const data = await ok(Q.whoAsked, vendors);
    const q = byNumber(data.questions.nodes)['2022Z04510'];
    expect(q).toMatchObject({ submittedAt: '2022-03-10', subject: expect.stringContaining('Chinese bewakingscamera') });
    expect(q.askedBy.map((a: any) => `${a.person.name} (${a.party?.abbreviation})`)).toEqual(['Dekker-Abdulaziz (D66)', 'van Ginneken (D66)']);
    expect(q.addressedTo.map((o: any) => o.title).sort()).toEqual(['minister van Binnenlandse Zaken en Koninkrijksrelaties', 'minister van Justitie en Veiligheid']);
    expect(q.answeredBy.map((p: any) => p.name).sort()).toEqual(['Bruins Slot', 'Dilan Yeşilgöz-Zegerius']);
    const detail = await ok(`{ question(number: "2022Z04510") {
      mentions { entity { id } } askedBy { person { id provisional fullName } } } }`);
    expect(detail.question.mentions.map((m: any) => m.entity.id)).toEqual(expect.arrayContaining(['hikvision', 'dahua']));
    expect(detail.question.askedBy[0].person).toEqual({ id: 'name:dekker-abdulaziz', provisional: true, fullName: 'H. Dekker-Abdulaziz' });
  });

  it('2. 2022Z04510 was answered late (ah-tk-20212022-3019, 8 June 2022, 90 days) with sub-questions left open; 2022Z04403 was postponed', async () => {
    const data = await ok(Q.lateOrUnanswered, { ...vendors, asOf: '2023-01-01' });
    const q = byNumber(data.questions.nodes)['2022Z04510'];
    expect(q).toMatchObject({ status: 'ANSWERED_LATE', dueAt: '2022-03-31', answeredAt: '2022-06-08', daysLate: 69, postponed: false });
    expect(q.unansweredSubQuestions).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    const detail = await ok(`{ question(number: "2022Z04510") { submittedAt answers { koopId receivedAt answeredCount unansweredNumbers }
      subQuestions { number answer } } prev: question(number: "2022Z04403") { postponed postponements { koopId sentAt reason } } }`);
    expect(detail.question.answers).toEqual([{ koopId: 'ah-tk-20212022-3019', receivedAt: '2022-06-08', answeredCount: 2, unansweredNumbers: q.unansweredSubQuestions }]);
    expect((Date.parse('2022-06-08') - Date.parse(detail.question.submittedAt)) / 86_400_000).toBe(90);
    expect(detail.question.subQuestions[0].answer).toMatch(/^Ja, de Nederlandse overheid maakt gebruik van Chinese camera/);
    expect(detail.prev).toMatchObject({ postponed: true, postponements: [{ koopId: 'ah-tk-20212022-2273', sentAt: '2022-03-30', reason: expect.stringContaining('afstemming') }] });
  });

  it('3. the citation of motion 30821-90 is kept as written, with the "geen vervolg" evidence; adopted and unanswered motions on the real motions', async () => {
    const data = await ok(Q.motionsNotFollowedUp, { ...vendors, asOf: '2023-01-01' });
    expect(data.motions.nodes).toEqual([]);
    const claim = byNumber(data.claims.nodes)['2022Z04510'].refersTo.find((r: any) => r.citation.includes('30821'));
    expect(claim).toMatchObject({ citation: 'motie Buitenweg en Verhoeven (30821–90)', claimsNoFollowUp: true, citationMismatch: true, targetType: 'Motion' });
    expect(claim.context).toContain('waar geen vervolg aan is gegeven');
    const motions = await ok(`{ adopted: motions(filter: { status: [adopted] }) { totalCount }
      unanswered: motions(filter: { unanswered: true, asOf: "2026-01-01" }) { totalCount }
      pending: motions(filter: { status: [pending] }, first: 100) { totalCount nodes { number title subject considerations submitters { person { name } } } } }`);
    // The demo's motions carry no decision linked to them, so every one is pending.
    expect(motions.adopted.totalCount).toBe(0);
    expect(motions.unanswered.totalCount).toBe(0);
    expect(motions.pending.totalCount).toBeGreaterThan(100);
    const withText = motions.pending.nodes.filter((m: any) => m.considerations);
    expect(withText.length).toBeGreaterThan(0);
    expect(withText[0].considerations).toMatch(/^(overwegende|constaterende)/);
    expect(motions.pending.nodes.some((m: any) => m.submitters.length > 0)).toBe(true);
    // Signed "Saris, Inge van Dijk, Flach": the Indiener first, then the others by name, whatever the graph's order.
    const saris = await ok(`{ motion(number: "kst-36582-58") { dossierTitle submitters { role person { name } } } }`);
    expect(saris.motion.submitters.map((s: any) => [s.role, s.person.name])).toEqual([
      ['Indiener', expect.stringMatching(/Saris$/)],
      ['Medeindiener', expect.stringMatching(/Flach$/)],
      ['Medeindiener', expect.stringMatching(/van Dijk$/)],
    ]);
    expect(saris.motion.dossierTitle).toBeTruthy();
  });

  it('4. the FTM article is cited by 2022Z04510 under its canonical URL', async () => {
    const data = await ok(Q.articlesTriggering, vendors);
    const cite = byNumber(data.questions.nodes)['2022Z04510'].cites[0];
    expect(cite.article.url).toBe('https://ftm.nl/artikelen/de-ogen-van-chinees-staatsbedrijf-hikvision-zijn-overal');
    expect(cite.citation).toContain('Follow the Money, 8 februari 2022');
    expect(cite.article.questions.map((x: any) => x.number)).toEqual(['2022Z04510']);
    const byShareUrl = await ok(`{ article(url: "https://www.ftm.nl/artikelen/de-ogen-van-chinees-staatsbedrijf-hikvision-zijn-overal?share=abc") { url } }`);
    expect(byShareUrl.article.url).toBe(cite.article.url);
  });

  it('5. D66 reaches the minister van Justitie en Veiligheid through the question, with a source on every hop', async () => {
    const { party } = await ok('{ party(id: "D66") { id abbreviation } }');
    const data = await ok(Q.connection, { from: party.id, to: JENV });
    const paths = data.paths.paths;
    expect(paths.length).toBeGreaterThan(0);
    const routes = paths.map((p: any) => p.nodes.map((n: any) => (n.type === 'Question' ? n.id : n.type)).join(' > '));
    // Through an asker who is a member, and through the question that names the party itself.
    expect(routes).toContain('Party > Person > 65c74760-dec5-43ae-a544-1f994a6154a9 > Office');
    expect(routes).toContain('Party > 65c74760-dec5-43ae-a544-1f994a6154a9 > Office');
    expect(paths[0].length).toBe(2);
    for (const path of paths)
      for (const hop of path.hops) {
        expect(hop.sources.length).toBeGreaterThan(0);
        expect(hop.sources[0].url).toMatch(/fixtures\/(tk|koop)\//);
      }
  });
});

/** Every simple route (no node twice) between two nodes within maxHops, as its node ids, by hand-written Cypher. */
async function simpleRoutes(from: string, to: string, maxHops: number): Promise<string[]> {
  const rows = await readRows<{ route: string[] }>(
    graph(),
    `MATCH (a {id: $from}) WHERE NOT a:Source MATCH (b {id: $to}) WHERE NOT b:Source
    MATCH p = (a)-[*1..${maxHops}]-(b)
    WHERE all(n IN nodes(p) WHERE NOT n:Source AND coalesce(n.deleted, false) = false) AND none(r IN relationships(p) WHERE r:SAME_AS)
      AND all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
    RETURN DISTINCT [n IN nodes(p) | n.id] AS route`,
    { from, to },
  );
  return rows.map((r) => r.route.join(' > '));
}

describe('paths and neighbourhoods on the real demo data', () => {
  // D66 to VVD: 66 simple routes within 4 hops; SHORTEST that only kept relationships apart returned 15 of 20 as D66 > Mpanzu Bamenga > D66 > …, one route over his many memberships.
  it.each([['VVD'], [JENV]])('paths from D66 to %s: simple, each route once, shortest first, as many as asked when there are that many', async (to) => {
    const { party } = await ok('{ party(id: "D66") { id } }');
    const target = to === JENV ? JENV : (await ok(`{ party(id: "${to}") { id } }`)).party.id;
    const data = await ok('query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 4, first: 20) { paths { length nodes { id } hops { type } } } }', { from: party.id, to: target });
    const paths: { length: number; nodes: { id: string }[] }[] = data.paths.paths;
    const routes = paths.map((p) => p.nodes.map((n) => n.id).join(' > '));
    for (const p of paths) expect(new Set(p.nodes.map((n) => n.id)).size, routes.join('\n')).toBe(p.nodes.length);
    expect(new Set(routes).size, routes.join('\n')).toBe(routes.length);
    const all = await simpleRoutes(party.id, target, 4);
    expect(routes.length).toBe(Math.min(20, all.length));
    for (const route of routes) expect(all).toContain(route);
    const lengths = paths.map((p) => p.length);
    expect(lengths).toEqual(all.map((r) => r.split(' > ').length - 1).sort((a, b) => a - b).slice(0, routes.length));
  });

  it('a neighbourhood holds every edge between its nodes: the answer ANSWERED_BY the ministers, the askers MEMBER_OF D66, in the export too', async () => {
    const { question, party } = await ok('{ question(number: "2022Z04510") { id } party(id: "D66") { id } }');
    const { neighborhood } = await ok(`{ neighborhood(id: "${question.id}", depth: 1) { truncated nodes { id type } edges { id type source target } } }`);
    const type = new Map<string, string>(neighborhood.nodes.map((n: { id: string; type: string }) => [n.id, n.type]));
    const among = (t: string, from: string, to: string) =>
      neighborhood.edges.filter((e: { type: string; source: string; target: string }) => e.type === t && type.get(e.source) === from && (type.get(e.target) === to || e.target === to));
    expect(among('ANSWERED_BY', 'Answer', 'Office').map((e: { target: string }) => e.target).sort()).toEqual(['minister-van-binnenlandse-zaken-en-koninkrijksrelaties', JENV]);
    expect(new Set(among('MEMBER_OF', 'Person', party.id).map((e: { source: string }) => e.source)).size).toBe(2);
    const csv = await (await fetch(`${server.url}/export/neighborhood.edges.csv?id=${encodeURIComponent(question.id)}&depth=1`)).text();
    for (const e of neighborhood.edges) expect(csv).toContain(`${e.id},${e.source},${e.target},${e.type},`);
  });
});

describe('a neighbourhood for a visualisation on the demo data', () => {
  it("carries each node’s stored properties and provenance, not the writer’s note of which properties a versioned record owns", async () => {
    const { question } = await ok('{ question(number: "2022Z04510") { id } }');
    const { neighborhood } = await ok(`{ neighborhood(id: "${question.id}", depth: 1, limit: 100) { nodes { id properties } } }`);
    const versioned = neighborhood.nodes.filter((n: { properties: Record<string, unknown> }) => n.properties.version != null);
    expect(versioned.length).toBeGreaterThan(0);
    for (const n of versioned) expect(n.properties).toMatchObject({ sources: expect.any(Array), firstSeen: expect.any(String) });
    for (const n of neighborhood.nodes) expect(Object.keys(n.properties)).not.toContain('versionedKeys');
    const csv = await (await fetch(`${server.url}/export/neighborhood.nodes.csv?id=${encodeURIComponent(question.id)}&depth=1`)).text();
    expect(csv.split('\n')[0]).toMatch(/^id,type,label,firstSeen,lastSeen,sources,sourceUrls,/);
    expect(csv.split('\n')[0]).not.toMatch(/versionedKeys/);
  });
});

describe('stats and the lists on the demo data', () => {
  it('count the same questions and motions (stubs, known only from a reference, in neither)', async () => {
    const data = await ok('{ stats { nodes { name count } } questions { totalCount } motions { totalCount } }');
    const count = (name: string) => data.stats.nodes.find((n: { name: string }) => n.name === name)?.count;
    expect(count('Question')).toBe(data.questions.totalCount);
    expect(count('Motion')).toBe(data.motions.totalCount);
  });

  it('list undated questions last, newest first and oldest first alike', async () => {
    const data = await ok('{ desc: questions(sort: SUBMITTED_DESC, first: 100) { totalCount nodes { number submittedAt } } asc: questions(sort: SUBMITTED_ASC, first: 100) { nodes { number submittedAt } } }');
    expect(data.desc.totalCount).toBeLessThanOrEqual(100);
    for (const list of [data.desc.nodes, data.asc.nodes]) {
      const dated = list.filter((q: { submittedAt: string | null }) => q.submittedAt !== null).length;
      // 2022Z04403 is known only from its postponement notice, without a date.
      expect(dated).toBeGreaterThan(0);
      expect(dated).toBeLessThan(list.length);
      expect(list.slice(dated).every((q: { submittedAt: string | null }) => q.submittedAt === null)).toBe(true);
    }
    expect(data.desc.nodes[0].submittedAt >= data.asc.nodes[0].submittedAt).toBe(true);
  });
});

type Hit = { type: string; node: { id: string; name?: string } };
async function search(text: string, types: string[] | null, first: number): Promise<Hit[]> {
  const r = await api.query<{ search: Hit[] }>(
    'query($text: String!, $types: [NodeType!], $first: Int) { search(text: $text, types: $types, first: $first) { type node { id ... on Person { name } ... on Party { name } } } }',
    { text, types, first },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.search;
}

describe('search on the demo data', () => {
  it('restricts the search itself to the types, so a type buried under other hits is still found', async () => {
    // van is in hundreds of case and motion titles, which outscore a person's name.
    const [all, persons] = [await search('van', null, 100), await search('van', ['Person'], 5)];
    expect(all.filter((h) => h.type !== 'Person').length).toBeGreaterThan(50);
    expect(persons).toHaveLength(5);
    for (const h of persons) expect(h).toMatchObject({ type: 'Person', node: { name: expect.stringMatching(/\bvan\b/i) } });
    expect((await search('D66', ['Party'], 1)).map((h) => h.node.name)).toEqual(['Democraten 66']);
    expect((await search('Wilders', ['Person'], 1)).map((h) => h.node.name)).toEqual(['Geert Wilders']);
  });

  it('finds a thing by its exact name, stop words and all, and ranks hits with every word first', async () => {
    expect((await search('Partij voor de Dieren', null, 3))[0]!.node.name).toBe('Partij voor de Dieren');
    expect((await search('Partij voor de Dieren was', ['Party'], 3))[0]!.node.name).toBe('Partij voor de Dieren');
    expect((await search('Democraten 66', null, 3))[0]!.node.name).toBe('Democraten 66');
  });

  it('folds the typo-tolerant part as the index folds, so diacritics do not use up the typos', async () => {
    for (const text of ['Yeşilgözz', 'Yesilgozz', 'Jeşilgöz']) expect((await search(text, ['Person'], 3)).map((h) => h.node.name), text).toContain('Dilan Yeşilgöz-Zegerius');
  });

  it('knows the stop words of the analyzer that the index uses', async () => {
    const [index] = await readRows<{ analyzer: string }>(graph(), 'SHOW FULLTEXT INDEXES YIELD name, options WHERE name = $name RETURN options.indexConfig.`fulltext.analyzer` AS analyzer', { name: SEARCH_INDEX });
    const [analyzer] = await readRows<{ stopwords: string[] }>(graph(), 'CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer, stopwords WHERE analyzer = $a RETURN stopwords', { a: index!.analyzer });
    expect([...STOP_WORDS].sort()).toEqual([...analyzer!.stopwords].sort());
  });
});
