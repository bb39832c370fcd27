import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseMetadataXml, parsePublicationXml } from '../../ingest/officielebekendmakingen/publication.js';
import { parseSruXml } from '../../ingest/officielebekendmakingen/sru.js';
import { metaKey } from '../../ingest/officielebekendmakingen/metadata.js';

const path = (name: string) => fileURLToPath(new URL(`../fixtures/koop/${name}`, import.meta.url));
const raw = (name: string) => ({ bytes: readFileSync(path(name)), url: path(name) });

describe('metadata.xml and SRU records', () => {
  it('normalises metadata names by local name, case-insensitively', () => {
    expect(['OVERHEIDop.vraagNummer', 'overheidop:vraagnummer', 'overheidwetgeving:vraagnummer', 'OVERHEIDop.VRAAGNUMMER'].map(metaKey)).toEqual(Array(4).fill('vraagnummer'));
    expect(metaKey('DC.identifier')).toBe('identifier');
    expect(metaKey('dcterms:identifier')).toBe('identifier');
  });

  it('yields the same Question, persons and offices as the publication, so the two join', () => {
    const meta = parseMetadataXml(raw('kv-tk-2022Z04510/metadata.xml')).body;
    const xml = parsePublicationXml(raw('kv-tk-2022Z04510.xml')).body;
    const q = meta.nodes.find((n) => n.label === 'Question')!;
    expect(q).toMatchObject({ id: '2022Z04510', provisional: true, props: { number: '2022Z04510', koopId: 'kv-tk-2022Z04510', submittedAt: '2022-03-10' } });
    const ids = (b: typeof meta, label: string) => b.nodes.filter((n) => n.label === label).map((n) => n.id).sort();
    expect(ids(meta, 'Person')).toEqual(ids(xml, 'Person'));
    expect(ids(meta, 'Office')).toEqual(ids(xml, 'Office'));
    expect(meta.edges.filter((e) => e.type === 'ASKED').map((e) => e.props.role)).toEqual(['Indiener', 'Medeindiener']);
  });

  it("a motion's metadata gives its own title, never the dossier title that DC.title starts with", () => {
    const xml = (extra: string) =>
      Buffer.from(`<metadata_gegevens><metadata name="DC.identifier" content="kst-29628-1292"/><metadata name="DC.type" scheme="OVERHEIDop.KamerstukTypen" content="Motie"/><metadata name="DC.title" content="Politie; Motie; Motie van het lid Mutluer over een betere aanpak van cold cases"/>${extra}</metadata_gegevens>`);
    const title = (bytes: Buffer) => parseMetadataXml({ bytes, url: 'test://metadata.xml' }).body.nodes.find((n) => n.label === 'Motion')?.props.title;
    expect(title(xml(''))).toBe('Motie van het lid Mutluer over een betere aanpak van cold cases');
    expect(title(xml('<metadata name="OVERHEIDop.documenttitel" content="Motie van het lid Mutluer over cold cases"/>'))).toBe('Motie van het lid Mutluer over cold cases');
  });

  it('a letter\'s metadata gives a Document with its kind, dossier and ondernummer', () => {
    const bytes = Buffer.from(`<metadata_gegevens><metadata name="DC.identifier" content="kst-36582-70"/><metadata name="DC.type" content="Kamerstuk"/><metadata name="DC.type" content="Brief"/><metadata name="OVERHEIDop.dossiernummer" content="36582"/><metadata name="OVERHEIDop.ondernummer" content="70"/><metadata name="OVERHEIDop.datumBrief" content="2025-06-20"/></metadata_gegevens>`);
    const doc = parseMetadataXml({ bytes, url: 'test://metadata.xml' }).body.nodes.find((n) => n.label === 'Document');
    expect(doc).toMatchObject({ id: 'kst-36582-70', props: { kind: 'Brief', dossier: '36582', ondernummer: 70, date: '2025-06-20' } });
  });

  it('reads every record of the real SRU sample as a Document with its dossier', () => {
    const result = parseSruXml(raw('sru-search-sample.xml'));
    expect(result.records).toBe(5);
    expect(result.rejected).toEqual([]);
    const docs = result.body.nodes.filter((n) => n.label === 'Document');
    expect(docs.map((d) => d.id)).toEqual(['stb-2025-252', 'stb-2025-250', 'stb-2025-247', 'stb-2025-240', 'stb-2025-241']);
    expect(docs[0]?.props).toMatchObject({ koopId: 'stb-2025-252', kind: 'Wet', publishedAt: '2025-10-02' });
    expect(result.body.edges.filter((e) => e.type === 'PART_OF').map((e) => e.to.value)).toContain('36625-K');
  });

  it('reads an SRU 2.0 answer record (overheidwetgeving names) into an Answer that answers its question', () => {
    const sru = `<?xml version="1.0"?><sru:searchRetrieveResponse xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:w="http://standaarden.overheid.nl/wetgeving/"><sru:records><sru:record><sru:recordData><gzd xmlns="http://standaarden.overheid.nl/sru"><originalData><meta><owmskern><dcterms:identifier>ah-tk-20212022-3019</dcterms:identifier><dcterms:type>Antwoord</dcterms:type></owmskern><w:vraagnummer>2022Z04510</w:vraagnummer><w:aanhangselnummer>3019</w:aanhangselnummer><w:datumOntvangst>2022-06-08</w:datumOntvangst></meta></originalData></gzd></sru:recordData></sru:record><sru:record><sru:recordData><gzd xmlns="http://standaarden.overheid.nl/sru"><originalData/></gzd></sru:recordData></sru:record></sru:records></sru:searchRetrieveResponse>`;
    const result = parseSruXml({ bytes: Buffer.from(sru), url: 'test://sru2' });
    expect(result.body.nodes.find((n) => n.label === 'Answer')).toMatchObject({ id: 'ah-tk-20212022-3019', props: { receivedAt: '2022-06-08', appendixNumber: '3019' } });
    expect(result.body.edges.find((e) => e.type === 'ANSWERS')?.to).toEqual({ label: 'Question', key: 'number', value: '2022Z04510' });
    expect(result.rejected).toEqual([{ where: 'record 2', reason: 'no identifier' }]);
  });
});
