import type { PartyNames } from '../../src/analysis/mention-forms.js';
import { ref, type EdgeRecord, type FragmentBody, type NodeRef } from '../../src/model/fragment.js';

/** Edges whose props name the party of the person at the time, as the document writes it: "(D66)". */
export const PARTY_BEARING = new Set(['ASKED', 'SUBMITTED']);

/** The one party a written name ("D66", "GroenLinks-PvdA", "Democraten 66") stands for, or undefined. */
export function findParty(written: string, parties: readonly PartyNames[]): PartyNames | undefined {
  const want = written.trim().toLowerCase();
  const hits = parties.filter((p) => p.abbreviation?.toLowerCase() === want || p.name?.toLowerCase() === want);
  return hits.length === 1 ? hits[0] : undefined;
}

/** The MEMBER_OF edge (observed at the document's date, the party as written) of a person a document places in a party, or undefined when the party is not known. */
export function observedMembership(person: NodeRef, written: string, parties: readonly PartyNames[], date: string | undefined): EdgeRecord | undefined {
  const party = findParty(written, parties);
  if (!party) return undefined;
  // Keyed by date as the Tweede Kamer mapping keys the memberships it observes.
  const key = date ? `observed:${date}` : 'observed';
  return { type: 'MEMBER_OF', from: person, to: ref('Party', party.id), key, props: { partyName: written, ...(date ? { observedAt: date } : {}) } };
}

/**
 * Adds a MEMBER_OF edge (see observedMembership) for every person a document places in a party, so
 * a person known only by name is still connected to the party.
 */
export function addObservedMemberships(body: FragmentBody, parties: readonly PartyNames[], date: string | undefined): FragmentBody {
  const added = new Map<string, EdgeRecord>();
  for (const e of body.edges) {
    const written = e.props.partyName;
    if (!PARTY_BEARING.has(e.type) || e.from.label !== 'Person' || typeof written !== 'string') continue;
    const edge = observedMembership(e.from, written, parties, date);
    if (edge) added.set(`${e.from.key}\u0000${e.from.value}\u0000${edge.to.value}`, edge);
  }
  return added.size === 0 ? body : { ...body, edges: [...body.edges, ...added.values()] };
}
