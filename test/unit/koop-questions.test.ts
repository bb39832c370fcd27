import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FragmentBody } from '../../src/model/fragment.js';
import { parsePublicationHtml, parsePublicationXml } from '../../ingest/officielebekendmakingen/publication.js';

const path = (name: string) => fileURLToPath(new URL(`../fixtures/koop/${name}`, import.meta.url));
const raw = (name: string) => ({ bytes: readFileSync(path(name)), url: path(name) });
const edges = (body: FragmentBody, type: string) => body.edges.filter((e) => e.type === type);
const FTM = 'https://ftm.nl/artikelen/de-ogen-van-chinees-staatsbedrijf-hikvision-zijn-overal';

describe('written question 2022Z04510 (kv-tk-…, reconstructed fixture)', () => {
  const body = parsePublicationXml(raw('kv-tk-2022Z04510.xml')).body;
  const question = body.nodes.find((n) => n.label === 'Question')!;

  it('keys the question by its Zaak number, provisionally, with its 15 sub-questions', () => {
    expect(question).toMatchObject({ id: '2022Z04510', provisional: true });
    expect(question.props).toMatchObject({ number: '2022Z04510', koopId: 'kv-tk-2022Z04510', submittedAt: '2022-03-10', subQuestionCount: 15 });
    const subs = JSON.parse(String(question.props.subQuestionsJson)) as { number: number; text: string }[];
    expect(subs.map((s) => s.number)).toEqual([...Array(15).keys()].map((i) => i + 1));
    expect(subs[14]!.text).toBe('Kunt u deze vragen afzonderlijk beantwoorden?');
    expect(subs[0]!.text).toMatch(/bevestigen\?$/);
    expect(question.props.subject).toBe("het gebruik van omstreden Chinese bewakingscamera's door de Nederlandse overheid en politie");
    expect(question.props.explanation).toMatch(/^Deze vragen dienen ter aanvulling op eerdere vragen/);
    expect(question.props.text).toMatch(/Hikvision en Dahua/);
  });

  it('has two askers from D66, the first as Indiener, and two addressed offices', () => {
    expect(edges(body, 'ASKED').map((e) => [e.from.value, e.props.role, e.props.partyName])).toEqual([
      ['name:dekker-abdulaziz', 'Indiener', 'D66'],
      ['name:van-ginneken', 'Medeindiener', 'D66'],
    ]);
    expect(edges(body, 'ADDRESSED_TO').map((e) => e.to.value)).toEqual([
      'minister-van-justitie-en-veiligheid',
      'minister-van-binnenlandse-zaken-en-koninkrijksrelaties',
    ]);
    expect(body.nodes.find((n) => n.id === 'minister-van-justitie-en-veiligheid')?.props.title).toBe('minister van Justitie en Veiligheid');
  });

  it('cites the FTM article by its canonical URL (no ?share=) with the date and publisher from the footnote', () => {
    const [cites] = edges(body, 'CITES');
    expect(cites?.to.value).toBe(FTM);
    expect(cites?.props).toMatchObject({ footnote: '1', citation: expect.stringMatching(/^Follow the Money, 8 februari 2022 \(https:\/\/www\.ftm\.nl\/.*\?share=/) });
    expect(body.nodes.find((n) => n.label === 'Article')?.props).toMatchObject({ url: FTM, publishedAt: '2022-02-08' });
    expect(body.nodes.find((n) => n.label === 'Publisher')).toMatchObject({ id: 'ftm.nl', props: { name: 'Follow the Money' } });
  });

  it('refers to the cited motion as written and supplements 2022Z04403', () => {
    const [refers] = edges(body, 'REFERS_TO');
    expect(refers?.to).toEqual({ label: 'Motion', key: 'koopId', value: 'kst-30821-90' });
    expect(refers?.props).toMatchObject({ citation: 'motie Buitenweg en Verhoeven (30821–90)', citedKind: 'motion' });
    const text = String(question.props.text);
    expect(text.slice(Number(refers?.props.start), Number(refers?.props.end))).toBe('motie Buitenweg en Verhoeven (30821–90)');
    expect(edges(body, 'SUPPLEMENTS')).toEqual([
      expect.objectContaining({ to: { label: 'Question', key: 'number', value: '2022Z04403' }, props: expect.objectContaining({ citation: 'vraagnummer 2022Z04403' }) }),
    ]);
    expect(edges(body, 'FOLLOWS_UP')).toEqual([]);
  });

  it('gives the same nodes and edges from the HTML page as from the XML', () => {
    const html = parsePublicationHtml(raw('kv-tk-2022Z04510.html')).body;
    const shape = (b: FragmentBody) => ({
      nodes: b.nodes.map((n) => `${n.label}:${n.id}`).sort(),
      edges: b.edges.map((e) => `${e.type}:${e.from.value}>${e.to.value}`).sort(),
    });
    expect(shape(html)).toEqual(shape(body));
    const q = html.nodes.find((n) => n.label === 'Question')!;
    expect(q.props.subQuestionsJson).toBe(question.props.subQuestionsJson);
  });

  it('reads the page by the charset it declares: saved as windows-1252, it gives what the UTF-8 page gives', () => {
    const utf8 = readFileSync(path('kv-tk-2022Z04510.html'), 'utf8');
    expect(utf8).toMatch(/–/);
    // The page's only characters beyond ASCII are ë (0xEB in Latin-1 too) and – (0x96 in windows-1252 alone).
    const text = utf8.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replaceAll('–', '\x96');
    const page = { bytes: Buffer.from(text, 'latin1'), url: path('kv-tk-2022Z04510.html') };
    expect(parsePublicationHtml(page).body).toEqual(parsePublicationHtml(raw('kv-tk-2022Z04510.html')).body);
  });
});
