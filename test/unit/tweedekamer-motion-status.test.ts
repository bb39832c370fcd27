import { describe, expect, it } from 'vitest';
import { decisionOutcome } from '../../src/analysis/motion-status.js';

describe('the outcome of a decision', () => {
  it('reads the outcome from BesluitSoort, else BesluitTekst', () => {
    expect(decisionOutcome('Stemmen - aangenomen', 'Aangenomen.')).toBe('adopted');
    expect(decisionOutcome('Stemmen - zonder stemming aannemen', undefined)).toBe('adopted');
    expect(decisionOutcome('Stemmen - verworpen', 'Verworpen. (72-74)')).toBe('rejected');
    expect(decisionOutcome('Stemmen - aangehouden (al tijdens debat)', undefined)).toBe('held');
    expect(decisionOutcome('Stemmen - ingetrokken', undefined)).toBe('withdrawn');
    expect(decisionOutcome('Stemmen - uitstellen', undefined)).toBe('postponed');
    expect(decisionOutcome(undefined, 'Ingediend')).toBe('submitted');
    expect(decisionOutcome('Behandelen [en afdoen]', 'Behandeld.')).toBeUndefined();
  });

  it('gives a decision of another kind no outcome, whatever its text says', () => {
    // Real pairs of BesluitSoort and BesluitTekst from the Kamer's Besluit pages.
    expect(decisionOutcome('V.k.a. - voor kennisgeving aannemen (commissie)', 'Voor kennisgeving aangenomen.')).toBeUndefined();
    expect(decisionOutcome('[Vrij tekstveld / geen Parlisproces]', 'Het voorstel is niet aangenomen.')).toBeUndefined();
    expect(decisionOutcome('Betrekken - desgewenst betrekken bij andere zaak (relateren)', 'Desgewenst betrekken bij de stemmingen over de aangehouden motie')).toBeUndefined();
    expect(decisionOutcome('Controversieel - niet controversieel verklaren [geen Parlisproces] (commissie)', 'Niet controversieel verklaren.')).toBeUndefined();
    expect(decisionOutcome('Aanhouden - tot de volgende procedurevergadering', 'Aangehouden tot de volgende procedurevergadering.')).toBeUndefined();
  });

  it('reads the text of a decision without a kind (a page fetched with $select) only as the voting kinds word it', () => {
    expect(decisionOutcome(undefined, 'Aangenomen. (71-70)')).toBe('adopted');
    expect(decisionOutcome(undefined, 'Wetsvoorstel zonder stemming aangenomen.')).toBe('adopted');
    expect(decisionOutcome(undefined, 'Verworpen (Hoofdelijk 39-100)')).toBe('rejected');
    expect(decisionOutcome(undefined, 'Eerder ingetrokken (tijdens debat).')).toBe('withdrawn');
    expect(decisionOutcome(undefined, 'Aangehouden (tijdens debat).')).toBe('held');
    expect(decisionOutcome(undefined, 'Stemming uitgesteld.')).toBe('postponed');
    expect(decisionOutcome(undefined, 'Overgenomen.')).toBe('adopted');
    expect(decisionOutcome(undefined, 'Het voorstel is niet aangenomen.')).toBeUndefined();
    expect(decisionOutcome(undefined, 'Voor kennisgeving aangenomen.')).toBeUndefined();
    expect(decisionOutcome(undefined, 'Desgewenst betrekken bij de stemmingen over de aangehouden motie')).toBeUndefined();
    expect(decisionOutcome(undefined, undefined)).toBeUndefined();
  });
});
