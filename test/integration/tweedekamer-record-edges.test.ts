import { describe, expect, it } from 'vitest';
import type { GraphFragment } from '../../src/model/fragment.js';
import { sha256 } from '../../src/model/ids.js';
import { readRows } from '../../src/neo4j/driver.js';
import { clearGraph } from '../../src/neo4j/schema.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { fixtureBytes, fixtureJson } from '../fixtures/tk/fixtures.js';
import { bytesFragment } from '../support/fixture-fragment.js';
import { useGraph } from '../support/graph.js';

/**
 * Entities the graph stores as edges (a Stemming as VOTED, a ZaakActor as SUBMITTED or ASKED, a
 * FractieZetelPersoon as MEMBER_OF), fed as the sources send them: deleted rows that name neither
 * end, and ZaakActor rows of their own that name their case only by Zaak_Id. Real rows of the fixtures.
 */
const { graph } = useGraph();

type Page = { '@odata.context': string; value: Record<string, unknown>[] };
const ODATA = 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#';
const NS = 'xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0" xmlns:tk="http://www.tweedekamer.nl/xsd/tkData/v1-0"';

/** A document (bytes as the source sends them) parsed by the format that claims it, as a fragment. */
const fragmentOf = (bytes: Buffer) => bytesFragment(bytes, `test://record-edges/${sha256(bytes)}`, '2025-10-05T00:00:00Z');
const page = (entity: string, value: Record<string, unknown>[]) =>
  fragmentOf(Buffer.from(JSON.stringify({ '@odata.context': `${ODATA}${entity}`, value })));
const feed = (entity: string) =>
  fragmentOf(
    Buffer.from(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="application/xml">${entity}</content></entry></feed>`),
  );
const fixture = (name: string) => fragmentOf(fixtureBytes(name));
const write = (...fragments: GraphFragment[]) => new GraphWriter(graph(), { batchSize: 500 }).write(fragments);

const VOTES = fixtureJson<Page>('odata/stemming_page_1.json.gz').value;
const ACTORS = fixtureJson<Page>('odata/zaakactor_page_motions.json').value;
const ZAKEN = fixtureJson<Page>('odata/zaak_page_motions.json').value;
const SUBMITTERS = ACTORS.filter((r) => r.Relatie === 'Indiener' || r.Relatie === 'Medeindiener');

const votes = (ids: unknown[]) =>
  readRows<{ key: string; choice: string }>(
    graph(),
    'MATCH ()-[r:VOTED]->() WHERE r.key IN $ids RETURN r.key AS key, r.choice AS choice ORDER BY key',
    { ids },
  );
const submitted = () =>
  readRows<{ person: string; motion: string; role: string }>(
    graph(),
    'MATCH (p:Person)-[r:SUBMITTED]->(m:Motion) WHERE m.id IN $ids RETURN p.id AS person, m.id AS motion, r.role AS role ORDER BY motion, person',
    { ids: ZAKEN.map((z) => z.Id) },
  );
const submitter = (r: Record<string, unknown>) => ({ person: r.Persoon_Id, motion: r.Zaak_Id, role: r.Relatie });
const expectedSubmitters = SUBMITTERS.map(submitter).sort((a, b) => `${a.motion} ${a.person}`.localeCompare(`${b.motion} ${b.person}`));

describe('a deleted row of an entity stored as an edge (real Neo4j)', () => {
  it('removes the vote by the Stemming Id: an OData row with null foreign keys, a SyncFeed entry without children; not an older deletion', async () => {
    await clearGraph(graph());
    await write(fixture('odata/stemming_page_1.json.gz'));
    const [a, b] = [VOTES[0]!, VOTES[1]!];
    expect(await votes([a.Id, b.Id])).toHaveLength(2);
    const deleted = (row: Record<string, unknown>, at: string) => ({
      ...row,
      Besluit_Id: null,
      Persoon_Id: null,
      Fractie_Id: null,
      Verwijderd: true,
      GewijzigdOp: at,
    });

    // Older than the vote (2024-10-16): the vote stays.
    const stats = await write(page('Stemming', [deleted(a, '2024-01-01T10:00:00+01:00')]));
    expect(stats.tombstones).toBe(1);
    expect(await votes([a.Id])).toHaveLength(1);
    await write(page('Stemming', [deleted(a, '2024-12-01T10:00:00+01:00')]));
    expect(await votes([a.Id])).toEqual([]);
    // The documented SyncFeed deletion: tk:verwijderd="true", a newer bijgewerkt, no children.
    await write(feed(`<stemming ${NS} id="${String(b.Id)}" tk:bijgewerkt="2024-12-01T09:00:00" tk:verwijderd="true"/>`));
    expect(await votes([b.Id])).toEqual([]);

    // The page stating them, replayed after the deletions, does not bring them back; a newer statement does.
    await write(fixture('odata/stemming_page_1.json.gz'));
    expect(await votes([a.Id, b.Id])).toEqual([]);
    await write(page('Stemming', [{ ...a, Soort: 'Voor', GewijzigdOp: '2025-01-01T10:00:00+01:00' }]));
    expect(await votes([a.Id, b.Id])).toEqual([{ key: a.Id, choice: 'for' }]);
  });

  it('removes a submitter by the ZaakActor Id, keeping the others', async () => {
    await clearGraph(graph());
    // The actors nested in their motions, as the expanded page has them.
    await write(fixture('odata/zaak-motie-zaakactor-document.json.gz'));
    expect(await submitted()).toEqual(expectedSubmitters);
    const [gone, goneToo] = SUBMITTERS.filter((r) => r.Relatie === 'Medeindiener');
    await write(
      page('ZaakActor', [
        { ...gone!, Zaak_Id: null, Persoon_Id: null, Fractie_Id: null, Verwijderd: true, GewijzigdOp: '2025-11-01T10:00:00+01:00' },
      ]),
    );
    await write(feed(`<zaakActor ${NS} id="${String(goneToo!.Id)}" tk:bijgewerkt="2025-11-01T09:00:00" tk:verwijderd="true"/>`));
    const left = expectedSubmitters.filter((s) => ![gone, goneToo].some((g) => g!.Persoon_Id === s.person && g!.Zaak_Id === s.motion));
    expect(left).toHaveLength(expectedSubmitters.length - 2);
    expect(await submitted()).toEqual(left);
    // Their rows replayed (older than their deletion), nested or on a page of their own, do not bring them back.
    await write(fixture('odata/zaak-motie-zaakactor-document.json.gz'), fixture('odata/zaakactor_page_motions.json'));
    expect(await submitted()).toEqual(left);
  });

  it('removes a seat (MEMBER_OF) by the FractieZetelPersoon Id', async () => {
    await clearGraph(graph());
    // A real FractieZetelPersoon row (its page was $select-ed without foreign keys), with its person and seat filled in.
    const seat = fixtureJson<Page>('odata/fractiezetelpersoon_active_members.json').value[0]!;
    const person = '2aeb5ca9-f64f-4ec6-a0ce-83223bff4772';
    const party = '0208097d-ef04-438a-8c29-eebb84956204';
    const withKeys = { ...seat, Persoon_Id: person, FractieZetel: { Id: '11111111-2222-4333-8444-555555555555', Fractie_Id: party } };
    await write(page('FractieZetelPersoon', [withKeys]));
    const seats = () =>
      readRows(graph(), 'MATCH (:Person {id: $person})-[r:MEMBER_OF {key: $key}]->(:Party {id: $party}) RETURN r.function AS function', {
        person,
        party,
        key: seat.Id,
      });
    expect(await seats()).toEqual([{ function: seat.Functie }]);
    await write(page('FractieZetelPersoon', [{ ...seat, Verwijderd: true, GewijzigdOp: '2030-01-01T00:00:00+01:00' }]));
    expect(await seats()).toEqual([]);
  });
});

describe('a ZaakActor page, its cases named only by Zaak_Id (real Neo4j)', () => {
  const pending = async () => (await readRows<{ n: number }>(graph(), 'MATCH (p:PendingEdge) RETURN count(p) AS n'))[0]!.n;
  const otherLabels = () =>
    readRows(graph(), 'MATCH (n) WHERE n.id IN $ids AND NOT n:Motion RETURN labels(n) AS labels, n.id AS id', {
      ids: ZAKEN.map((z) => z.Id),
    });

  /** An emptied graph given the actor page alone: every submitter waits for its case. */
  const actorsAlone = async () => {
    await clearGraph(graph());
    await write(fixture('odata/zaakactor_page_motions.json'));
    expect(await submitted()).toEqual([]);
    expect(await pending()).toBe(SUBMITTERS.length);
  };

  it('submits the motions when the actors come first, and the cases later', async () => {
    await actorsAlone();
    await write(fixture('odata/zaak_page_motions.json'));
    expect(await submitted()).toEqual(expectedSubmitters);
    expect(await pending()).toBe(0);
    expect(await otherLabels()).toEqual([]);
  });

  it('submits the motions when the cases come first, and the actors later, once however often they come', async () => {
    await clearGraph(graph());
    await write(fixture('odata/zaak_page_motions.json'));
    await write(fixture('odata/zaakactor_page_motions.json'));
    expect(await submitted()).toEqual(expectedSubmitters);
    await write(fixture('odata/zaakactor_page_motions.json'), fixture('odata/zaak_page_motions.json'));
    expect(await submitted()).toEqual(expectedSubmitters);
    expect(await pending()).toBe(0);
    expect(await otherLabels()).toEqual([]);
  });

  it('drops the edges waiting for a case that turns out neither a motion nor a written question', async () => {
    await actorsAlone();
    // The same real Zaak rows as cases of another kind: a Case node each, nothing to submit or ask.
    await write(page('Zaak', ZAKEN.map((z) => ({ ...z, Soort: 'Brief regering' }))));
    expect(await pending()).toBe(0);
    expect(await readRows(graph(), 'MATCH ()-[r:SUBMITTED|ASKED]->() RETURN r')).toEqual([]);
    expect((await readRows<{ n: number }>(graph(), 'MATCH (c:Case) WHERE c.id IN $ids RETURN count(c) AS n', { ids: ZAKEN.map((z) => z.Id) }))[0]!.n).toBe(ZAKEN.length);
  });

  it('asks a written question when the case is one', async () => {
    await clearGraph(graph());
    // The same actor rows, named against written question 2022Z04510 (its real Zaak row).
    const question = fixtureJson<Page>('odata/zaak_page_260.json.gz').value.find((r) => r.Nummer === '2022Z04510')!;
    await write(
      page(
        'ZaakActor',
        SUBMITTERS.slice(0, 2).map((r) => ({ ...r, Zaak_Id: question.Id })),
      ),
    );
    await write(page('Zaak', [question]));
    const asked = await readRows(
      graph(),
      'MATCH (p:Person)-[r:ASKED]->(q:Question {id: $id}) RETURN p.id AS person, r.role AS role ORDER BY person',
      { id: question.Id },
    );
    expect(asked).toEqual(
      SUBMITTERS.slice(0, 2)
        .map((r) => ({ person: r.Persoon_Id, role: r.Relatie }))
        .sort((x, y) => String(x.person).localeCompare(String(y.person))),
    );
    expect(await readRows(graph(), 'MATCH ()-[r:SUBMITTED]->() RETURN r')).toEqual([]);
  });
});
