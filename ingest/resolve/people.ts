import type { PersonRecord } from '../../src/analysis/person-names.js';

/** A party membership of a person, as the graph knows it: an interval, or a date it was observed. */
export interface Membership {
  partyId: string;
  partyNames: string[];
  from?: string;
  to?: string;
  observedAt?: string;
}

/** A Tweede Kamer person with the party memberships the resolver weighs. */
export interface KnownPerson extends PersonRecord {
  memberships: Membership[];
}

const day = (iso: string | undefined): string | undefined => iso?.slice(0, 10);

/** Whether a membership covers a date (YYYY-MM-DD…); an observation counts within a year of the date. */
function coversDate(m: Membership, date: string): boolean {
  const d = day(date)!;
  if (m.from) return day(m.from)! <= d && (!m.to || d <= day(m.to)!);
  if (m.observedAt) return Math.abs(Date.parse(day(m.observedAt)!) - Date.parse(d)) <= 366 * 86_400_000;
  return false;
}

/**
 * Whether the person sat for some party at the date; undefined when the graph cannot say. Only
 * membership intervals can say no: an observation at another time is no evidence of absence.
 */
export function activeAt(p: KnownPerson, date: string | undefined): boolean | undefined {
  if (!date || p.memberships.length === 0) return undefined;
  if (p.memberships.some((m) => coversDate(m, date))) return true;
  return p.memberships.some((m) => m.from) ? false : undefined;
}

/** Whether the person belonged to a party of that name (abbreviation or full name) at the date, when known. */
export function partyFits(p: KnownPerson, partyName: string, date: string | undefined): boolean | undefined {
  if (p.memberships.length === 0) return undefined;
  const want = partyName.trim().toLowerCase();
  const relevant = date ? p.memberships.filter((m) => coversDate(m, date)) : p.memberships;
  if (relevant.length === 0) return undefined;
  return relevant.some((m) => m.partyNames.some((n) => n.toLowerCase() === want));
}
