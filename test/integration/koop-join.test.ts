import { describe, expect, it } from 'vitest';
import { FragmentBuilder, type FragmentBody, type GraphFragment } from '../../src/model/fragment.js';
import { sha256 } from '../../src/model/ids.js';
import { readRows } from '../../src/neo4j/driver.js';
import { clearGraph } from '../../src/neo4j/schema.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { tkODataFormat } from '../../ingest/tweedekamer/odata-format.js';
import { fixtureFragment as tkFixture } from '../fixtures/tk/fixtures.js';
import { fixtureFragment } from '../support/fixture-fragment.js';
import { useGraph } from '../support/graph.js';
import { ingestRuns } from '../support/ingest-runs.js';
import { graphLines } from '../support/graph-lines.js';

const { graph } = useGraph();
const ingestable = (name: string): GraphFragment => fixtureFragment(`koop/${name}`);

function handBuilt(id: string, build: (b: FragmentBuilder) => void): GraphFragment {
  const b = new FragmentBuilder();
  build(b);
  const body: FragmentBody = b.build();
  return { source: { id: sha256(id), url: `test://${id}`, fetchedAt: '2025-10-02T00:00:00Z', parser: 'test', parserVersion: '1' }, ...body };
}

const write = (...fragments: GraphFragment[]) => new GraphWriter(graph(), { batchSize: 2000 }).write(fragments);

async function motion(koopId: string) {
  return readRows<{ n: number; id: string; number: string; title: string; provisional: boolean | null; submitters: string[]; dossiers: string[] }>(
    graph(),
    `MATCH (m:Motion {koopId: $koopId})
     OPTIONAL MATCH (p:Person)-[:SUBMITTED]->(m)
     WITH m, collect(DISTINCT p.id) AS submitters
     OPTIONAL MATCH (m)-[:PART_OF]->(d:Dossier)
     RETURN count(*) AS n, m.id AS id, m.number AS number, m.title AS title, m.provisional AS provisional, submitters, collect(DISTINCT d.id) AS dossiers`,
    { koopId },
  );
}

/** Every node and edge as sorted lines, sources as sets: which source came first is the one thing the order of ingest may change. */
const sortedGraph = () => graphLines(graph(), { asSets: ['sources'] });

describe('KOOP publications join the Tweede Kamer nodes (real Neo4j)', () => {
  it('a motion: KOOP XML first, then its zaak-documents OData file, end as one Motion node', async () => {
    await write(ingestable('motions/2025D36659.xml'));
    const before = await motion('kst-29628-1292');
    expect(before).toEqual([expect.objectContaining({ id: 'kst-29628-1292', provisional: true })]);
    await write(ingestable('zaak-documents/4ec47b25-fc09-4154-83a9-6fcc65c83d86.json'));
    const [row] = await motion('kst-29628-1292');
    expect(row).toMatchObject({ id: '4ec47b25-fc09-4154-83a9-6fcc65c83d86', number: '2025Z15858', provisional: null, dossiers: ['29628'] });
    expect(row!.submitters.length).toBeGreaterThan(0);
    const [count] = await readRows<{ c: number }>(graph(), `MATCH (m:Motion) WHERE m.koopId = 'kst-29628-1292' OR m.id IN ['kst-29628-1292', '4ec47b25-fc09-4154-83a9-6fcc65c83d86'] RETURN count(m) AS c`);
    expect(count?.c).toBe(1);
  });

  it('a motion: OData file first, then the KOOP XML, end as one Motion node with the KOOP text', async () => {
    await write(ingestable('zaak-documents/a73b3250-d957-4edb-99f6-a6cebd3e6856.json'));
    await write(ingestable('motions/2024D27368.xml'));
    const rows = await motion('kst-33997-183');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: 'a73b3250-d957-4edb-99f6-a6cebd3e6856', number: '2024Z11440', provisional: null });
    expect(rows[0]!.submitters.length).toBeGreaterThan(0);
    const [text] = await readRows<{ op: string }>(graph(), `MATCH (m:Motion {id: 'a73b3250-d957-4edb-99f6-a6cebd3e6856'}) RETURN m.operativeText AS op`);
    expect(text?.op).toMatch(/^verzoekt de regering/);
  });

  it("a motion's title is the Tweede Kamer's whichever file came first, while the KOOP text still reaches the node", async () => {
    const tkFile = ingestable('zaak-documents/a73b3250-d957-4edb-99f6-a6cebd3e6856.json');
    const koopFile = ingestable('motions/2024D27368.xml');
    const stored = async () =>
      (await readRows<{ title: string; op: string | null }>(graph(), `MATCH (m:Motion {koopId: 'kst-33997-183'}) RETURN m.title AS title, m.operativeText AS op`))[0];
    // The Tweede Kamer record describes the motion in its title; the publication heads it "MOTIE VAN HET LID PATERNOTTE C.S.".
    await write(tkFile);
    const tkTitle = (await stored())!.title;
    expect(tkTitle).toMatch(/^Motie van het lid Paternotte c\.s\. over /);
    for (const order of [[koopFile], [tkFile, koopFile], [koopFile, tkFile]]) {
      for (const f of order) await write(f);
      expect(await stored()).toEqual({ title: tkTitle, op: expect.stringMatching(/^verzoekt de regering/) });
    }
    // A property the Tweede Kamer record does not give is the publication's, and a new reading of it lands.
    const reread = { ...koopFile, nodes: koopFile.nodes.map((n) => (n.props.koopId === 'kst-33997-183' ? { ...n, props: { ...n.props, operativeText: 'verzoekt de regering, gelezen opnieuw' } } : n)) };
    await write(reread);
    expect(await stored()).toEqual({ title: tkTitle, op: 'verzoekt de regering, gelezen opnieuw' });
  });

  it('the seed question, its answer, the notice and the metadata join the Tweede Kamer cases, and a rerun changes nothing', async () => {
    const koop = ['kv-tk-2022Z04510.xml', 'ah-tk-20212022-3019.xml', 'ah-tk-20212022-2273.xml', 'kv-tk-2022Z04510/metadata.xml'].map(ingestable);
    await write(...koop);
    // The Tweede Kamer side as its parser emits it: Question id = Zaak Id, number = Zaak Nummer (FACTS.md).
    const tk = handBuilt('tk-zaken', (b) => {
      b.node('Question', '65c74760-dec5-43ae-a544-1f994a6154a9', { number: '2022Z04510', submittedAt: '2022-03-10' });
      b.node('Question', '925ae374-9852-4335-9051-4832e2199fca', { number: '2022Z04403', submittedAt: '2022-03-09' });
    });
    await write(tk);
    const snapshot = () =>
      readRows(
        graph(),
        `MATCH (q:Question) WHERE q.number IN ['2022Z04510', '2022Z04403']
         OPTIONAL MATCH (q)-[r]-(o)
         RETURN q.id AS id, q.number AS number, q.subQuestionCount AS subs, type(r) AS type, labels(o)[0] AS other, o.id AS otherId
         ORDER BY id, type, otherId`,
      );
    const rows = await snapshot();
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(['65c74760-dec5-43ae-a544-1f994a6154a9', '925ae374-9852-4335-9051-4832e2199fca']));
    const of = (id: string, type: string) => rows.filter((r) => r.id === id && r.type === type).map((r) => r.otherId);
    const seed = '65c74760-dec5-43ae-a544-1f994a6154a9';
    expect(rows.find((r) => r.id === seed)?.subs).toBe(15);
    expect(of(seed, 'ASKED').sort()).toEqual(['name:dekker-abdulaziz', 'name:van-ginneken']);
    expect(of(seed, 'ADDRESSED_TO')).toHaveLength(2);
    expect(of(seed, 'ANSWERS')).toEqual(['ah-tk-20212022-3019']);
    expect(of(seed, 'SUPPLEMENTS')).toEqual(['925ae374-9852-4335-9051-4832e2199fca']);
    expect(of('925ae374-9852-4335-9051-4832e2199fca', 'POSTPONES')).toEqual(['ah-tk-20212022-2273']);
    const [cited] = await readRows(graph(), `MATCH (:Question {id: $seed})-[r:REFERS_TO]->(m:Motion) RETURN m.koopId AS koopId, r.citation AS citation, m.stub AS stub`, { seed });
    expect(cited).toEqual({ koopId: 'kst-30821-90', citation: 'motie Buitenweg en Verhoeven (30821–90)', stub: true });
    const [article] = await readRows(graph(), `MATCH (:Question {id: $seed})-[c:CITES]->(a:Article)-[:PUBLISHED_BY]->(p:Publisher) RETURN a.id AS url, a.publishedAt AS date, p.name AS publisher`, { seed });
    expect(article).toEqual({ url: 'https://ftm.nl/artikelen/de-ogen-van-chinees-staatsbedrijf-hikvision-zijn-overal', date: '2022-02-08', publisher: 'Follow the Money' });

    await write(...koop, tk);
    expect(await snapshot()).toEqual(rows);
  });

  it('a motion the Kamer first lists without its text: one node in either order, the KOOP stand-in absorbed once the text names its KOOP id', async () => {
    // The expanded Zaak list gives motion 2025Z18402 with its Document but not the document's version, so no KOOP id;
    // its zaak-documents file gives kst-31839-1101, which the publication 2025D42918 is.
    const listed = tkFixture(tkODataFormat, 'odata/zaak-motie-zaakactor-document.json.gz', '2025-10-01T00:00:00Z');
    const withText = ingestable('zaak-documents/1994be9f-335a-44a1-9e1e-5cbfb4c32094.json');
    const publication = ingestable('motions/2025D42918.xml');
    const graphAfter = async (order: GraphFragment[]) => {
      await clearGraph(graph());
      for (const f of order) await write(f);
      return sortedGraph();
    };
    const koopFirst = await graphAfter([publication, listed, withText]);
    const [row] = await motion('kst-31839-1101');
    expect(row).toMatchObject({ n: 1, id: '1994be9f-335a-44a1-9e1e-5cbfb4c32094', number: '2025Z18402', provisional: null, dossiers: ['31839'] });
    expect(row!.submitters).toContain('name:bruyning');
    const left = await readRows(
      graph(),
      `MATCH (m:Motion) WHERE m.id = 'kst-31839-1101' OR EXISTS { (m)-[:SAME_AS]-() } RETURN m.id AS id`,
    );
    expect(left).toEqual([]);
    expect(await graphAfter([listed, withText, publication])).toEqual(koopFirst);
  });
});

describe('a mention in a motion title both sources give (real Neo4j, real files, the whole ingest)', () => {
  const PERSONS = 'test/fixtures/tk/odata/active_members_detailed.json.gz';
  const TK = 'test/fixtures/koop/zaak-documents/a73b3250-d957-4edb-99f6-a6cebd3e6856.json';
  const KOOP = 'test/fixtures/koop/motions/2024D27368.xml';

  /** The title mentions of motion kst-33997-183 after ingesting each group of files in its own run, into an empty graph. */
  async function titleMentions(...runs: string[][]) {
    await ingestRuns(graph(), ...runs);
    return readRows<{ title: string; person: string; matched: string; snippet: string; start: number }>(
      graph(),
      `MATCH (m:Motion {koopId: 'kst-33997-183'})-[r:MENTIONS {key: 'title'}]->(p:Person)
       RETURN m.title AS title, p.name AS person, r.matched AS matched, r.snippet AS snippet, r.start AS start ORDER BY person`,
    );
  }

  it("keeps the mention found in the Kamer's title, which the motion keeps, whichever file came last", async () => {
    const tkLast = await titleMentions([PERSONS], [KOOP], [TK]);
    const koopLast = await titleMentions([PERSONS], [TK], [KOOP]);
    expect(koopLast).toEqual(tkLast);
    const paternotte = tkLast.find((m) => /Paternotte/.test(m.person));
    expect(paternotte).toBeDefined();
    // The snippet and offset point into the stored title ("Motie van het lid Paternotte c.s. over …"), not the publication's heading.
    expect(paternotte!.title).toContain(paternotte!.snippet.replace(/^…|…$/g, ''));
    expect(paternotte!.title.slice(paternotte!.start, paternotte!.start + paternotte!.matched.length)).toBe(paternotte!.matched);
  });
});
