import { describe, expect, it } from 'vitest';
import { ParseError } from '../../ingest/pipeline/format.js';
import { tkODataFormat } from '../../ingest/tweedekamer/odata-format.js';
import { fixtureJson, parseFixture } from '../fixtures/tk/fixtures.js';

const parse = (json: unknown) => tkODataFormat.parse({ bytes: Buffer.from(JSON.stringify(json)), url: 'test.json' });
const CONTEXT = 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#Zaak';

describe('tk-odata on real pages', () => {
  it('leaves aside an unknown column holding an object that is no entity, and still rejects an expanded entity without an Id', () => {
    const rows = fixtureJson<{ value: Record<string, unknown>[] }>('odata/zaak_page_260.json.gz').value.slice(0, 3);
    const extra = parse({ '@odata.context': CONTEXT, value: rows.map((r) => ({ ...r, Extra: { a: 1 }, Lijst: [{ b: 2 }] })) });
    expect(extra.rejected).toEqual([]);
    expect(extra.records).toBe(3);
    const actor = parse({ '@odata.context': CONTEXT, value: [{ ...rows[0], ZaakActor: [{ Relatie: 'Indiener' }] }] });
    expect(actor.rejected).toEqual([{ where: 'row 1 › ZaakActor 1', reason: 'no Id (ZaakActor)' }]);
  });

  it('reads a page saved without its @odata.context by what its rows tell, as with it; a page whose rows tell nothing is refused, saying why', () => {
    for (const [page, entitySet] of [
      ['odata/zaak_page_260.json.gz', 'Zaak'],
      ['odata/fractie_page_1.json', 'Fractie'],
      ['odata/stemming_page_1.json.gz', 'Stemming'],
    ] as const) {
      const { value } = fixtureJson<{ value: unknown[] }>(page);
      const withContext = parse({ '@odata.context': `https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#${entitySet}`, value });
      expect(withContext.records, page).toBeGreaterThan(0);
      expect(parse({ value }), page).toEqual(withContext);
    }
    expect(() => parse({ value: [{ Id: 'x', Naam: 'y' }] })).toThrow(/without @odata.context whose rows tell no Tweede Kamer entity set/);
  });

  it('rejects a row that is not an object on its own and reads the rest of the page', () => {
    const rows = fixtureJson<{ value: { Id: string }[] }>('odata/zaak_page_260.json.gz').value.slice(0, 3);
    const { body, records, rejected } = parse({ '@odata.context': CONTEXT, value: [rows[0], null, rows[1], 'x', rows[2]] });
    expect(rejected).toEqual([
      { where: 'row 2', reason: 'not an object but null' },
      { where: 'row 4', reason: 'not an object but string' },
    ]);
    expect(records).toBe(3);
    for (const row of rows) expect(body.nodes.some((n) => n.id === row.Id)).toBe(true);
  });

  it('reads the Zaak page with 2022Z04510 as a Question, every row counted', () => {
    const { body, records, rejected } = parseFixture(tkODataFormat, 'odata/zaak_page_260.json.gz');
    const rows = fixtureJson<{ value: { Soort: string | null; Verwijderd: boolean }[] }>('odata/zaak_page_260.json.gz').value;
    expect(records).toBe(rows.length);
    expect(rejected).toEqual([]);
    const q = body.nodes.find((n) => n.id === '65c74760-dec5-43ae-a544-1f994a6154a9');
    expect(q).toEqual({
      label: 'Question',
      id: '65c74760-dec5-43ae-a544-1f994a6154a9',
      props: {
        number: '2022Z04510',
        subject: 'Het gebruik van omstreden Chinese bewakingscamera’s door de Nederlandse overheid en politie',
        submittedAt: '2022-03-10',
        parliamentaryYear: '2021-2022',
        closed: true,
        tkStatus: 'Vrijgegeven',
      },
      version: '2024-02-19T09:59:02.367Z',
    });
    const questions = rows.filter((r) => r.Soort === 'Schriftelijke vragen' && !r.Verwijderd).length;
    expect(body.nodes.filter((n) => n.label === 'Question')).toHaveLength(questions);
    const other = body.nodes.find((n) => n.label === 'Case');
    expect(other?.props.kind).toEqual(expect.any(String));
  });

  it('maps Persoon rows to people with name, particles and dates', () => {
    const { body } = parseFixture(tkODataFormat, 'odata/active_members_detailed.json.gz');
    const rows = fixtureJson<{ value: Record<string, string | null>[] }>('odata/active_members_detailed.json.gz').value;
    const row = rows.find((r) => r.Tussenvoegsel)!;
    const person = body.nodes.find((n) => n.id === row.Id)!;
    expect(person.label).toBe('Person');
    expect(person.props.surname).toBe(`${row.Tussenvoegsel} ${row.Achternaam}`);
    expect(person.props.name).toBe(`${row.Roepnaam} ${row.Tussenvoegsel} ${row.Achternaam}`);
    expect(person.props.birthDate).toBe(row.Geboortedatum?.slice(0, 10));
    expect(body.nodes.filter((n) => n.label === 'Person')).toHaveLength(rows.length);
  });

  it('maps Fractie rows to parties and FractieZetelPersoon without foreign keys to nothing invented', () => {
    const parties = parseFixture(tkODataFormat, 'odata/fractie_page_1.json').body.nodes;
    expect(parties.find((n) => n.id === '4e9f6f5b-2544-4667-8134-6b85c4ebb4e0')?.props).toMatchObject({ abbreviation: 'D66', name: 'Democraten 66' });
    const seats = parseFixture(tkODataFormat, 'odata/fractiezetelpersoon_active_members.json');
    expect(seats.records).toBe(150);
    expect(seats.rejected).toEqual([]);
    expect(seats.body.edges).toEqual([]);
    expect(seats.body.nodes).toEqual([]);
  });

  it('maps Besluit rows to decisions with an outcome and deleted rows to tombstones', () => {
    const { body } = parseFixture(tkODataFormat, 'odata/besluit_page_305.json.gz');
    const rows = fixtureJson<{ value: { Verwijderd: boolean; BesluitSoort: string | null }[] }>('odata/besluit_page_305.json.gz').value;
    expect(body.tombstones).toHaveLength(rows.filter((r) => r.Verwijderd).length);
    expect(body.nodes.filter((n) => n.label === 'Decision')).toHaveLength(rows.filter((r) => !r.Verwijderd).length);
    const adopted = body.nodes.find((n) => n.props.kind === 'Stemmen - aangenomen');
    expect(adopted?.props.outcome).toBe('adopted');
  });

  it('turns show-of-hands Stemming rows into VOTED edges from the party', () => {
    const { body } = parseFixture(tkODataFormat, 'odata/stemming_page_1.json.gz');
    const rows = fixtureJson<{ value: Record<string, unknown>[] }>('odata/stemming_page_1.json.gz').value;
    const live = rows.filter((r) => !r.Verwijderd && r.Besluit_Id && (r.Persoon_Id || r.Fractie_Id));
    const voted = body.edges.filter((e) => e.type === 'VOTED');
    expect(voted).toHaveLength(live.length);
    const party = voted.find((e) => e.from.label === 'Party')!;
    const row = rows.find((r) => r.Id === party.key)!;
    expect(party.props).toMatchObject({ rawChoice: row.Soort, seats: row.FractieGrootte, mistaken: row.Vergissing });
    expect(party.props).not.toHaveProperty('deleted');
    expect(party.to).toEqual({ label: 'Decision', key: 'id', value: row.Besluit_Id });
  });

  it('maps answers and postponements with their KOOP ids', () => {
    const { body } = parseFixture(tkODataFormat, 'odata/document_page_126.json.gz');
    const answer = body.nodes.find((n) => n.id === 'f94ab98f-8b1f-44b4-b104-e269b2631eb5')!;
    expect(answer).toMatchObject({ label: 'Answer', props: { koopId: 'ah-tk-20242025-2017', later: false } });
    expect(body.nodes.filter((n) => n.label === 'Postponement').length).toBeGreaterThan(0);
    expect(body.tombstones.length).toBeGreaterThan(0);
  });

  it('reads the expanded motions: submitters with role and party, observed memberships, motion documents', () => {
    const { body, rejected } = parseFixture(tkODataFormat, 'odata/zaak-motie-zaakactor-document.json.gz');
    const zaken = fixtureJson<{ value: { ZaakActor: { Relatie: string; Persoon_Id: string | null }[] }[] }>('odata/zaak-motie-zaakactor-document.json.gz').value;
    const submitters = zaken.flatMap((z) => z.ZaakActor).filter((a) => ['Indiener', 'Medeindiener'].includes(a.Relatie) && a.Persoon_Id);
    expect(rejected).toEqual([]);
    const submitted = body.edges.filter((e) => e.type === 'SUBMITTED');
    expect(submitted).toHaveLength(submitters.length);
    expect(submitted[0]!.props).toMatchObject({ role: 'Indiener', party: expect.any(String) });
    expect(body.edges.some((e) => e.type === 'MEMBER_OF' && typeof e.props.observedAt === 'string')).toBe(true);
    expect(body.nodes.filter((n) => n.label === 'Motion')).toHaveLength(zaken.length);
    expect(body.nodes.find((n) => n.label === 'Motion')?.props.documentNumber).toEqual(expect.stringMatching(/^\d{4}D\d+$/));
  });

  it('reads the roll-call decision: one VOTED edge per vote from the person', () => {
    const { body, records } = parseFixture(tkODataFormat, 'odata/comprehensive_motion_93c64c34_20251002_192415.json.gz');
    const votes = fixtureJson<{ votes: { Id: string; Soort: string }[] }>('odata/comprehensive_motion_93c64c34_20251002_192415.json.gz').votes;
    const voted = body.edges.filter((e) => e.type === 'VOTED');
    expect(voted).toHaveLength(votes.length);
    expect(voted.every((e) => e.from.label === 'Person')).toBe(true);
    expect(voted.filter((e) => e.props.choice === 'for')).toHaveLength(votes.filter((v) => v.Soort === 'Voor').length);
    expect(body.nodes.find((n) => n.label === 'Decision')?.props).toMatchObject({ outcome: 'rejected', votingKind: 'Hoofdelijk' });
    expect(records).toBeGreaterThan(votes.length);
  });

  it('joins a motion case to its KOOP publication (kst id, dossier, ondernummer)', () => {
    const { body } = parseFixture(tkODataFormat, 'odata/007e5f69-7260-4ef8-b981-66f42b1b0e32.json');
    const motion = body.nodes.find((n) => n.label === 'Motion')!;
    const doc = fixtureJson('odata/007e5f69-7260-4ef8-b981-66f42b1b0e32.json').Document[0];
    const kst: string = doc.HuidigeDocumentVersie.ExterneIdentifier;
    expect(motion.props).toMatchObject({ number: '2024Z09882', koopId: kst, dossier: kst.split('-')[1], documentNumber: doc.DocumentNummer });
    expect(body.edges).toContainEqual(expect.objectContaining({ type: 'PART_OF', to: { label: 'Dossier', key: 'id', value: kst.split('-')[1] } }));
    const bare = parseFixture(tkODataFormat, 'odata/f81f29cc-b445-468b-9e98-40a8e0c85ea4.json').body.nodes[0]!;
    expect(bare.props.koopId).toBeUndefined();
  });
});

describe('tk-odata motion titles', () => {
  it("keeps the Zaak Titel (the dossier's title) apart from the motion's own title", () => {
    const { body } = parseFixture(tkODataFormat, 'odata/007e5f69-7260-4ef8-b981-66f42b1b0e32.json');
    const motion = body.nodes.find((n) => n.label === 'Motion')!;
    expect(motion.props.dossierTitle).toBe('Luchtvaartbeleid');
    expect(motion.props.title).toMatch(/^Motie van het lid Boutkan over het sectorplan/);
  });

  it('gives every expanded motion its own title ("Motie van …"), never the dossier title', () => {
    const { body } = parseFixture(tkODataFormat, 'odata/zaak-motie-zaakactor-document.json.gz');
    const motions = body.nodes.filter((n) => n.label === 'Motion');
    const titled = motions.filter((m) => m.props.title !== undefined);
    expect(titled.length).toBeGreaterThan(motions.length / 2);
    for (const m of titled) expect(String(m.props.title), m.id).toMatch(/^(?:(?:nader\s+)?gewijzigde\s+)?motie van\b/i);
    expect(motions.every((m) => m.props.dossierTitle !== m.props.title)).toBe(true);
  });

  it('leaves the title unset when the motion document has no title of its own', () => {
    const zaak = { Id: 'm1', Soort: 'Motie', Nummer: '2024Z00001', Titel: 'Politie', Document: [{ Id: 'd1', Soort: 'Motie', Titel: 'Politie', Onderwerp: 'Politie' }] };
    const motion = parse({ '@odata.context': CONTEXT, value: [zaak] }).body.nodes.find((n) => n.label === 'Motion')!;
    expect(motion.props).toMatchObject({ dossierTitle: 'Politie' });
    expect(motion.props.title).toBeUndefined();
  });
});

describe('tk-odata on bad or unusual input', () => {
  it('refuses truncated JSON and JSON that is not OData', () => {
    const truncated = { bytes: Buffer.from('{"@odata.context": "x#Zaak", "value": [{"Id": '), url: 't.json' };
    expect(() => tkODataFormat.parse(truncated)).toThrow(ParseError);
    expect(() => parse({ hello: 'world' })).toThrow(/not an OData response/);
    expect(() => parse({ '@odata.context': CONTEXT, items: [] })).toThrow(/without a "value" array/);
  });

  it('rejects a row without Id, one whose Id is a number and a Soort outside the documented list, and keeps the rest', () => {
    const result = parse({
      '@odata.context': CONTEXT,
      value: [{ Nummer: '2022Z00001', Soort: 'Motie' }, { Id: 'a', Soort: 'Raadsel' }, { Id: 'b', Soort: 'Motie', Nummer: '2022Z00002' }, { Id: 12345, Soort: 'Motie' }],
      '@odata.nextLink': 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Zaak?$skip=250',
    });
    expect(result.rejected).toEqual([
      { where: 'row 1', reason: 'no Id (Zaak)' },
      { where: 'row 2 (Id a)', reason: 'unknown Zaak Soort "Raadsel"' },
      { where: 'row 4', reason: 'Id is not a text (Zaak): 12345' },
    ]);
    expect(result.body.nodes.map((n) => n.id)).toEqual(['b']);
    expect(result.next).toBe('https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Zaak?$skip=250');
  });

  it('reads a single entity and uses only the columns a $select left', () => {
    const result = parse({ '@odata.context': `${CONTEXT}/$entity`, Id: 'q1', Soort: 'Schriftelijke vragen', Nummer: '2022Z00003' });
    expect(result.body.nodes).toEqual([{ label: 'Question', id: 'q1', props: { number: '2022Z00003' } }]);
  });

  it('links expanded decisions to their case and writes deleted relation rows as deletions of their record', () => {
    const result = parse({
      '@odata.context': `${CONTEXT}(ZaakActor(),Besluit())`,
      value: [
        {
          Id: 'm1',
          Soort: 'Motie',
          GestartOp: '2024-01-10T00:00:00+01:00',
          ZaakActor: [{ Id: 'za1', Relatie: 'Indiener', Persoon_Id: 'p1', Fractie_Id: 'f1', ActorFractie: 'D66', Verwijderd: true }],
          Besluit: [{ Id: 'b1', BesluitSoort: 'Stemmen - aangenomen', BesluitTekst: 'Aangenomen.', Status: 'Besluit' }],
        },
      ],
    });
    const edges = result.body.edges.map((e) => [e.type, e.from.value, e.to.value, e.props.deleted]);
    expect(edges).toEqual([['DECIDES', 'b1', 'm1', undefined]]);
    expect(result.body.tombstones).toEqual([{ edges: ['ASKED', 'SUBMITTED', 'ADDRESSED_TO'], id: 'za1' }]);
    expect(result.body.edges.some((e) => e.type === 'MEMBER_OF')).toBe(false);
  });

  it('detects OData pages and saved entities, not other JSON', () => {
    const head = (s: string) => tkODataFormat.detect({ bytes: Buffer.from(s), url: 'x' }, s);
    expect(head(`{"@odata.context":"${CONTEXT}","value":[]}`)).toBe(true);
    expect(head('{"Id": "65c74760-dec5-43ae-a544-1f994a6154a9", "GewijzigdOp": "2024-02-19"}')).toBe(true);
    expect(head('{"name": "not odata"}')).toBe(false);
    expect(head('<feed/>')).toBe(false);
  });
});

describe('tk-odata deletions without a Soort', () => {
  it('lets a deleted Zaak mark the question or motion it was, and a deleted Document the answer or notice', () => {
    const zaak = parse({ '@odata.context': CONTEXT, value: [{ Id: 'z-gone', Verwijderd: true, GewijzigdOp: '2024-01-01T00:00:00Z' }] });
    expect(zaak.body.tombstones).toEqual([{ label: 'Case', id: 'z-gone', version: '2024-01-01T00:00:00.000Z', alsoAs: ['Question', 'Motion'] }]);
    const docContext = CONTEXT.replace('#Zaak', '#Document');
    const doc = parse({ '@odata.context': docContext, value: [{ Id: 'd-gone', Verwijderd: true, GewijzigdOp: '2024-01-01T00:00:00Z' }] });
    expect(doc.body.tombstones).toEqual([{ label: 'Document', id: 'd-gone', version: '2024-01-01T00:00:00.000Z', alsoAs: ['Answer', 'Postponement'] }]);
  });
});
