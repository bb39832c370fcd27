import { describe, expect, it } from 'vitest';
import { decisionOutcome, motionStatus } from '../../src/analysis/motion-status.js';

describe('motion status from decisions', () => {
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

  it('takes the latest binding decision and ignores proposals, registrations and deletions', () => {
    expect(
      motionStatus([
        { outcome: 'held', status: 'Besluit', version: '2024-12-27T08:45:35.330Z' },
        { outcome: 'rejected', status: 'Besluit', version: '2025-10-01T12:10:23.560Z' },
        { outcome: 'adopted', status: 'Voorstel', version: '2025-11-01T00:00:00.000Z' },
        { outcome: 'submitted', status: 'Besluit', version: '2025-12-01T00:00:00.000Z' },
        { outcome: 'withdrawn', status: 'Besluit', version: '2026-01-01T00:00:00.000Z', deleted: true },
      ]),
    ).toEqual({ status: 'rejected', decidedAt: '2025-10-01' });
    expect(motionStatus([{ outcome: 'submitted', status: 'Besluit' }])).toEqual({ status: 'pending', decidedAt: null });
    expect(motionStatus([])).toEqual({ status: 'pending', decidedAt: null });
  });

  it('breaks a tie in time by the order on the agenda', () => {
    const at = '2025-01-01T00:00:00.000Z';
    expect(motionStatus([{ outcome: 'held', version: at, order: 1 }, { outcome: 'adopted', version: at, order: 2 }]).status).toBe('adopted');
  });
});
