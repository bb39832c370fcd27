import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FragmentBody } from '../../src/model/fragment.js';
import { detectFormat } from '../../ingest/pipeline/registry.js';

const path = (name: string) => fileURLToPath(new URL(`../fixtures/koop/${name}`, import.meta.url));
const LETTER = readFileSync(path('letters/kst-36582-70.xml'), 'utf8');
const MOTION = { label: 'Motion', key: 'koopId', value: 'kst-36582-58' };

function parse(text: string, url = 'test://kst-36582-70.xml'): FragmentBody {
  const doc = { bytes: Buffer.from(text), url };
  const format = detectFormat(doc);
  expect(format?.name).toBe('koop-xml');
  return format!.parse(doc).body;
}
const documentOf = (body: FragmentBody) => body.nodes.find((n) => n.label === 'Document')!;
const edges = (body: FragmentBody, type: string) => body.edges.filter((e) => e.type === type);

describe('a government letter (Kamerstuk "Brief", reconstructed)', () => {
  const body = parse(LETTER, path('letters/kst-36582-70.xml'));

  it('is a provisional Document keyed by its KOOP id, with kind, dossier, date, ministry and signatory', () => {
    const doc = documentOf(body);
    expect(doc).toMatchObject({ id: 'kst-36582-70', provisional: true });
    expect(doc.props).toMatchObject({
      koopId: 'kst-36582-70',
      kind: 'Brief',
      title: expect.stringMatching(/^Brief regering; Uitvoering van de motie van het lid Saris c\.s\./),
      heading: 'BRIEF VAN DE MINISTER VAN SOCIALE ZAKEN EN WERKGELEGENHEID',
      dossier: '36582',
      ondernummer: 70,
      date: '2025-06-20',
      government: true,
      ministry: 'Sociale Zaken en Werkgelegenheid',
      signatories: ['Y.J. van Hijum'],
      signatoryOffices: ['minister van Sociale Zaken en Werkgelegenheid'],
    });
    expect(String(doc.props.text)).toContain('toekomstbestendig wordt ingericht');
    expect(body.nodes.map((n) => n.label)).not.toContain('Motion');
    expect(edges(body, 'PART_OF').map((e) => e.to.value)).toEqual(['36582']);
  });

  it('follows up the motion it cites, keeping the citation as written and both ways it is cited', () => {
    const [follows] = edges(body, 'FOLLOWS_UP');
    expect(edges(body, 'FOLLOWS_UP')).toHaveLength(1);
    expect(follows?.to).toEqual(MOTION);
    expect(follows?.props).toMatchObject({ citation: 'motie-Saris c.s. (36582, nr. 58)', citedKind: 'motion', citations: ['motie-Saris c.s. (36582, nr. 58)', 'Kamerstuk 36582, nr. 58'] });
    const text = String(documentOf(body).props.text);
    expect(text.slice(Number(follows?.props.start), Number(follows?.props.end))).toBe('motie-Saris c.s. (36582, nr. 58)');
    expect(edges(body, 'REFERS_TO').find((e) => e.to.value === 'kst-36582-58')?.to).toEqual(MOTION);
  });

  it('refers to a cited Kamerstuk that is not called a motion, without following it up', () => {
    const other = edges(body, 'REFERS_TO').find((e) => e.to.value === 'kst-36582-2');
    expect(other).toMatchObject({ to: { label: 'Document', key: 'koopId', value: 'kst-36582-2' }, props: { citation: 'Kamerstuk 36582, nr. 2', citedKind: 'kamerstuk' } });
    expect(edges(body, 'FOLLOWS_UP').map((e) => e.to.value)).toEqual(['kst-36582-58']);
  });

  it('without inline metadata (only a metadata record reference): the id, kind and author from the XML itself', () => {
    const bare = LETTER.replace(/<metadata>[\s\S]*<\/metadata>/, '<metadata><meta name="OVERHEIDop.externMetadataRecord" content="https://zoek.officielebekendmakingen.nl/kst-36582-70/metadata.xml"/></metadata>');
    const doc = documentOf(parse(bare));
    expect(doc).toMatchObject({ id: 'kst-36582-70', props: { kind: 'Brief', title: 'BRIEF VAN DE MINISTER VAN SOCIALE ZAKEN EN WERKGELEGENHEID', date: '2025-06-20', government: true } });
  });

  it('a committee report citing the same motion refers to it but does not follow it up', () => {
    const report = LETTER.replace('content="Brief"', 'content="Verslag"')
      .replace('BRIEF VAN DE MINISTER VAN SOCIALE ZAKEN EN WERKGELEGENHEID', 'VERSLAG VAN EEN COMMISSIEDEBAT')
      .replace('De Minister van Sociale Zaken en Werkgelegenheid,', 'De voorzitter van de commissie,')
      .replaceAll('Y.J. van Hijum', 'Léon de Jong');
    const parsed = parse(report);
    expect(documentOf(parsed).props).toMatchObject({ kind: 'Verslag', government: false, signatories: ['Léon de Jong'] });
    expect(documentOf(parsed).props.ministry).toBeUndefined();
    expect(edges(parsed, 'REFERS_TO').map((e) => e.to.value)).toContain('kst-36582-58');
    expect(edges(parsed, 'FOLLOWS_UP')).toEqual([]);
  });

  it('a signature with functie and naam elements names the signatory and the office', () => {
    const named = LETTER.replace(
      /<ondertekening>[\s\S]*<\/ondertekening>/,
      '<ondertekening><functie>De Staatssecretaris</functie> van Sociale Zaken en Werkgelegenheid,<naam><voornaam>J.N.J.</voornaam><achternaam>Nobel</achternaam></naam></ondertekening>',
    ).replace('BRIEF VAN DE MINISTER VAN SOCIALE ZAKEN EN WERKGELEGENHEID', 'BRIEF');
    expect(documentOf(parse(named)).props).toMatchObject({
      government: true,
      signatories: ['J.N.J. Nobel'],
      signatoryOffices: ['staatssecretaris van Sociale Zaken en Werkgelegenheid'],
      ministry: 'Sociale Zaken en Werkgelegenheid',
    });
  });
});
