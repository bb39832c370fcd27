/**
 * How a decision's votes add up. A show of hands has one record per party, weighing its seats; a
 * roll call (hoofdelijke stemming) one per member, weighing one. Votes cast by mistake count as
 * cast, as in the official count. The decision's text states a roll call's count ("Verworpen.
 * (72-74)": 72 for, 74 against), so the records can be checked against it: a source that gives
 * only part of a roll call (the open data has one with 100 of 150 votes) shows as incomplete.
 */

/** A vote's choice as the graph keeps it (VOTED.choice), whatever the source calls it. */
export const CHOICE = { for: 'for', against: 'against', notVoted: 'not voted' } as const;

/** A vote record as the graph keeps it (VOTED): its normalised choice, a party's seats, the party it was cast for. */
export interface VoteRecord {
  choice: string | null;
  /** Seats of a party's vote; null on a member's vote, which weighs one. */
  seats: number | null;
  byPerson: boolean;
  partyName: string | null;
}

/** Seats or members for, against and taking no part; null where a party's record lacks its seats, or there are no records to count. */
export interface VoteCount {
  for: number | null;
  against: number | null;
  notVoted: number | null;
}

export interface PartyCount extends VoteCount {
  partyName: string | null;
}

export interface VoteTally extends VoteCount {
  records: number;
  statedFor: number | null;
  statedAgainst: number | null;
  /** Whether for and against are what the text states; null when it states no count or seats are missing. */
  complete: boolean | null;
  byParty: PartyCount[];
}

const STATED_COUNT = /\((\d{1,3})\s*-\s*(\d{1,3})\)/;

/** The count a decision's text states, "(72-74)": for, then against. */
export function statedCount(text: string | null | undefined): { for: number; against: number } | null {
  const m = STATED_COUNT.exec(text ?? '');
  return m ? { for: Number(m[1]), against: Number(m[2]) } : null;
}

const KEY: ReadonlyMap<string, keyof VoteCount> = new Map(Object.entries(CHOICE).map(([key, choice]) => [choice, key as keyof VoteCount]));

function add(count: VoteCount, vote: VoteRecord): void {
  const key = vote.choice ? KEY.get(vote.choice) : undefined;
  if (!key) return;
  const weight = vote.byPerson ? 1 : vote.seats;
  const before = count[key];
  count[key] = before === null || weight === null ? null : before + weight;
}

/** Whether the records add up to the stated count: none recorded against a stated count is incomplete; unknown seats leave it open. */
function completeness(total: VoteCount, stated: { for: number; against: number } | null, records: number): boolean | null {
  if (stated === null) return null;
  if (records === 0) return false;
  if (total.for === null || total.against === null) return null;
  return total.for === stated.for && total.against === stated.against;
}

/**
 * Counts a decision's vote records, per choice and per party, and checks them against the count its
 * text states. A decision without records (its votes not ingested, or none taken) has no count: not 0-0.
 */
export function tallyVotes(votes: readonly VoteRecord[], text: string | null | undefined): VoteTally {
  const total: VoteCount = votes.length === 0 ? { for: null, against: null, notVoted: null } : { for: 0, against: 0, notVoted: 0 };
  const parties = new Map<string | null, PartyCount>();
  for (const vote of votes) {
    add(total, vote);
    let party = parties.get(vote.partyName);
    if (!party) parties.set(vote.partyName, (party = { partyName: vote.partyName, for: 0, against: 0, notVoted: 0 }));
    add(party, vote);
  }
  const stated = statedCount(text);
  const complete = completeness(total, stated, votes.length);
  const byParty = [...parties.values()].sort((a, b) => (a.partyName ?? '').localeCompare(b.partyName ?? '', 'nl'));
  return { ...total, records: votes.length, statedFor: stated?.for ?? null, statedAgainst: stated?.against ?? null, complete, byParty };
}
