import { describe, expect, it } from 'vitest';
import { companyForms, officeForms, partyForms, personForms } from '../../src/analysis/mention-forms.js';
import { createMentionIndex, extractMentions, snippetAround } from '../../src/analysis/mentions.js';
import { stripLegalForm } from '../../src/analysis/legal-forms.js';
import { ministryShieldForms } from '../../src/analysis/ministries.js';

const index = createMentionIndex([
  ...companyForms({ id: 'hikvision', name: 'Hikvision', aliases: [], legalNames: ['Hangzhou Hikvision Digital Technology Co., Ltd.'] }),
  ...companyForms({ id: 'dahua', name: 'Dahua', aliases: [], legalNames: [] }),
  ...companyForms({ id: 'shell', name: 'Shell', aliases: [{ text: 'Shell', caseSensitive: true }], legalNames: [] }),
  ...companyForms({ id: 'dji', name: 'DJI', aliases: [{ text: 'DJI', unlessText: ['Justitiële Inrichtingen'] }], legalNames: [] }),
  ...personForms({ id: 'hind', initials: 'H.', firstName: 'Hind', surname: 'Dekker-Abdulaziz' }),
  ...personForms({ id: 'ralf', initials: 'R.J.', firstName: 'Ralf', surname: 'Dekker' }),
  ...personForms({ id: 'roon', initials: 'R.', firstName: 'Raymond', surname: 'de Roon' }),
  ...personForms({ id: 'jimmy', initials: 'J.P.', firstName: 'Jimmy', surname: 'Dijk' }),
  ...personForms({ id: 'diederik', initials: 'D.J.H.', firstName: 'Diederik', surname: 'van Dijk' }),
  ...personForms({ id: 'inge', initials: 'I.', firstName: 'Inge', surname: 'van Dijk' }),
  ...personForms({ id: 'welzijn', initials: 'M.', firstName: 'Merlien', surname: 'Welzijn' }),
  ...personForms({ id: 'helder', initials: 'L.M.J.S.', firstName: 'Lilian', surname: 'Helder' }),
  ...personForms({ id: 'yesilgoz', initials: 'D.', firstName: 'Dilan', surname: 'Yeşilgöz-Zegerius' }),
  ...partyForms({ id: 'cda', abbreviation: 'CDA', name: 'Christen-Democratisch Appèl' }),
  ...partyForms({ id: 'pvv', abbreviation: 'PVV', name: 'Partij voor de Vrijheid' }),
  ...partyForms({ id: 'd66', abbreviation: 'D66', name: 'Democraten 66' }),
  ...partyForms({ id: 'glpvda', abbreviation: 'GroenLinks-PvdA', name: 'GroenLinks-PvdA' }),
  ...partyForms({ id: 'gl', abbreviation: 'GroenLinks', name: 'GroenLinks' }),
  ...partyForms({ id: 'pvda', abbreviation: 'PvdA', name: 'Partij van de Arbeid' }),
  ...officeForms({ id: 'minister-van-justitie-en-veiligheid', title: 'minister van Justitie en Veiligheid' }),
  ...ministryShieldForms(),
]);

const found = (text: string) => extractMentions(text, index).mentions.map((m) => `${m.kind}:${m.entityId}:${m.text}`);

describe('company mentions', () => {
  it('strips legal forms and keeps word boundaries', () => {
    expect(stripLegalForm('Hangzhou Hikvision Digital Technology Co., Ltd.')).toBe('Hangzhou Hikvision Digital Technology');
    expect(stripLegalForm('Nederlandse Aardolie Maatschappij B.V.')).toBe('Nederlandse Aardolie Maatschappij');
    expect(found('Hangzhou Hikvision Digital Technology Co., Ltd. levert')).toEqual(['company:hikvision:Hangzhou Hikvision Digital Technology Co., Ltd.']);
    expect(found('Hangzhou Hikvision Digital Technology levert')).toEqual(['company:hikvision:Hangzhou Hikvision Digital Technology']);
    expect(found('Dahuas, Dahuatech en xDahua niet; Dahua-camera’s en Dahua’s wel')).toEqual(['company:dahua:Dahua', 'company:dahua:Dahua']);
  });

  it('applies case rules to aliases that are also words, and context rules to ambiguous ones', () => {
    // All capitals count for longer names: titles of motions are set in capitals.
    expect(found('een shell script van Shell en SHELL')).toEqual(['company:shell:Shell', 'company:shell:SHELL']);
    expect(found('HIKVISION en hikvision')).toEqual(['company:hikvision:HIKVISION']);
    expect(found('drones van DJI')).toEqual(['company:dji:DJI']);
    expect(found('de Dienst Justitiële Inrichtingen (DJI)')).toEqual([]);
  });
});

describe('person mentions', () => {
  it('finds the Dutch forms of one person and no shorter name inside a double surname', () => {
    expect(found('H. Dekker-Abdulaziz, Hind Dekker-Abdulaziz, Dekker-Abdulaziz, H. en Dekker-Abdulaziz')).toEqual([
      'person:hind:H. Dekker-Abdulaziz',
      'person:hind:Hind Dekker-Abdulaziz',
      'person:hind:Dekker-Abdulaziz, H.',
      'person:hind:Dekker-Abdulaziz',
    ]);
    expect(found('Roon de, R. en het lid De Roon')).toEqual(['person:roon:Roon de, R.', 'person:roon:De Roon']);
    expect(found('minister Yeşilgöz en Dilan Yeşilgöz')).toEqual(['person:yesilgoz:Yeşilgöz', 'person:yesilgoz:Dilan Yeşilgöz']);
  });

  it('reports a name shared by two persons as ambiguous, never guessed', () => {
    const { mentions, ambiguous } = extractMentions('het lid Van Dijk en het lid Dijk', index);
    expect(mentions.map((m) => m.entityId)).toEqual(['jimmy']);
    expect(ambiguous).toEqual([expect.objectContaining({ text: 'Van Dijk', candidates: ['diederik', 'inge'] })]);
    expect(found('het lid Inge van Dijk')).toEqual(['person:inge:Inge van Dijk']);
    expect(extractMentions('Dekker', index).ambiguous[0]?.candidates.sort()).toEqual(['hind', 'ralf']);
  });

  it('does not read names in places, ministries, other people or lower-case words', () => {
    expect(found('in Den Helder en de Staat van Dijk')).toEqual([]);
    expect(found('de minister van Volksgezondheid, Welzijn en Sport')).toEqual([]);
    expect(found('het lid Welzijn')).toEqual(['person:welzijn:Welzijn']);
    expect(found('het lid Agnes Dekker')).toEqual([]);
    expect(found('een dijk en helder water')).toEqual([]);
    expect(found('de motie-Dijk en het amendement-Helder')).toEqual(['person:jimmy:Dijk', 'person:helder:Helder']);
  });
});

describe('party and office mentions', () => {
  it('tells party abbreviations from words and prefers the longest name', () => {
    expect(found('CDA, cda, PVV-fractie, D66 en GroenLinks-PvdA; GroenLinks en PvdA; de Partij van de Arbeid')).toEqual([
      'party:cda:CDA',
      'party:pvv:PVV',
      'party:d66:D66',
      'party:glpvda:GroenLinks-PvdA',
      'party:gl:GroenLinks',
      'party:pvda:PvdA',
      'party:pvda:Partij van de Arbeid',
    ]);
  });

  it('finds an office by its title and its ministry', () => {
    expect(found('de Minister van Justitie en Veiligheid en het ministerie van Justitie en Veiligheid')).toEqual([
      'office:minister-van-justitie-en-veiligheid:Minister van Justitie en Veiligheid',
      'office:minister-van-justitie-en-veiligheid:ministerie van Justitie en Veiligheid',
    ]);
  });

  it('gives offsets into the text and a one-line snippet', () => {
    const text = 'Vraag 5\n\nDe VS verwijderde de Hikvision en Dahua apparatuur al in 2019.';
    const [m] = extractMentions(text, index).mentions;
    expect(text.slice(m!.start, m!.end)).toBe('Hikvision');
    expect(m!.confidence).toBeGreaterThan(0.9);
    expect(snippetAround(text, m!.start, m!.end, 10)).toMatch(/^…\S* de Hikvision en Dahua\S*…$/);
  });
});
