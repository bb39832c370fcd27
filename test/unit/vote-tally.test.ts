import { describe, expect, it } from 'vitest';
import { statedCount, tallyVotes, type VoteRecord } from '../../src/analysis/vote-tally.js';

const party = (partyName: string, choice: string | null, seats: number | null): VoteRecord => ({ partyName, choice, seats, byPerson: false });
/** A member's roll-call vote: it weighs one, whatever the party's size the row gives. */
const member = (partyName: string, choice: string): VoteRecord => ({ partyName, choice, seats: null, byPerson: true });

describe('tallyVotes', () => {
  it('reads the count a decision text states, and none from a text without one', () => {
    expect(statedCount('Verworpen. (72-74)')).toEqual({ for: 72, against: 74 });
    expect(statedCount('Aangenomen.')).toBeNull();
    expect(statedCount(null)).toBeNull();
  });

  it('leaves a count unknown, and completeness undecided, when a party vote lacks its seats', () => {
    const t = tallyVotes([party('VVD', 'for', 24), party('SP', 'for', null), party('PVV', 'against', 37)], 'Aangenomen. (80-70)');
    expect(t).toMatchObject({ for: null, against: 37, notVoted: 0, records: 3, statedFor: 80, statedAgainst: 70, complete: null });
    expect(t.byParty.map((p) => [p.partyName, p.for])).toEqual([
      ['PVV', 0],
      ['SP', null],
      ['VVD', 24],
    ]);
  });

  it('counts a record of an unknown choice as a record and in no choice', () => {
    expect(tallyVotes([party('VVD', 'for', 24), party('SP', 'Onbekend', 9)], null)).toMatchObject({ for: 24, against: 0, notVoted: 0, records: 2, complete: null });
  });

  it('weighs each member of a roll call one, per party, and holds the count to the stated one', () => {
    const votes = [member('VVD', 'for'), member('VVD', 'for'), member('SP', 'against'), member('SP', 'not voted')];
    const t = tallyVotes(votes, 'Aangenomen. (2-1)');
    expect(t).toMatchObject({ for: 2, against: 1, notVoted: 1, records: 4, complete: true });
    expect(t.byParty).toEqual([
      { partyName: 'SP', for: 0, against: 1, notVoted: 1 },
      { partyName: 'VVD', for: 2, against: 0, notVoted: 0 },
    ]);
    expect(tallyVotes(votes.slice(1), 'Aangenomen. (2-1)')).toMatchObject({ for: 1, complete: false });
  });

  it('gives a decision without vote records no count, and calls a stated count without records incomplete', () => {
    expect(tallyVotes([], 'Aangenomen.')).toMatchObject({ for: null, against: null, notVoted: null, records: 0, complete: null, byParty: [] });
    expect(tallyVotes([], 'Verworpen. (72-74)')).toMatchObject({ for: null, records: 0, complete: false });
  });
});
