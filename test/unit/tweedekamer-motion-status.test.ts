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
});
