/**
 * What a decision (Besluit) does to a motion. A motion's status is the outcome of its latest
 * binding decision: proposals (`Status` Voorstel / Concept voorstel) and the "Ingediend"
 * registration do not bind; without a binding decision a motion is pending. The rule runs inside
 * the database, after every ingest: `src/neo4j/derive-motion-status.ts`.
 */

export type DecisionOutcome = 'adopted' | 'rejected' | 'withdrawn' | 'held' | 'postponed' | 'submitted';

/** Outcomes that settle (or park) a motion; `submitted` only registers it. */
export const BINDING_OUTCOMES: readonly DecisionOutcome[] = ['adopted', 'rejected', 'withdrawn', 'held', 'postponed'];
/** Decision statuses that are proposals, not decisions. */
export const NON_BINDING_STATUSES: readonly string[] = ['Voorstel', 'Concept voorstel'];

const BY_KIND: [RegExp, DecisionOutcome][] = [
  [/zonder stemming aannemen|aangenomen/i, 'adopted'],
  [/verworpen/i, 'rejected'],
  [/ingetrokken/i, 'withdrawn'],
  [/aangehouden/i, 'held'],
  [/uitstellen|uitgesteld/i, 'postponed'],
  [/^overgenomen/i, 'adopted'],
  [/^ingediend/i, 'submitted'],
];

/** The outcome of one decision from its BesluitSoort ("Stemmen - aangenomen") or, failing that, its BesluitTekst ("Aangenomen."). */
export function decisionOutcome(kind: string | undefined, text: string | undefined): DecisionOutcome | undefined {
  for (const value of [kind, text]) {
    if (!value) continue;
    const hit = BY_KIND.find(([pattern]) => pattern.test(value.trim()));
    if (hit) return hit[1];
  }
  return undefined;
}
