import { describe, expect, it } from 'vitest';
import { FragmentBuilder } from '../../src/model/fragment.js';
import { tkODataFormat } from '../../ingest/tweedekamer/odata-format.js';
import { tkSyncFeedFormat } from '../../ingest/tweedekamer/syncfeed-format.js';
import { fixtureJson, parseFixture } from '../fixtures/tk/fixtures.js';

/**
 * Which row a record is: its Id (a GUID, in whatever case the source writes it) and, for a row seen
 * twice, its newest version. Built from real rows of the fixtures.
 */
type Page = { '@odata.context': string; value: Record<string, unknown>[] };
const parseJson = (json: unknown) => tkODataFormat.parse({ bytes: Buffer.from(JSON.stringify(json)), url: 'test.json' });
const ZAKEN = fixtureJson<Page>('odata/zaak_page_260.json.gz');
const QUESTION = ZAKEN.value.find((r) => r.Nummer === '2022Z04510')!;
const VOTES = fixtureJson<Page>('odata/stemming_page_1.json.gz');
const NS = 'xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0" xmlns:tk="http://www.tweedekamer.nl/xsd/tkData/v1-0"';
const feed = (entity: string) =>
  tkSyncFeedFormat.parse({
    bytes: Buffer.from(
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="application/xml">${entity}</content></entry></feed>`,
    ),
    url: 'feed.xml',
  });

describe('the same row twice in one document', () => {
  it('keeps the newest copy of a Zaak, whichever comes first', () => {
    const newer = { ...QUESTION, GewijzigdOp: '2024-05-01T10:00:00+02:00' };
    const older = { ...QUESTION, GewijzigdOp: '2020-01-01T10:00:00+01:00', Onderwerp: 'Een oudere versie', Afgedaan: false };
    for (const value of [
      [newer, older],
      [older, newer],
    ]) {
      const q = parseJson({ ...ZAKEN, value }).body.nodes.filter((n) => n.id === QUESTION.Id);
      expect(q).toHaveLength(1);
      expect(q[0]!.version).toBe('2024-05-01T08:00:00.000Z');
      expect(q[0]!.props).toMatchObject({ subject: QUESTION.Onderwerp, closed: true });
    }
  });

  it('keeps the newest copy of a vote, and of a deletion', () => {
    const row = VOTES.value[0]!;
    const newer = { ...row, Soort: 'Voor', GewijzigdOp: '2024-12-01T10:00:00+01:00' };
    const edges = parseJson({ ...VOTES, value: [newer, row] }).body.edges.filter((e) => e.key === row.Id);
    expect(edges.map((e) => [e.props.choice, e.version])).toEqual([['for', '2024-12-01T09:00:00.000Z']]);
    const gone = { ...row, Verwijderd: true };
    const tombstones = parseJson({ ...VOTES, value: [{ ...gone, GewijzigdOp: '2025-01-01T10:00:00+01:00' }, gone] }).body.tombstones;
    expect(tombstones).toEqual([{ edges: ['VOTED'], id: row.Id, version: '2025-01-01T09:00:00.000Z' }]);
  });

  it('lets an older statement fill only what the newer one left out, in the builder', () => {
    const b = new FragmentBuilder();
    b.node('Question', 'q', { subject: 'new' }, { version: '2024-05-01T00:00:00.000Z' });
    b.node('Question', 'q', { subject: 'old', title: 'only in the old copy' }, { version: '2020-01-01T00:00:00.000Z' });
    b.node('Question', 'q', { koopId: 'kv-tk-1' });
    expect(b.build().nodes).toEqual([
      {
        label: 'Question',
        id: 'q',
        props: { subject: 'new', title: 'only in the old copy', koopId: 'kv-tk-1' },
        version: '2024-05-01T00:00:00.000Z',
      },
    ]);
  });
});

describe('GUIDs in capitals', () => {
  it('are the same Zaak, vote and refs as in lower case', () => {
    const upper = (s: unknown) => String(s).toUpperCase();
    const q = parseJson({ ...ZAKEN, value: [{ ...QUESTION, Id: upper(QUESTION.Id) }] }).body.nodes;
    expect(q.map((n) => [n.label, n.id])).toEqual([['Question', QUESTION.Id]]);
    const row = VOTES.value[0]!;
    const vote = parseJson({
      ...VOTES,
      value: [{ ...row, Id: upper(row.Id), Besluit_Id: upper(row.Besluit_Id), Fractie_Id: upper(row.Fractie_Id) }],
    }).body.edges;
    expect(vote.map((e) => [e.type, e.from.value, e.to.value, e.key])).toEqual([['VOTED', row.Fractie_Id, row.Besluit_Id, row.Id]]);
    const sync = feed(
      `<stemming ${NS} id="${upper(row.Id)}" tk:bijgewerkt="2024-10-16T09:34:18.673" tk:verwijderd="false"><besluit ref="${upper(row.Besluit_Id)}"/><fractie ref="${upper(row.Fractie_Id)}"/><soort>Tegen</soort></stemming>`,
    );
    expect(sync.body.edges.map((e) => [e.type, e.from.value, e.to.value, e.key])).toEqual([
      ['VOTED', row.Fractie_Id, row.Besluit_Id, row.Id],
    ]);
  });

  it('detect a saved bare entity as OData', () => {
    const text = JSON.stringify({ ...QUESTION, Id: String(QUESTION.Id).toUpperCase() });
    expect(tkODataFormat.detect({ bytes: Buffer.from(text), url: 'zaak.json' }, text)).toBe(true);
    expect(parseJson(JSON.parse(text)).body.nodes.map((n) => n.id)).toEqual([QUESTION.Id]);
  });
});

describe('deleted rows of entities stored as edges', () => {
  it('delete their record by Id, with null foreign keys (OData) or no children (SyncFeed)', () => {
    const row = VOTES.value[0]!;
    const odata = parseJson({
      ...VOTES,
      value: [{ ...row, Besluit_Id: null, Fractie_Id: null, Persoon_Id: null, Verwijderd: true, GewijzigdOp: '2024-12-01T10:00:00+01:00' }],
    });
    const sync = feed(`<stemming ${NS} id="${String(row.Id)}" tk:bijgewerkt="2024-12-01T09:00:00" tk:verwijderd="true"/>`);
    for (const { body } of [odata, sync]) {
      expect(body.edges).toEqual([]);
      expect(body.tombstones).toEqual([{ edges: ['VOTED'], id: row.Id, version: '2024-12-01T09:00:00.000Z' }]);
    }
    const actor = fixtureJson<Page>('odata/zaakactor_page_motions.json').value[1]!;
    const gone = parseJson({
      '@odata.context': 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#ZaakActor',
      value: [{ ...actor, Verwijderd: true }],
    });
    expect(gone.body.tombstones).toEqual([
      { edges: ['ASKED', 'SUBMITTED', 'ADDRESSED_TO'], id: actor.Id, version: '2025-10-02T15:50:51.313Z' },
    ]);
    const seat = fixtureJson<Page>('odata/fractiezetelpersoon_active_members.json');
    const left = parseJson({ ...seat, value: [{ ...seat.value[0]!, Verwijderd: true }] });
    expect(left.body.tombstones).toEqual([{ edges: ['MEMBER_OF'], id: seat.value[0]!.Id, version: expect.any(String) }]);
  });
});

describe('a ZaakActor page (rows of their own, naming their case by Zaak_Id)', () => {
  it('states each submitter of a case known by id only, as SUBMITTED to a motion or ASKED of a question', () => {
    const rows = fixtureJson<Page>('odata/zaakactor_page_motions.json').value;
    const { body, rejected } = parseFixture(tkODataFormat, 'odata/zaakactor_page_motions.json');
    expect(rejected).toEqual([]);
    const submitters = rows.filter((r) => r.Relatie === 'Indiener' || r.Relatie === 'Medeindiener');
    expect(submitters.length).toBeGreaterThan(3);
    const edges = body.edges.filter((e) => e.type === 'SUBMITTED');
    expect(edges.map((e) => [e.from.value, e.to.value, e.props.role, e.record])).toEqual(
      submitters.map((r) => [r.Persoon_Id, r.Zaak_Id, r.Relatie, r.Id]),
    );
    for (const e of edges)
      expect(e.kindOf).toEqual({
        end: 'to',
        choices: [
          { type: 'SUBMITTED', label: 'Motion' },
          { type: 'ASKED', label: 'Question' },
        ],
      });
  });
});
