import { beforeAll, describe, expect, it, vi } from 'vitest';
import { FragmentBuilder, ref, type Props } from '../../src/model/fragment.js';
import { readRows } from '../../src/neo4j/driver.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { startServer } from '../../src/graphql/app.js';
import { loadConfig } from '../../src/config.js';
import { createTestApi, type GraphQLResponse } from '../support/api-client.js';
import { countingGraph } from '../support/api-count.js';
import { createCaseFragments, FTM, IDS, Q_ID } from '../support/api-fixtures.js';
import { useGraph } from '../support/graph.js';

const { graph } = useGraph();
let api: ReturnType<typeof createTestApi>;

beforeAll(async () => {
  await new GraphWriter(graph(), { batchSize: 500 }).write(createCaseFragments());
  // Every query of this suite runs interpreted and compiled, and must answer the same both ways.
  api = createTestApi(graph(), {}, { bothEngines: true });
});

describe('the GraphQL API over the case 2022Z04510', () => {
  it('counts nodes per label and edges per type, hiding deleted nodes', async () => {
    const r = await api.query('{ stats { nodes { name count } edges { name count } } }');
    const count = (list: { name: string; count: number }[], name: string) => list.find((x) => x.name === name)?.count;
    expect(count(r.data!.stats.nodes, 'Question')).toBe(3);
    expect(count(r.data!.stats.nodes, 'Party')).toBe(4);
    expect(count(r.data!.stats.edges, 'ASKED')).toBe(4);
    await new GraphWriter(graph(), { batchSize: 10 }).write([
      { source: { id: 'src-del', url: 'test://del', fetchedAt: '2024-02-01T00:00:00Z', parser: 't', parserVersion: '1' }, nodes: [], edges: [], tombstones: [{ label: 'Party', id: 'f-cda' }] },
    ]);
    const after = await api.query('{ stats { nodes { name count } } party(id: "f-cda") { id } node(id: "f-cda") { id } }');
    expect(count(after.data!.stats.nodes, 'Party')).toBe(3);
    expect(after.data!.party).toBeNull();
    expect(after.data!.node).toBeNull();
  });

  it('answers question(number) with askers, parties at the time, offices, answers, sub-questions and status', async () => {
    const r = await api.query(`{ question(number: "2022Z04510") {
      id number submittedAt dueAt status(asOf: "2023-01-01") daysLate(asOf: "2023-01-01") answeredAt postponed
      askedBy { role person { name } party { abbreviation } }
      addressedTo { title } answeredBy { name } answers { koopId receivedAt }
      subQuestions { number answer } unansweredSubQuestions
      cites { citation article { url title publisher { name } } }
      mentions { snippet entity { id ... on Company { name } } }
      supplements { number }
      refersTo { citation targetType citationMismatch claimsNoFollowUp resolvedAs { id ... on Document { kind } } }
      sources { url fetchedAt }
    } }`);
    expect(r.errors).toBeUndefined();
    const q = r.data!.question;
    expect(q).toMatchObject({ id: Q_ID, dueAt: '2022-03-31', status: 'ANSWERED_LATE', daysLate: 69, answeredAt: '2022-06-08', postponed: false });
    expect(q.askedBy).toEqual([
      { role: 'Indiener', person: { name: 'Hind Dekker-Abdulaziz' }, party: { abbreviation: 'D66' } },
      { role: 'Medeindiener', person: { name: 'Lisa van Ginneken' }, party: { abbreviation: 'D66' } },
    ]);
    expect(q.addressedTo.map((o: { title: string }) => o.title).sort()).toEqual(['minister van Binnenlandse Zaken en Koninkrijksrelaties', 'minister van Justitie en Veiligheid']);
    // Signers of the first answer first, by name: an order that does not depend on the order of ingest.
    expect(q.answeredBy.map((p: { name: string }) => p.name)).toEqual(['Dilan Yeşilgöz-Zegerius', 'Hanke Bruins Slot']);
    expect(q.subQuestions).toHaveLength(15);
    expect(q.subQuestions[0].answer).toMatch(/^Ja, de Nederlandse overheid/);
    expect(q.unansweredSubQuestions).toEqual([15]);
    expect(q.cites).toEqual([{ citation: 'Follow the Money, 8 februari 2022', article: { url: FTM, title: expect.any(String), publisher: { name: 'Follow the Money' } } }]);
    expect(q.mentions.map((m: { entity: { id: string } }) => m.entity.id).sort()).toEqual(['dahua', 'hikvision']);
    expect(q.supplements).toEqual([{ number: '2022Z04403' }]);
    expect(q.refersTo).toEqual([
      { citation: expect.stringContaining('30821–90'), targetType: 'Motion', citationMismatch: true, claimsNoFollowUp: true, resolvedAs: { id: 'kst-30821-90', kind: 'Verslag van een algemeen overleg' } },
    ]);
    expect(q.sources).toEqual([{ url: 'https://zoek.officielebekendmakingen.nl/kv-tk-2022Z04510.xml', fetchedAt: '2024-01-04T00:00:00Z' }]);
  });

  it("lists a party's members once each, however many memberships tie them to it", async () => {
    await new GraphWriter(graph(), { batchSize: 10 }).write([
      {
        source: { id: 'src-observed', url: 'test://observed', fetchedAt: '2024-02-02T00:00:00Z', parser: 't', parserVersion: '1' },
        nodes: [],
        edges: [{ type: 'MEMBER_OF', from: ref('Person', 'p-dekker'), to: ref('Party', 'f-d66'), key: 'observed:2022-03-10', props: { observedAt: '2022-03-10', partyName: 'D66' } }],
        tombstones: [],
      },
    ]);
    const r = await api.query('{ party(id: "f-d66") { members { id } } person(id: "p-dekker") { memberships { from observedAt } } }');
    expect(r.errors).toBeUndefined();
    const members = r.data!.party.members.map((m: { id: string }) => m.id);
    expect(members.filter((id: string) => id === 'p-dekker')).toEqual(['p-dekker']);
    expect(new Set(members).size).toBe(members.length);
    // The memberships themselves stay one per edge.
    expect(r.data!.person.memberships).toHaveLength(2);
  });

  it('finds a party by its abbreviation or another of its names in any case, as a lookup and as a filter', async () => {
    const r = await api.query(`{ a: party(id: "d66") { id } b: party(id: "Democraten 66") { id }
      q: questions(filter: { party: "D66" }) { totalCount } ql: questions(filter: { party: "democraten 66" }) { totalCount }
      m: motions(filter: { party: "D66" }) { totalCount } ml: motions(filter: { party: "d66" }) { totalCount } }`);
    expect(r.errors).toBeUndefined();
    expect([r.data!.a, r.data!.b]).toEqual([{ id: 'f-d66' }, { id: 'f-d66' }]);
    expect(r.data!.q.totalCount).toBeGreaterThan(0);
    expect(r.data!.ql.totalCount).toBe(r.data!.q.totalCount);
    expect(r.data!.m.totalCount).toBeGreaterThan(0);
    expect(r.data!.ml.totalCount).toBe(r.data!.m.totalCount);
  });

  it('finds question(number) by its id too, with the same relations, and answers null for a value that is neither', async () => {
    const r = await api.query(`query($id: String!) { byId: question(number: $id) { number askedBy { person { name } } answers { koopId } } none: question(number: "2099Z00001") { id } }`, {
      id: Q_ID,
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.byId.number).toBe('2022Z04510');
    expect(r.data!.byId.askedBy).toHaveLength(2);
    expect(r.data!.byId.answers.length).toBeGreaterThan(0);
    expect(r.data!.none).toBeNull();
  });

  it('finds a question and a motion whatever the case and spaces their number or id is typed with', async () => {
    const r = await api.query(`query($id: String!, $node: ID!) { a: question(number: " 2022z04510 ") { number } b: question(number: $id) { number }
      c: motion(number: "KST-30821-86") { number } d: motion(number: " 30821-86 ") { number } e: node(id: $node) { id } }`, { id: Q_ID.toUpperCase(), node: ` ${Q_ID.toUpperCase()} ` });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ a: { number: '2022Z04510' }, b: { number: '2022Z04510' }, c: { number: '2019Z13111' }, d: { number: '2019Z13111' }, e: { id: Q_ID } });
  });

  it('finds a motion by dossier-ondernummer with submitters, decision, votes and follow-up', async () => {
    const r = await api.query(`{ motion(number: "30821-86") {
      number koopId dossier ondernummer status submitters { role person { name } }
      decision { outcome } votes { choice seats voter { id } }
      followUp(withinDays: 365, asOf: "2022-03-10") { state dueAt documents { date } }
    } other: motion(number: "kst-30821-84") { followUp(asOf: "2022-01-01") { state documents { via date document { id } } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.motion).toMatchObject({ number: '2019Z13111', koopId: 'kst-30821-86', dossier: '30821', ondernummer: '86', status: 'adopted', decision: { outcome: 'adopted' } });
    expect(r.data!.motion.submitters).toHaveLength(2);
    expect(r.data!.motion.votes).toContainEqual({ choice: 'Voor', seats: 19, voter: { id: IDS.D66 } });
    expect(r.data!.motion.followUp).toEqual({ state: 'UNANSWERED', dueAt: '2020-07-01', documents: [] });
    expect(r.data!.other.followUp).toEqual({ state: 'FOLLOWED_UP', documents: [{ via: 'FOLLOWS_UP', date: '2019-11-01', document: { id: 'kst-30821-95' } }] });
  });

  it("gives a motion's decision as its status takes it, with its votes, date and the voters' names as registered", async () => {
    const b = new FragmentBuilder();
    // Status and decisionId as deriveMotionStatus sets them (the choice among the decisions is tested in motion-status.test.ts).
    const m = b.node('Motion', 'm-decisions', { number: '2024Z90001', title: 'Motie met drie besluiten', status: 'adopted', decisionId: 'd-vote' });
    const decision = (id: string, props: Props, version: string) => {
      b.node('Decision', id, props, { version });
      b.edge('DECIDES', ref('Decision', id), m, {});
    };
    decision('d-vote', { kind: 'Stemmen - aangenomen', text: 'Aangenomen.', outcome: 'adopted', status: 'Besluit', order: 2 }, '2024-03-05T14:00:00.000Z');
    decision('d-registered', { kind: 'Ingediend', text: 'Ingediend.', outcome: 'submitted', status: 'Besluit', order: 1 }, '2024-03-12T09:00:00.000Z');
    decision('d-scheduled', { kind: 'Agenderen', text: 'Agenderen voor de stemmingen.', status: 'Besluit', order: 3 }, '2024-03-11T09:00:00.000Z');
    b.edge('VOTED', ref('Person', 'p-stub-voter'), ref('Decision', 'd-vote'), { choice: 'Voor', rawChoice: 'Voor', actorName: 'Korte de, M.C.', partyName: 'VVD' });
    const source = { id: 'src-decisions', url: 'test://decisions', fetchedAt: '2024-03-13T00:00:00Z', parser: 't', parserVersion: '1' };
    await new GraphWriter(graph(), { batchSize: 50 }).write([{ source, ...b.build() }]);
    const r = await api.query('{ motion(number: "2024Z90001") { decision { id outcome date } votes { choice voterName voter { id ... on Person { name } } } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data!.motion).toEqual({
      decision: { id: 'd-vote', outcome: 'adopted', date: '2024-03-05' },
      votes: [{ choice: 'Voor', voterName: 'Korte de, M.C.', voter: { id: 'p-stub-voter', name: null } }],
    });
  });

  it('searches with typo tolerance and filters by type', async () => {
    const r = await api.query(`{ a: search(text: "Hikvison") { type node { id } } b: search(text: "Dekker", types: [Person]) { type node { id } }
      c: search(text: "Chinese bewakingscamera’s", types: [Question]) { node { id } } d: search(text: "Ginnken", types: [Person]) { node { id } }
      e: search(text: "2022Z04510") { node { id } } f: search(text: "kst-30821-86") { node { id } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.a.map((h: { node: { id: string } }) => h.node.id)).toContain('hikvision');
    expect(r.data!.b).toEqual([{ type: 'Person', node: { id: 'p-dekker' } }]);
    // A word with an apostrophe is one word, as in the titles (curly or straight); a letter left out is a typo too.
    // The question with both words first; questions with one of them may follow.
    expect(r.data!.c[0]).toEqual({ node: { id: Q_ID } });
    expect(r.data!.d).toEqual([{ node: { id: 'p-ginneken' } }]);
    // By number or KOOP id, as a journalist copies it from a document: the node itself first.
    expect(r.data!.e[0]).toEqual({ node: { id: Q_ID } });
    expect(r.data!.f[0]).toEqual({ node: { id: 'zaak-motion-hikvision' } });
  });

  it('searches ordinary words: stop words, a legal form the names leave out, diacritics in a typo', async () => {
    const ids = async (text: string, types: string[] | null = null) => {
      const r = await api.query('query($t: String!, $ty: [NodeType!]) { search(text: $t, types: $ty, first: 5) { node { id } } }', { t: text, ty: types });
      expect(r.errors).toBeUndefined();
      return r.data!.search.map((h: { node: { id: string } }) => h.node.id);
    };
    expect(await ids('Follow the Money', ['Publisher'])).toEqual(['ftm.nl']);
    expect((await ids('Follow the Money'))[0]).toBe('ftm.nl');
    // Both words in one node rank before nodes with one of them.
    expect((await ids('Hikvision and Dahua')).slice(0, 2)).toEqual(expect.arrayContaining([Q_ID]));
    expect(await ids('Hikvision and Dahua', ['Company'])).toEqual(expect.arrayContaining(['hikvision', 'dahua']));
    for (const text of ['Hikvision B.V.', 'Hikvision BV']) expect((await ids(text))[0], text).toBe('hikvision');
    expect(await ids('Yeşilgözz', ['Person'])).toEqual(['p-yesilgoz']);
    expect(await ids('Jeşilgöz', ['Person'])).toEqual(['p-yesilgoz']);
  });

  it('takes any text literally: Lucene syntax, nothing but stop words, NUL, lone surrogates, empty', async () => {
    for (const text of ['', '   ', 'the and of', '\u0000', 'a\u0000b', '\ud800 \udfff x\ud83d', '"unclosed ( [a TO z] name:x^2~ \\* /re/ && || !', 'b.v. n.v. ...', '*']) {
      const r = await api.query('query($t: String!) { search(text: $t, types: [Company, Publisher], first: 5) { node { id } } all: search(text: $t) { node { id } } }', { t: text });
      expect(r.errors, JSON.stringify(text)).toBeUndefined();
    }
  });

  it('returns a neighbourhood for a visualisation and cuts it at the limit', async () => {
    const r = await api.query(`{ full: neighborhood(id: "${Q_ID}", depth: 1, limit: 100) { truncated nodes { id type label } edges { type source target properties } }
      cut: neighborhood(id: "${Q_ID}", depth: 2, limit: 3) { truncated nodes { id } edges { source target } } }`);
    expect(r.errors).toBeUndefined();
    const full = r.data!.full;
    expect(full.truncated).toBe(false);
    expect(full.nodes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining([Q_ID, 'p-dekker', 'hikvision', IDS.JENV, FTM]));
    expect(full.edges.find((e: { type: string; source: string }) => e.type === 'ASKED' && e.source === 'p-dekker')).toMatchObject({ source: 'p-dekker', target: Q_ID, properties: { sources: ['src-kv-2022Z04510'] } });
    expect(r.data!.cut.truncated).toBe(true);
    expect(r.data!.cut.nodes).toHaveLength(3);
    const ids = new Set(r.data!.cut.nodes.map((n: { id: string }) => n.id));
    expect(r.data!.cut.edges.length).toBeGreaterThan(0);
    for (const e of r.data!.cut.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });

  it('walks a neighbourhood breadth first: each node within the depth once, and the nearer nodes kept when it is cut', async () => {
    const within = async (hops: number) =>
      (
        await readRows<{ id: string }>(
          graph(),
          `MATCH p = (q {id: $id})-[*1..${hops}]-(m) WHERE all(x IN nodes(p) WHERE NOT x:Source AND coalesce(x.deleted, false) = false) RETURN DISTINCT m.id AS id`,
          { id: Q_ID },
        )
      ).map((r) => r.id);
    const one = new Set([Q_ID, ...(await within(1))]);
    const two = new Set([Q_ID, ...(await within(2))]);
    expect(two.size).toBeGreaterThan(one.size);
    const r = await api.query(`{ whole: neighborhood(id: "${Q_ID}", depth: 2, limit: 500) { truncated nodes { id } }
      near: neighborhood(id: "${Q_ID}", depth: 2, limit: ${one.size}) { truncated nodes { id } } }`);
    expect(r.errors).toBeUndefined();
    const whole: string[] = r.data!.whole.nodes.map((n: { id: string }) => n.id);
    expect(r.data!.whole.truncated).toBe(false);
    expect(whole).toHaveLength(two.size);
    expect(new Set(whole)).toEqual(two);
    // Cut at the size of the first level: the question and its neighbours, none from the second level.
    expect(r.data!.near.truncated).toBe(true);
    expect(new Set(r.data!.near.nodes.map((n: { id: string }) => n.id))).toEqual(one);
  });

  it('returns every edge between the nodes of a neighbourhood, not only those the walk came by, in the export too', async () => {
    const r = await api.query(`{ neighborhood(id: "${Q_ID}", depth: 1, limit: 100) { truncated nodes { id } edges { id type source target } } }`);
    expect(r.errors).toBeUndefined();
    const { nodes, edges, truncated } = r.data!.neighborhood;
    expect(truncated).toBe(false);
    const ids: string[] = nodes.map((n: { id: string }) => n.id);
    // The article and the company are both a hop from the question; the article's mention of the company ties them.
    expect(ids).toEqual(expect.arrayContaining([FTM, 'hikvision']));
    expect(edges).toContainEqual(expect.objectContaining({ type: 'MENTIONS', source: FTM, target: 'hikvision' }));
    const stored = await readRows<{ id: string }>(
      graph(),
      `MATCH (x)-[r]->(y) WHERE x.id IN $ids AND y.id IN $ids AND NOT x:Source AND NOT y:Source
      RETURN type(r) + ':' + x.id + '->' + y.id + CASE WHEN coalesce(r.key, '') = '' THEN '' ELSE ':' + r.key END AS id`,
      { ids },
    );
    expect(edges.map((e: { id: string }) => e.id).sort()).toEqual(stored.map((s) => s.id).sort());
    const csv = await (await api.get(`/export/neighborhood.edges.csv?id=${Q_ID}&depth=1`)).text();
    for (const e of edges) expect(csv).toContain(`${e.id},${e.source},${e.target},${e.type},`);
  });

  it('exports the paths with the numbers of the paths each edge is on, as the paths field ranks them, and names the file after its ends', async () => {
    const { paths } = (await api.query(`{ paths(from: "${IDS.D66}", to: "${IDS.JENV}", maxHops: 4, first: 5) { paths { hops { edgeId } } subgraph { edges { id } } } }`)).data!;
    expect(paths.paths.length).toBeGreaterThan(1);
    const expected = new Map<string, number[]>();
    paths.paths.forEach((p: { hops: { edgeId: string }[] }, i: number) => {
      for (const h of p.hops) expected.set(h.edgeId, [...new Set([...(expected.get(h.edgeId) ?? []), i + 1])]);
    });
    expect([...expected.keys()].sort()).toEqual(paths.subgraph.edges.map((e: { id: string }) => e.id).sort());
    const res = await api.get(`/export/paths.cytoscape.json?from=${IDS.D66}&to=${encodeURIComponent(IDS.JENV)}&maxHops=4&first=5`);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="paths-f-d66-${IDS.JENV.replace(/[^A-Za-z0-9]+/g, '-')}.cytoscape.json"`);
    expect(res.headers.get('x-graafwerk-truncated')).toBe('false');
    const { elements } = (await res.json()) as { elements: { edges: { data: { id: string; paths: number[] } }[] } };
    expect(new Map(elements.edges.map((e) => [e.data.id, e.data.paths]))).toEqual(expected);
  });

  it("takes a question's number or a KOOP id where a subgraph wants a node, as its id, over GraphQL and in exports", async () => {
    const ids = async (id: string) => (await api.query(`{ neighborhood(id: "${id}") { nodes { id } } }`)).data!.neighborhood.nodes.map((n: { id: string }) => n.id).sort();
    expect(await ids('2022Z04510')).toEqual(await ids(Q_ID));
    expect(await ids(' 2022z04510')).toEqual(await ids(Q_ID));
    expect(await ids('ah-tk-20212022-3019')).toContain(Q_ID);
    const route = async (from: string) => (await api.query(`{ paths(from: "${from}", to: "${IDS.D66}", maxHops: 3) { paths { nodes { id } } } }`)).data!.paths.paths;
    expect(await route('2022Z04510')).toEqual(await route(Q_ID));
    const csv = await (await api.get('/export/neighborhood.nodes.csv?id=2022Z04510')).text();
    expect(csv).toContain(`\r\n${Q_ID},Question,`);
    const missing = await api.query('{ neighborhood(id: "2099Z99999") { nodes { id } } }');
    expect(missing.errors?.[0]).toMatchObject({ message: 'id: no node with id or key "2099Z99999"', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('refuses an export parameter it does not know or gets twice, says when the export was cut, and answers a timeout with 503', async () => {
    const refused = async (path: string, status: number, code: string, message: RegExp) => {
      const res = await api.get(path);
      expect(res.status).toBe(status);
      expect(await res.json()).toMatchObject({ code, error: expect.stringMatching(message) });
    };
    await refused(`/export/paths.graphml?from=${IDS.D66}&to=${IDS.JENV}&max-hops=2`, 400, 'BAD_USER_INPUT', /^unknown parameter "max-hops": paths takes from, to, maxHops, first$/);
    await refused(`/export/neighborhood.gexf?id=${Q_ID}&id=f-d66`, 400, 'BAD_USER_INPUT', /^the parameter id is given more than once$/);
    await refused(`/export/neighborhood.gexf?id=${Q_ID}&limit=1000000`, 400, 'BAD_USER_INPUT', /^limit must be from 1 to 500, got 1000000$/);
    // An id that is no file name (an article's URL) is cleaned and followed by a short hash of it; the CSV starts with its byte order mark.
    const article = await api.get(`/export/neighborhood.nodes.csv?id=${encodeURIComponent(FTM)}`);
    expect(article.headers.get('content-disposition')).toMatch(/^attachment; filename="neighborhood-https-ftm-nl-[A-Za-z0-9-]+-[0-9a-f]{8}\.nodes\.csv"$/);
    expect([...new Uint8Array(await article.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const cut = await api.get(`/export/neighborhood.nodes.csv?id=${Q_ID}&depth=2&limit=3`);
    expect(cut.headers.get('x-graafwerk-truncated')).toBe('true');
    expect((await cut.text()).trim().split('\r\n')).toHaveLength(4);
    const timedOut = await createTestApi(graph(), { queryTimeoutMs: 0 }).get(`/export/neighborhood.graphml?id=${Q_ID}`);
    expect(timedOut.status).toBe(503);
    expect(await timedOut.json()).toMatchObject({ code: 'QUERY_TIMEOUT' });
  });

  it('cuts the edges between the nodes of a neighbourhood at ten per node of the limit, and says so', async () => {
    const source = { id: 'src-edge-cap', url: 'test://edge-cap', fetchedAt: '2024-02-03T00:00:00Z', parser: 't', parserVersion: '1' };
    const b = new FragmentBuilder();
    b.node('Party', 'f-edge-cap', { abbreviation: 'CAP' });
    b.node('Person', 'p-edge-cap', { name: 'Cap' });
    // One membership per period: 21 edges between the same two nodes.
    for (let year = 2000; year <= 2020; year++) b.edge('MEMBER_OF', ref('Person', 'p-edge-cap'), ref('Party', 'f-edge-cap'), { from: `${year}-01-01` }, `${year}-01-01`);
    await new GraphWriter(graph(), { batchSize: 50 }).write([{ source, ...b.build() }]);
    const r = await api.query('{ cut: neighborhood(id: "f-edge-cap", limit: 2) { truncated nodes { id } edges { id } } whole: neighborhood(id: "f-edge-cap", limit: 3) { truncated nodes { id } edges { id } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data!.cut.nodes).toHaveLength(2);
    expect(r.data!.cut.edges).toHaveLength(20);
    expect(r.data!.cut.truncated).toBe(true);
    expect(r.data!.whole.nodes).toHaveLength(2);
    expect(r.data!.whole.edges).toHaveLength(21);
    expect(r.data!.whole.truncated).toBe(false);
  });

  it('masks internal errors and names bad arguments', async () => {
    const r = await api.query('{ questions(filter: { submittedFrom: "yesterday" }) { totalCount } }');
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(r.errors?.[0]?.message).toMatch(/filter\.submittedFrom/);
    // The answer returned is the compiled run's: its error still points into the document.
    expect(r.errors?.[0]?.locations).toEqual([{ line: 1, column: 3 }]);
    expect(JSON.stringify(r)).not.toMatch(/stack|at .*\.ts/);
  });

  it('pages a list on by its endCursor, whatever fields each page selects, without overlap', async () => {
    const all = await api.query('{ questions(sort: SUBMITTED_ASC, first: 10) { nodes { id } } }');
    const expected = all.data!.questions.nodes.map((n: { id: string }) => n.id);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < expected.length; page++) {
      // Every other page asks for more fields: the cursor names the rows and their order, not the fields.
      const fields = page % 2 === 0 ? 'id' : 'id number subject';
      const r: GraphQLResponse = await api.query(`query($after: String) { questions(sort: SUBMITTED_ASC, first: 1, after: $after) { nodes { ${fields} } edges { cursor } pageInfo { hasNextPage endCursor } } }`, { after });
      expect(r.errors).toBeUndefined();
      const { nodes, edges, pageInfo } = r.data!.questions;
      expect(edges.map((e: { cursor: string }) => e.cursor)).toEqual([pageInfo.endCursor]);
      expect(pageInfo.endCursor).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
      seen.push(...nodes.map((n: { id: string }) => n.id));
      expect(pageInfo.hasNextPage).toBe(page < expected.length - 1);
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('refuses a cursor from another list, another filter, another sort or another parent', async () => {
    const cursorOf = async (query: string) => {
      const r = await api.query(query);
      expect(r.errors).toBeUndefined();
      return Object.values(r.data!)[0] as { pageInfo: { endCursor: string } };
    };
    const fromQuestions = (await cursorOf('{ questions(first: 1) { pageInfo { endCursor } } }')).pageInfo.endCursor;
    const fromD66 = (await cursorOf('{ questions(filter: { party: "D66" }, first: 1) { pageInfo { endCursor } } }')).pageInfo.endCursor;
    const fromParty = ((await cursorOf('{ party(id: "f-d66") { questions(first: 1) { pageInfo { endCursor } } } }')) as unknown as { questions: { pageInfo: { endCursor: string } } }).questions.pageInfo.endCursor;
    const refusals: [string, string][] = [
      ['{ motions(after: $after) { nodes { id } } }', fromQuestions],
      ['{ questions(filter: { party: "D66" }, after: $after) { nodes { id } } }', fromQuestions],
      ['{ questions(after: $after) { nodes { id } } }', fromD66],
      ['{ questions(sort: SUBMITTED_ASC, after: $after) { nodes { id } } }', fromQuestions],
      ['{ party(id: "f-vvd") { questions(after: $after) { nodes { id } } } }', fromParty],
      ['{ questions(after: $after) { nodes { id } } }', Buffer.from('o:1').toString('base64url')],
      // A cursor's length with a day past 9999-12-31.
      ['{ questions(after: $after) { nodes { id } } }', Buffer.alloc(17, 0xff).toString('base64url')],
    ];
    for (const [query, after] of refusals) {
      const r = await api.query(`query($after: String) ${query}`, { after });
      expect(r.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toBe('after must be a cursor returned by this list with the same arguments');
    }
    // The same list takes it, also with its filter's fields in another order.
    const same = await api.query('query($after: String) { party(id: "f-d66") { questions(after: $after) { nodes { id } } } }', { after: fromParty });
    expect(same.errors).toBeUndefined();
    const filtered = (await cursorOf('{ questions(filter: { party: "D66", submittedFrom: "2020-01-01" }, first: 1) { pageInfo { endCursor } } }')).pageInfo.endCursor;
    const reordered = await api.query('query($after: String) { questions(filter: { submittedFrom: "2020-01-01", party: "D66" }, after: $after) { nodes { id } } }', { after: filtered });
    expect(reordered.errors).toBeUndefined();
  });

  it('keeps a list that is as of today to the first page\'s day when the next page is asked for after midnight', async () => {
    const lists = [
      ['questions', 'questions(sort: SUBMITTED_ASC, first: 1, after: $after) { nodes { id status } pageInfo { endCursor } }'],
      ['motions', 'motions(sort: SUBMITTED_ASC, first: 1, after: $after) { nodes { id } pageInfo { endCursor } }'],
      ['a party\'s questions', 'party(id: "f-d66") { questions(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }'],
    ];
    for (const [name, list] of lists) {
      const query = `query($after: String) { ${list} }`;
      const first = await api.query(query, { after: null });
      const after = JSON.stringify(first.data).match(/"endCursor":"([^"]+)"/)?.[1];
      expect(after, name).toBeDefined();
      const expected = await api.query(query, { after });
      expect(expected.errors, name).toBeUndefined();
      vi.setSystemTime(Date.now() + 86_400_000);
      try {
        const next = await api.query(query, { after });
        expect(next.errors, name).toBeUndefined();
        expect(next.data, name).toEqual(expected.data);
      } finally {
        vi.useRealTimers();
      }
    }
  });

  it('serves /healthz, GraphiQL, exports and CORS over real HTTP', async () => {
    const server = await startServer(graph(), { ...loadConfig(), port: 0, corsOrigins: ['https://explorer.example'] });
    try {
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', neo4j: 'up' });
      const gql = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://explorer.example' },
        body: JSON.stringify({ query: '{ question(number: "2022Z04510") { number } }' }),
      });
      expect(gql.headers.get('access-control-allow-origin')).toBe('https://explorer.example');
      expect(await gql.json()).toEqual({ data: { question: { number: '2022Z04510' } } });
      const graphiql = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await graphiql.text()).toMatch(/graphiql/i);
      const gexf = await fetch(`${server.url}/export/neighborhood.gexf?id=${Q_ID}&depth=1`);
      expect(gexf.headers.get('content-type')).toMatch(/gexf/);
      expect(await gexf.text()).toContain('kv-tk-2022Z04510.xml');
      const bad = await fetch(`${server.url}/export/paths.graphml?from=${Q_ID}&to=f-d66&maxHops=20`);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ code: 'MAX_HOPS_EXCEEDED' });
      const traversal = await fetch(`${server.url}/..%2f..%2fpackage.json`);
      expect(traversal.status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('reports 503 on /healthz when Neo4j does not answer', async () => {
    const { connectGraph } = await import('../../src/neo4j/driver.js');
    const other = await connectGraph(loadConfig());
    await other.driver.close();
    const res = await createTestApi(other).get('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable', neo4j: 'down' });
  });

  it('counts questions per month and per party at the time, one query per table for a whole list of nodes', async () => {
    // Hikvision: 2022Z04403 (VVD, March), 2022Z04510 (two D66 members, March), 2022Z17000 (VVD, September).
    const r = await api.query(`{
      company(id: "hikvision") { timeline { month count } questionsPerParty { party { abbreviation } count } }
      party(id: "f-d66") { timeline { month count } companiesMentioned(first: 5) { company { id } count } }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.company).toEqual({
      timeline: [{ month: '2022-03', count: 2 }, { month: '2022-09', count: 1 }],
      questionsPerParty: [{ party: { abbreviation: 'VVD' }, count: 2 }, { party: { abbreviation: 'D66' }, count: 1 }],
    });
    expect(r.data!.party.timeline).toEqual([{ month: '2022-03', count: 1 }]);
    expect(r.data!.party.companiesMentioned.map((c: { company: { id: string }; count: number }) => [c.company.id, c.count]).sort()).toEqual([['dahua', 1], ['hikvision', 1]]);

    const counted = countingGraph(graph());
    const list = await createTestApi(counted.graph).query(`{ questions(filter: { companies: ["hikvision"] }) { nodes { mentions { entity { id ... on Company { timeline { month count } } } } } } }`);
    expect(list.errors).toBeUndefined();
    const timelines = new Map<string, unknown>();
    for (const q of list.data!.questions.nodes) for (const m of q.mentions) if (m.entity.timeline) timelines.set(m.entity.id, m.entity.timeline);
    expect(timelines.get('dahua')).toEqual([{ month: '2022-03', count: 1 }, { month: '2022-09', count: 1 }]);
    expect(timelines.get('hikvision')).toEqual([{ month: '2022-03', count: 2 }, { month: '2022-09', count: 1 }]);
    expect(counted.statements().filter((c) => c.includes('(:Company {id: id})<-[:MENTIONS]-(q:Question)'))).toHaveLength(1);
  });
});
