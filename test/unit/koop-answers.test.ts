import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FragmentBody } from '../../src/model/fragment.js';
import { alignAnswers } from '../../ingest/officielebekendmakingen/answer-graph.js';
import { parseLabel } from '../../ingest/officielebekendmakingen/kamervragen-doc.js';
import { parsePublicationXml } from '../../ingest/officielebekendmakingen/publication.js';

const path = (name: string) => fileURLToPath(new URL(`../fixtures/koop/${name}`, import.meta.url));
const raw = (name: string) => ({ bytes: readFileSync(path(name)), url: path(name) });
const edges = (body: FragmentBody, type: string) => body.edges.filter((e) => e.type === type);

describe('answer ah-tk-20212022-3019 (reconstructed fixture)', () => {
  const body = parsePublicationXml(raw('ah-tk-20212022-3019.xml')).body;
  const answer = body.nodes.find((n) => n.label === 'Answer')!;
  const aligned = JSON.parse(String(answer.props.answersJson)) as { number: number; question: string; text: string | null }[];

  it('aligns Antwoord 1 to Vraag 1 and an unlabelled answer to the question before it', () => {
    expect(answer).toMatchObject({ id: 'ah-tk-20212022-3019', provisional: true, props: { koopId: 'ah-tk-20212022-3019', receivedAt: '2022-06-08' } });
    expect(aligned).toHaveLength(15);
    expect(aligned[0]).toMatchObject({ number: 1, text: 'Ja, de Nederlandse overheid maakt gebruik van Chinese camera’s.' });
    expect(aligned[1]?.text).toMatch(/^Het Ministerie van Binnenlandse Zaken/);
  });

  it('leaves the sub-questions without an answer visible', () => {
    expect(aligned.slice(2).every((a) => a.text === null && a.question !== '')).toBe(true);
    expect(answer.props.unansweredNumbers).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(answer.props.answeredCount).toBe(2);
  });

  it('answers the question by its number and names who answered, persons and offices', () => {
    expect(edges(body, 'ANSWERS').map((e) => e.to)).toEqual([{ label: 'Question', key: 'number', value: '2022Z04510' }]);
    expect(edges(body, 'ANSWERED_BY').map((e) => e.to.value).sort()).toEqual([
      'minister-van-binnenlandse-zaken-en-koninkrijksrelaties',
      'minister-van-justitie-en-veiligheid',
      'name:bruins-slot',
      'name:yesilgoz-zegerius',
    ]);
  });

  it('records that each signing minister held the office on the answer’s date', () => {
    const holds = edges(body, 'HOLDS').map((e) => [e.from.value, e.to.value, e.key, e.props.observedAt]);
    expect(holds.sort()).toEqual([
      ['name:bruins-slot', 'minister-van-binnenlandse-zaken-en-koninkrijksrelaties', 'observed:2022-06-08', '2022-06-08'],
      ['name:yesilgoz-zegerius', 'minister-van-justitie-en-veiligheid', 'observed:2022-06-08', '2022-06-08'],
    ]);
    const ends = new Set(body.nodes.map((n) => `${n.label}:${n.id}`));
    for (const e of edges(body, 'HOLDS')) expect([ends.has(`Person:${e.from.value}`), ends.has(`Office:${e.to.value}`)]).toEqual([true, true]);
  });

  it('keeps the remark and refers to the Aanhangsel it names; the motion quoted from the question is no follow-up', () => {
    expect(answer.props.remarks).toEqual(['Zie ook Aanhangsel Handelingen, vergaderjaar 2021–2022, nr. 3018.']);
    expect(edges(body, 'REFERS_TO').map((e) => [e.to.label, e.to.value])).toEqual([['Answer', 'ah-tk-20212022-3018']]);
    expect(edges(body, 'FOLLOWS_UP')).toEqual([]);
  });

  it('makes an answer that cites a motion in its own words follow that motion up', () => {
    const xml = readFileSync(path('ah-tk-20212022-3019.xml'), 'utf8').replace(
      'Ja, de Nederlandse overheid maakt gebruik van Chinese camera’s.',
      'Ja. Over de uitvoering van de motie-Buitenweg/Verhoeven (Kamerstuk 30 821, nr. 85) bent u eerder geïnformeerd.',
    );
    const synthetic = parsePublicationXml({ bytes: Buffer.from(xml), url: 'test://answer-citing-motion' }).body;
    expect(edges(synthetic, 'FOLLOWS_UP')).toEqual([
      expect.objectContaining({ to: { label: 'Motion', key: 'koopId', value: 'kst-30821-85' }, props: expect.objectContaining({ citation: 'motie-Buitenweg/Verhoeven (Kamerstuk 30 821, nr. 85)' }) }),
    ]);
  });
});

describe('notice of delay ah-tk-20212022-2273 (reconstructed fixture)', () => {
  const body = parsePublicationXml(raw('ah-tk-20212022-2273.xml')).body;

  it('is a Postponement of 2022Z04403 with its reason and announced period', () => {
    const p = body.nodes.find((n) => n.label === 'Postponement')!;
    expect(body.nodes.some((n) => n.label === 'Answer')).toBe(false);
    expect(p.props).toMatchObject({
      koopId: 'ah-tk-20212022-2273',
      sentAt: '2022-03-30',
      reason: 'voor de beantwoording afstemming met andere ministeries nodig is',
      announcedPeriod: 'zo spoedig mogelijk, doch uiterlijk binnen drie weken',
    });
    expect(edges(body, 'POSTPONES').map((e) => e.to)).toEqual([{ label: 'Question', key: 'number', value: '2022Z04403' }]);
    expect(edges(body, 'REFERS_TO')).toEqual([]);
  });

  it('gives 2022Z04403 the subject, askers and addressees its first sentence names', () => {
    expect(body.nodes.find((n) => n.label === 'Question')!.props).toEqual({
      number: '2022Z04403',
      subject: 'het bericht ‘Omstreden Chinese camera’s hangen overal in Nederland, ook bij ministeries’',
    });
    expect(edges(body, 'ASKED').map((e) => [e.from.value, e.props.role, e.props.partyName])).toEqual([
      ['name:rajkowski', 'Indiener', 'VVD'],
      ['name:brekelmans', 'Medeindiener', 'VVD'],
      ['name:michon-derkzen', 'Medeindiener', 'VVD'],
    ]);
    expect(edges(body, 'ADDRESSED_TO').map((e) => e.to.value)).toEqual(['minister-van-justitie-en-veiligheid', 'minister-van-buitenlandse-zaken']);
  });
});

describe('answer alignment', () => {
  it('reads grouped and ranged labels', () => {
    expect(parseLabel('Antwoord 2, 3 en 4')).toEqual({ kind: 'answer', numbers: [2, 3, 4] });
    expect(parseLabel('Antwoord op vragen 5 t/m 7')).toEqual({ kind: 'answer', numbers: [5, 6, 7] });
    expect(parseLabel('Vraag 12')).toEqual({ kind: 'question', numbers: [12] });
    expect(parseLabel('Vragen van de leden Kops en Graus')).toBeUndefined();
  });

  it('gives one answer to every question it names', () => {
    const q = (n: number) => ({ kind: 'question' as const, label: `Vraag ${n}`, numbers: [n], text: `vraag ${n}` });
    const a = (numbers: number[], text: string) => ({ kind: 'answer' as const, label: '', numbers, text });
    const out = alignAnswers([q(1), q(2), q(3), a([1, 2, 3], 'samen'), q(4), q(5), a([], 'vijf')]);
    expect(out.map((x) => x.text)).toEqual(['samen', 'samen', 'samen', 'vijf', 'vijf']);
  });
});
