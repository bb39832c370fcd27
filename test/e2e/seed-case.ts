import { FragmentBuilder, ref, type GraphFragment } from '../../src/model/fragment.js';

/**
 * The seed case as a small graph: question 2022Z04510 about Hikvision, asked by two D66 members of
 * parliament, addressed to the Minister of Justitie en Veiligheid, answered late. Facts from the
 * case file (Zaak 65c74760-…, answer ah-tk-20212022-3019 of 8 June 2022).
 */
export function createSeedCase(): GraphFragment[] {
  const tk = new FragmentBuilder();
  const q = tk.node('Question', '65c74760-dec5-43ae-a544-1f994a6154a9', {
    number: '2022Z04510',
    subject: "Het gebruik van omstreden Chinese bewakingscamera's door de Nederlandse overheid en politie",
    submittedAt: '2022-03-10',
    koopId: 'kv-tk-2022Z04510',
  });
  const d66 = tk.node('Party', 'f-d66', { abbreviation: 'D66', name: 'Democraten 66' });
  const vvd = tk.node('Party', 'f-vvd', { abbreviation: 'VVD', name: 'Volkspartij voor Vrijheid en Democratie' });
  const dekker = tk.node('Person', 'p-dekker-abdulaziz', { name: 'Hind Dekker-Abdulaziz', surname: 'Dekker-Abdulaziz' });
  const ginneken = tk.node('Person', 'p-van-ginneken', { name: 'Lisa van Ginneken', surname: 'Ginneken' });
  const yesilgoz = tk.node('Person', 'p-yesilgoz', { name: 'Dilan Yeşilgöz-Zegerius', surname: 'Yeşilgöz-Zegerius' });
  const jenv = tk.node('Office', 'minister-van-justitie-en-veiligheid', { title: 'minister van Justitie en Veiligheid' });
  tk.edge('ASKED', dekker, q, { role: 'Indiener' });
  tk.edge('ASKED', ginneken, q, { role: 'Medeindiener' });
  tk.edge('MEMBER_OF', dekker, d66, { from: '2021-03-31' });
  tk.edge('MEMBER_OF', ginneken, d66, { from: '2021-03-31' });
  tk.edge('MEMBER_OF', yesilgoz, vvd, { from: '2017-03-23' });
  tk.edge('HOLDS', yesilgoz, jenv, { from: '2022-01-10' });
  tk.edge('ADDRESSED_TO', q, jenv);
  const answer = tk.node('Answer', 'ah-tk-20212022-3019', { koopId: 'ah-tk-20212022-3019', receivedAt: '2022-06-08' });
  tk.edge('HAS_DOCUMENT', q, answer);
  tk.edge('ANSWERS', answer, q);
  tk.edge('ANSWERED_BY', answer, yesilgoz);

  const koop = new FragmentBuilder();
  const hik = koop.node('Company', 'hikvision', { name: 'Hikvision', aliases: ['Hangzhou Hikvision Digital Technology'], country: 'CN' });
  const dahua = koop.node('Company', 'dahua', { name: 'Dahua', aliases: ['Dahua Technology'], country: 'CN' });
  const qRef = ref('Question', '2022Z04510', 'number');
  koop.edge('MENTIONS', qRef, hik, { snippet: 'De VS verwijderde de Hikvision en Dahua apparatuur al in 2019', confidence: 1 });
  koop.edge('MENTIONS', qRef, dahua, { snippet: 'De VS verwijderde de Hikvision en Dahua apparatuur al in 2019', confidence: 1 });
  const article = koop.node('Article', 'https://www.ftm.nl/artikelen/de-ogen-van-chinees-staatsbedrijf-hikvision-zijn-overal', {
    url: 'https://www.ftm.nl/artikelen/de-ogen-van-chinees-staatsbedrijf-hikvision-zijn-overal',
    title: 'De ogen van Chinees staatsbedrijf Hikvision zijn overal',
    publishedAt: '2022-02-08',
  });
  koop.edge('CITES', qRef, article, { citation: 'Follow the Money, 8 februari 2022' });

  const source = (id: string, url: string, parser: string) => ({ id, url, fetchedAt: '2024-05-01T10:00:00Z', parser, parserVersion: '1' });
  return [
    { source: source('seed-odata-2022Z04510', "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Zaak?$filter=Nummer eq '2022Z04510'", 'tk-odata-zaak'), ...tk.build() },
    { source: source('seed-koop-kv-tk-2022Z04510', 'https://zoek.officielebekendmakingen.nl/kv-tk-2022Z04510.xml', 'koop-kamervragen-xml'), ...koop.build() },
  ];
}
