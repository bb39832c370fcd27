import { describe, expect, it } from 'vitest';
import { findCitations, sentenceAround } from '../../src/analysis/citations.js';

describe('findCitations', () => {
  it('finds a motion cited by names and number with an en dash, keeping the citation as written and its offsets', () => {
    const text = 'Bent u bekend met de motie Buitenweg en Verhoeven (30821–90) uit 2019?';
    const [c, ...rest] = findCitations(text);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ kind: 'motion', koopId: 'kst-30821-90', citation: 'motie Buitenweg en Verhoeven (30821–90)' });
    expect(text.slice(c!.start, c!.end)).toBe(c!.citation);
  });

  it('reads the Kamerstuk spellings with additions (dossier 21501-32, budget chapter VI)', () => {
    const ids = findCitations('Zie Kamerstuk 30 821, nr. 90, Kamerstukken II 2019/20, 21 501-32, nr. 1604 en kst-35300-VI-64.').map((c) => c.koopId);
    expect(ids).toEqual(['kst-30821-90', 'kst-21501-32-1604', 'kst-35300-VI-64']);
  });

  it('calls a Kamerstuk a motion only when the text says motie', () => {
    const [plain] = findCitations('Zie Kamerstuk 30 821, nr. 90.');
    const [said] = findCitations('Met de motie kst-30821-90 vroeg de Kamer om onderzoek.');
    expect(plain?.kind).toBe('kamerstuk');
    expect(said?.kind).toBe('motion');
  });

  it('keeps a parenthesised party inside a motion citation', () => {
    const [c] = findCitations('De motie van het lid Van der Staaij c.s. (SGP) (Kamerstuk 35 300 VI, nr. 64) is aangenomen.');
    expect(c).toMatchObject({ kind: 'motion', koopId: 'kst-35300-VI-64' });
  });

  it('marks questions that the text supplements, and not others', () => {
    const text = 'Deze vragen dienen ter aanvulling op eerdere vragen van het lid Rajkowski (VVD), ingezonden 9 maart 2022 (vraagnummer 2022Z04403). Zie ook 2021Z01234.';
    const [a, b] = findCitations(text);
    expect(a).toMatchObject({ kind: 'question', questionNumber: '2022Z04403', citation: 'vraagnummer 2022Z04403', supplements: true });
    expect(b).toMatchObject({ kind: 'question', questionNumber: '2021Z01234' });
    expect(b?.supplements).toBeUndefined();
  });

  it('turns an Aanhangsel reference into its KOOP id, as a notice of delay when the sentence says uitstel', () => {
    const [answer] = findCitations('Zie ook Aanhangsel Handelingen, vergaderjaar 2021–2022, nr. 2273.');
    const [notice] = findCitations('De mededeling over het uitstel staat in Aanhangsel Handelingen II 2021/22, nr. 2273.');
    expect(answer).toMatchObject({ kind: 'answer', koopId: 'ah-tk-20212022-2273' });
    expect(notice).toMatchObject({ kind: 'postponement', koopId: 'ah-tk-20212022-2273' });
  });

  it('does not take years, dates or amounts for document numbers', () => {
    expect(findCitations('In 2021–2022 gaven 150 gemeenten op 10 maart 2022 samen 30 821 euro uit.')).toEqual([]);
  });

  it('does not end a sentence at "nr." or "c.s."', () => {
    const text = 'Eerder. De motie-Van der Staaij c.s. (Kamerstuk 35 300, nr. 64) vroeg dit. Later.';
    const c = findCitations(text)[0]!;
    expect(sentenceAround(text, c.start, c.end)).toBe('De motie-Van der Staaij c.s. (Kamerstuk 35 300, nr. 64) vroeg dit.');
  });
});
