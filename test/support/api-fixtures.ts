import { FragmentBuilder, ref, type GraphFragment } from '../../src/model/fragment.js';

/**
 * The case 2022Z04510 and its surroundings as fragments, from the facts in the case file (question
 * text, openkamer, officielebekendmakingen); one fragment per (reconstructed) source document.
 */

const JENV = 'minister-van-justitie-en-veiligheid';
const BZK = 'minister-van-binnenlandse-zaken-en-koninkrijksrelaties';
const BUZA = 'minister-van-buitenlandse-zaken';
export const FTM = 'https://ftm.nl/artikelen/de-ogen-van-chinees-staatsbedrijf-hikvision-zijn-overal';
const NOS = 'https://nos.nl/artikel/2416623-omstreden-chinese-camera-s-hangen-overal-in-nederland-ook-bij-ministeries';
export const Q_ID = '65c74760-dec5-43ae-a544-1f994a6154a9';
const Q_PREV_ID = '925ae374-9852-4335-9051-4832e2199fca';
export const IDS = { JENV, BZK, BUZA, FTM, NOS, D66: 'f-d66', VVD: 'f-vvd', GL: 'f-gl' };

function fragment(id: string, url: string, fetchedAt: string, build: (b: FragmentBuilder) => void): GraphFragment {
  const b = new FragmentBuilder();
  build(b);
  return { source: { id, url, fetchedAt, parser: 'test-fixture', parserVersion: '1' }, ...b.build() };
}

const subQuestions = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ number: i + 1, text: `Vraag ${i + 1} over Chinese camera's` })));
const subAnswers = (numbers: number[]) => JSON.stringify(numbers.map((n) => ({ number: n, text: n === 1 ? "Ja, de Nederlandse overheid maakt gebruik van Chinese camera's." : `Antwoord ${n}` })));

/** The fragments of the case, in an order a real ingest could deliver them. */
export function createCaseFragments(): GraphFragment[] {
  const people = fragment('src-people', 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Persoon', '2024-01-01T00:00:00Z', (b) => {
    b.node('Party', 'f-d66', { abbreviation: 'D66', name: 'Democraten 66' });
    b.node('Party', 'f-vvd', { abbreviation: 'VVD', name: 'Volkspartij voor Vrijheid en Democratie' });
    b.node('Party', 'f-gl', { abbreviation: 'GroenLinks', name: 'GroenLinks' });
    b.node('Party', 'f-cda', { abbreviation: 'CDA', name: 'Christen-Democratisch Appèl' });
    const member = (id: string, name: string, party: string, from: string, to?: string) => {
      b.node('Person', id, { name, surname: name.split(' ').at(-1) });
      b.edge('MEMBER_OF', ref('Person', id), ref('Party', party), { from, to }, from);
    };
    member('p-dekker', 'Hind Dekker-Abdulaziz', 'f-d66', '2021-03-31');
    member('p-ginneken', 'Lisa van Ginneken', 'f-d66', '2021-03-31');
    member('p-rajkowski', 'Queeny Rajkowski', 'f-vvd', '2021-03-31');
    member('p-buitenweg', 'Kathalijne Buitenweg', 'f-gl', '2010-06-17', '2021-03-30');
    member('p-verhoeven', 'Kees Verhoeven', 'f-d66', '2010-06-17', '2021-03-30');
    member('p-yesilgoz', 'Dilan Yeşilgöz-Zegerius', 'f-vvd', '2017-03-23');
    member('p-bruins-slot', 'Hanke Bruins Slot', 'f-cda', '2010-06-17');
    b.node('Office', JENV, { title: 'minister van Justitie en Veiligheid' });
    b.node('Office', BZK, { title: 'minister van Binnenlandse Zaken en Koninkrijksrelaties' });
    b.node('Office', BUZA, { title: 'minister van Buitenlandse Zaken' });
    b.edge('HOLDS', ref('Person', 'p-yesilgoz'), ref('Office', JENV), { from: '2022-01-10' });
    b.edge('HOLDS', ref('Person', 'p-bruins-slot'), ref('Office', BZK), { from: '2022-01-10' });
    b.node('Company', 'hikvision', { name: 'Hikvision', aliases: ['Hangzhou Hikvision Digital Technology'], country: 'CN' });
    b.node('Company', 'dahua', { name: 'Dahua', aliases: ['Zhejiang Dahua Technology'], country: 'CN', lists: ['US Entity List'] });
  });
  const articles = fragment('src-ftm', `${FTM}?share=abc`, '2024-01-02T00:00:00Z', (b) => {
    b.node('Article', FTM, { url: FTM, title: 'De ogen van Chinees staatsbedrijf Hikvision zijn overal', publishedAt: '2022-02-08' });
    b.node('Publisher', 'ftm.nl', { name: 'Follow the Money' });
    b.edge('PUBLISHED_BY', ref('Article', FTM), ref('Publisher', 'ftm.nl'));
    b.edge('MENTIONS', ref('Article', FTM), ref('Company', 'hikvision'), { snippet: 'Hikvision', confidence: 1 });
    b.node('Article', NOS, { url: NOS, title: "Omstreden Chinese camera's hangen overal in Nederland, ook bij ministeries", publishedAt: '2022-02-08' });
    b.node('Publisher', 'nos.nl', { name: 'NOS' });
    b.edge('PUBLISHED_BY', ref('Article', NOS), ref('Publisher', 'nos.nl'));
  });
  const prev = fragment('src-kv-2022Z04403', 'https://zoek.officielebekendmakingen.nl/kv-tk-2022Z04403.xml', '2024-01-03T00:00:00Z', (b) => {
    const q = b.node('Question', Q_PREV_ID, { number: '2022Z04403', subject: "Het bericht 'Omstreden Chinese camera's hangen overal in Nederland, ook bij ministeries'.", submittedAt: '2022-03-09', subQuestionsJson: subQuestions(8), subQuestionCount: 8, koopId: 'kv-tk-2022Z04403' });
    b.edge('ASKED', ref('Person', 'p-rajkowski'), q, { role: 'Indiener', party: 'VVD' });
    b.edge('ADDRESSED_TO', q, ref('Office', JENV));
    b.edge('ADDRESSED_TO', q, ref('Office', BUZA));
    b.edge('CITES', q, ref('Article', NOS), { citation: 'NOS, 8 februari 2022' });
    b.edge('MENTIONS', q, ref('Company', 'hikvision'), { snippet: 'camera’s van Hikvision', confidence: 0.9 });
    const notice = b.node('Postponement', 'ah-tk-20212022-2273', { koopId: 'ah-tk-20212022-2273', sentAt: '2022-03-29', reason: 'Afstemming met andere departementen' });
    b.edge('POSTPONES', notice, q);
    const answer = b.node('Answer', 'ah-tk-20212022-3018', { koopId: 'ah-tk-20212022-3018', receivedAt: '2022-06-08', answersJson: subAnswers([1, 2, 3, 4, 5, 6, 7, 8]) });
    b.edge('ANSWERS', answer, q);
    b.edge('ANSWERED_BY', answer, ref('Person', 'p-yesilgoz'));
  });
  const question = fragment('src-kv-2022Z04510', 'https://zoek.officielebekendmakingen.nl/kv-tk-2022Z04510.xml', '2024-01-04T00:00:00Z', (b) => {
    const q = b.node('Question', Q_ID, {
      number: '2022Z04510',
      subject: "Het gebruik van omstreden Chinese bewakingscamera's door de Nederlandse overheid en politie",
      submittedAt: '2022-03-10',
      subQuestionsJson: subQuestions(15),
      subQuestionCount: 15,
      koopId: 'kv-tk-2022Z04510',
      // Handled (Zaak.Afgedaan) in the Tweede Kamer's data, as it is today.
      closed: true,
      text: "Bent u bekend met het bericht 'De ogen van Chinees staatsbedrijf Hikvision zijn overal'? Dahua en Hikvision …",
    });
    b.edge('ASKED', ref('Person', 'p-dekker'), q, { role: 'Indiener', party: 'D66' });
    b.edge('ASKED', ref('Person', 'p-ginneken'), q, { role: 'Medeindiener', party: 'D66' });
    b.edge('ADDRESSED_TO', q, ref('Office', JENV));
    b.edge('ADDRESSED_TO', q, ref('Office', BZK));
    b.edge('CITES', q, ref('Article', FTM), { citation: 'Follow the Money, 8 februari 2022' });
    b.edge('MENTIONS', q, ref('Company', 'hikvision'), { snippet: 'staatsbedrijf Hikvision', start: 60, end: 69, confidence: 1 });
    b.edge('MENTIONS', q, ref('Company', 'dahua'), { snippet: 'Dahua en Hikvision', start: 80, end: 85, confidence: 1 });
    b.edge('SUPPLEMENTS', q, ref('Question', '2022Z04403', 'number'));
    b.edge('REFERS_TO', q, ref('Motion', 'kst-30821-90', 'koopId'), { citation: 'motie Buitenweg en Verhoeven (30821–90) uit 2019, waar geen vervolg aan is gegeven', citedKind: 'motion' });
  });
  const answer = fragment('src-ah-3019', 'https://zoek.officielebekendmakingen.nl/ah-tk-20212022-3019.xml', '2024-01-05T00:00:00Z', (b) => {
    const a = b.node('Answer', 'ah-tk-20212022-3019', { koopId: 'ah-tk-20212022-3019', receivedAt: '2022-06-08', answersJson: subAnswers([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]) });
    b.edge('ANSWERS', a, ref('Question', Q_ID));
    b.edge('ANSWERED_BY', a, ref('Person', 'p-yesilgoz'));
    b.edge('ANSWERED_BY', a, ref('Person', 'p-bruins-slot'));
  });
  const report = fragment('src-kst-30821-90', 'https://zoek.officielebekendmakingen.nl/kst-30821-90.xml', '2024-01-06T00:00:00Z', (b) => {
    b.node('Document', 'kst-30821-90', { koopId: 'kst-30821-90', kind: 'Verslag van een algemeen overleg', title: 'Verslag van een algemeen overleg over Nationale veiligheid en crisisbeheersing', date: '2019-07-17' });
  });
  const motions = fragment('src-motions', 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Zaak?motions', '2024-01-07T00:00:00Z', (b) => {
    const hik = b.node('Motion', 'zaak-motion-hikvision', { number: '2019Z13111', koopId: 'kst-30821-86', dossier: '30821', ondernummer: '86', title: 'Motie van het lid Buitenweg c.s. over onderzoek naar surveillanceapparatuur van Chinese bedrijven', submittedAt: '2019-06-25', status: 'adopted', decidedAt: '2019-07-02', decisionId: 'besluit-hik', considerations: 'overwegende dat het Chinese bedrijf Hikvision een grote leverancier is', operativeText: 'verzoekt de regering te onderzoeken …' });
    b.edge('SUBMITTED', ref('Person', 'p-buitenweg'), hik, { role: 'Indiener' });
    b.edge('SUBMITTED', ref('Person', 'p-verhoeven'), hik, { role: 'Medeindiener' });
    b.edge('MENTIONS', hik, ref('Company', 'hikvision'), { snippet: 'Hikvision', confidence: 1 });
    const d = b.node('Decision', 'besluit-hik', { kind: 'Stemmen - aangenomen', text: 'Aangenomen.', outcome: 'adopted' }, { version: '2019-07-02T14:00:00.000Z' });
    b.edge('DECIDES', d, hik);
    b.edge('VOTED', ref('Party', 'f-d66'), d, { choice: 'Voor', seats: 19, mistaken: false });
    b.edge('VOTED', ref('Party', 'f-vvd'), d, { choice: 'Tegen', seats: 33, mistaken: false });
    const other = b.node('Motion', 'zaak-motion-84', { number: '2019Z13000', koopId: 'kst-30821-84', dossier: '30821', ondernummer: '84', title: 'Motie van het lid Laan-Geselschap', submittedAt: '2019-06-25', status: 'adopted', decidedAt: '2019-07-02' });
    b.edge('MENTIONS', other, ref('Company', 'dahua'), { snippet: 'Dahua', confidence: 0.8 });
    const rejected = b.node('Motion', 'zaak-motion-85', { number: '2019Z13001', koopId: 'kst-30821-85', dossier: '30821', ondernummer: '85', title: 'Motie verworpen', submittedAt: '2019-06-25', status: 'rejected', decidedAt: '2019-07-02' });
    b.edge('MENTIONS', rejected, ref('Company', 'hikvision'), { snippet: 'Hikvision', confidence: 0.8 });
  });
  const letter = fragment('src-letter', 'https://zoek.officielebekendmakingen.nl/kst-30821-95.xml', '2024-01-08T00:00:00Z', (b) => {
    const d = b.node('Document', 'kst-30821-95', { koopId: 'kst-30821-95', kind: 'Brief regering', title: 'Uitvoering motie Laan-Geselschap', date: '2019-11-01' });
    b.edge('FOLLOWS_UP', d, ref('Motion', 'kst-30821-84', 'koopId'));
  });
  const later = fragment('src-kv-2022Z17000', 'https://zoek.officielebekendmakingen.nl/kv-tk-2022Z17000.xml', '2024-01-09T00:00:00Z', (b) => {
    const q = b.node('Question', 'q-ns-cameras', { number: '2022Z17000', subject: 'Camera’s van Hikvision en Dahua in intercitytreinen van de NS', submittedAt: '2022-09-01', subQuestionsJson: subQuestions(4), subQuestionCount: 4 });
    b.edge('ASKED', ref('Person', 'p-rajkowski'), q, { role: 'Indiener', party: 'VVD' });
    b.edge('ADDRESSED_TO', q, ref('Office', JENV));
    b.edge('MENTIONS', q, ref('Company', 'hikvision'), { snippet: 'Hikvision', confidence: 1 });
    b.edge('MENTIONS', q, ref('Company', 'dahua'), { snippet: 'Dahua', confidence: 1 });
    b.edge('CITES', q, ref('Article', FTM), { citation: 'Follow the Money' });
  });
  return [people, articles, prev, question, answer, report, motions, letter, later];
}
