import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FragmentBody } from '../../src/model/fragment.js';
import { parsePublicationXml } from '../../ingest/officielebekendmakingen/publication.js';

const dir = fileURLToPath(new URL('../fixtures/koop/motions/', import.meta.url));
const parse = (file: string): FragmentBody => parsePublicationXml({ bytes: readFileSync(dir + file), url: dir + file }).body;
const motionOf = (body: FragmentBody) => body.nodes.find((n) => n.label === 'Motion')!;
const submitted = (body: FragmentBody) => body.edges.filter((e) => e.type === 'SUBMITTED');

describe('motion XML (kst-…)', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.xml'));

  it('extracts dossier, ondernummer, title and at least one submitter from every fixture, both metadata variants', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    const variants = new Set<string>();
    for (const file of files) {
      const body = parse(file);
      const m = motionOf(body);
      variants.add(readFileSync(dir + file, 'utf8').includes('externMetadataRecord') ? 'B' : 'A');
      expect(m.provisional, file).toBe(true);
      expect(m.props.koopId, file).toMatch(/^kst-\d+(-[0-9A-Z]+)?-\d+$/);
      expect(m.id, file).toBe(m.props.koopId);
      expect(m.props.dossier, file).toMatch(/^\d{5}/);
      expect(Number.isInteger(m.props.ondernummer), file).toBe(true);
      expect(String(m.props.title), file).not.toBe('');
      // Every fixture's <dossier> has its <titel>; the motion carries the title of the dossier it is numbered in.
      expect(String(m.props.dossierTitle ?? ''), file).not.toBe('');
      expect(submitted(body).length, file).toBeGreaterThan(0);
      expect(body.edges.filter((e) => e.type === 'PART_OF').length, file).toBeGreaterThan(0);
    }
    expect([...variants].sort()).toEqual(['A', 'B']);
  });

  it('reads a motion whose metadata is only referenced (externMetadataRecord)', () => {
    const body = parse('2023D48275.xml');
    expect(motionOf(body).props).toMatchObject({
      koopId: 'kst-21501-32-1604',
      dossier: '21501-32',
      ondernummer: 1604,
      submittedAt: '2023-12-07',
      parliamentaryYear: '2023-2024',
    });
    expect(motionOf(body).props.considerations).toHaveLength(4);
    expect(motionOf(body).props.operativeText).toMatch(/^verzoekt de regering deze nijpende situatie/);
    expect(submitted(body).map((e) => [e.from.value, e.props.role])).toEqual([
      ['name:van-campen', 'Indiener'],
      ['name:vedder', 'Medeindiener'],
      ['name:van-der-plas', 'Medeindiener'],
    ]);
    expect(submitted(body).every((e) => e.to.key === 'koopId' && e.to.value === 'kst-21501-32-1604')).toBe(true);
  });

  it('matches signature names to the inline metadata indieners, keeping the signing order', () => {
    const body = parse('2025D17688.xml');
    const persons = body.nodes.filter((n) => n.label === 'Person');
    expect(submitted(body).map((e) => e.props.nameAsWritten)).toEqual(['Saris', 'Inge van Dijk', 'Flach']);
    expect(persons.find((p) => p.id === 'name:inge-van-dijk')?.props.fullName).toBe('I. (Inge) van Dijk');
    expect(persons.find((p) => p.id === 'name:saris')?.props.fullName).toBe('I.G. Saris');
    expect(motionOf(body).props.title).toMatch(/^Motie van het lid Saris c\.s\. over/);
  });

  it('drops the full stop that closes a signature block, so the name resolves as the person it names', () => {
    const body = parse('2024D04794.xml');
    expect(submitted(body).map((e) => [e.from.value, e.props.nameAsWritten])).toEqual([
      ['name:mutluer', 'Mutluer'],
      ['name:boswijk', 'Boswijk'],
    ]);
    expect(body.nodes.find((n) => n.id === 'name:boswijk')?.props.name).toBe('Boswijk');
    expect(motionOf(body).props.dossierTitle).toBe('Vaststelling van de begrotingsstaten van het Ministerie van Justitie en Veiligheid (VI) voor het jaar 2024');
  });

  it('takes the ondernummer from the KOOP id when the XML and its metadata leave it out, and names what is missing when nothing gives it', () => {
    const variant = (file: string, edit: (xml: string) => string) => {
      const bytes = Buffer.from(edit(readFileSync(dir + file, 'utf8')));
      return () => parsePublicationXml({ bytes, url: `test://${file}` }).body;
    };
    // 2023D48275 names its id only by its metadata record's URL (…/kst-21501-32-1604/metadata.xml).
    const withoutNumber = variant('2023D48275.xml', (xml) => xml.replace(/<ondernummer[^>]*>1604<\/ondernummer>/, ''));
    expect(motionOf(withoutNumber()).props).toMatchObject({ koopId: 'kst-21501-32-1604', dossier: '21501-32', ondernummer: 1604 });
    const nothing = variant('2023D48275.xml', (xml) => xml.replace(/<ondernummer[^>]*>1604<\/ondernummer>/, '').replace(/kst-21501-32-1604/g, 'unknown'));
    expect(nothing).toThrow(/test:\/\/2023D48275\.xml: motion without an ondernummer in its XML/);
  });

  it('links a motion filed under two budget chapters to both dossiers and keys it by its KOOP id', () => {
    const body = parse('2024D03086.xml');
    expect(motionOf(body).id).toBe('kst-36410-XVI-108');
    expect(body.edges.filter((e) => e.type === 'PART_OF').map((e) => e.to.value).sort()).toEqual(['36410-VI', '36410-XVI']);
  });

  it('does not take body paragraphs in an al-groep for signatures', () => {
    const confidence = parse('2025D35750.xml');
    expect(motionOf(confidence).props.operativeText).toBe('zegt het vertrouwen in het kabinet op,');
    expect(submitted(confidence).map((e) => e.from.value)).toEqual(['name:van-baarle']);
    const broken = parse('2024D15638.xml');
    expect(motionOf(broken).props.considerations).toContain(
      'overwegende dat gemeenten zelf aangeven dat het instrumentarium om leegstand te bestrijden beperkt, tijdrovend en omslachtig is;',
    );
    expect(submitted(broken).map((e) => e.from.value)).toEqual(['name:beckerman']);
  });

  it('keeps a motion without a proposal date and takes the date from the metadata', () => {
    // DCTERMS.issued of the fixture's metadata.
    expect(motionOf(parse('2025D35438.xml')).props.submittedAt).toBe('2025-08-21');
  });

  it('records the motions a motion cites, as written, without calling it a follow-up', () => {
    const body = parse('2024D35148.xml');
    const refers = body.edges.filter((e) => e.type === 'REFERS_TO');
    expect(refers).toContainEqual(
      expect.objectContaining({ to: { label: 'Motion', key: 'koopId', value: 'kst-35925-149' }, props: expect.objectContaining({ citation: 'motie-Heinen/Grinwis (35 925, nr. 149)', citedKind: 'motion' }) }),
    );
    expect(body.edges.filter((e) => e.type === 'FOLLOWS_UP')).toEqual([]);
  });
});
