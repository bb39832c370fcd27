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

/**
 * Outcomes by BesluitSoort, anchored at its start: the Kamer's list of kinds is long, and kinds such
 * as "V.k.a. - voor kennisgeving aannemen" (noted) or "Betrekken - desgewenst betrekken bij …"
 * (taken into another debate) decide nothing about a motion.
 */
const BY_KIND: [RegExp, DecisionOutcome][] = [
  [/^stemmen - (zonder stemming aannemen|aangenomen)/i, 'adopted'],
  [/^stemmen - verworpen/i, 'rejected'],
  [/^stemmen - ingetrokken/i, 'withdrawn'],
  [/^stemmen - aangehouden/i, 'held'],
  [/^stemmen - uitstellen/i, 'postponed'],
  [/^overgenomen/i, 'adopted'],
  [/^ingediend/i, 'submitted'],
];

/**
 * Outcomes by BesluitTekst, for a decision whose kind is missing (a page fetched with `$select`): the
 * texts the voting kinds carry ("Aangenomen. (71-70)", "Eerder ingetrokken (tijdens debat).",
 * "Stemming uitgesteld."), anchored at the start, so that "Het voorstel is niet aangenomen." or
 * "Desgewenst betrekken bij de stemmingen over de aangehouden motie" give none.
 */
const BY_TEXT: [RegExp, DecisionOutcome][] = [
  [/^(wetsvoorstel )?zonder stemming (aangenomen|aannemen)\b/i, 'adopted'],
  [/^aangenomen\b/i, 'adopted'],
  [/^verworpen\b/i, 'rejected'],
  [/^(eerder )?ingetrokken\b/i, 'withdrawn'],
  [/^aangehouden\b/i, 'held'],
  [/^stemming uitgesteld\b/i, 'postponed'],
  [/^overgenomen\b/i, 'adopted'],
  [/^ingediend\b/i, 'submitted'],
];

/**
 * The outcome of one decision from its BesluitSoort ("Stemmen - aangenomen"), or from its
 * BesluitTekst ("Aangenomen.") when it has no kind; none for a decision of any other kind.
 */
export function decisionOutcome(kind: string | undefined, text: string | undefined): DecisionOutcome | undefined {
  const [value, patterns] = kind?.trim() ? [kind, BY_KIND] : [text ?? '', BY_TEXT];
  return patterns.find(([pattern]) => pattern.test(value.trim()))?.[1];
}
