/**
 * A motion's status from its decisions (Besluiten): the outcome of the latest binding decision.
 * Proposals (`Status` Voorstel / Concept voorstel) and the "Ingediend" registration do not bind;
 * without a binding decision a motion is pending. The Cypher in `src/neo4j/derive-motion-status.ts`
 * applies the same rule inside the database.
 */

export type DecisionOutcome = 'adopted' | 'rejected' | 'withdrawn' | 'held' | 'postponed' | 'submitted';
export type MotionStatus = Exclude<DecisionOutcome, 'submitted'> | 'pending';

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

export interface DecisionFacts {
  outcome?: string | null;
  status?: string | null;
  /** Upstream modification time (UTC ISO): the order of decisions in time. */
  version?: string | null;
  /** AgendapuntZaakBesluitVolgorde: breaks ties within one moment. */
  order?: number | null;
  deleted?: boolean | null;
}

/** The motion's status and the date of the decision that set it. */
export function motionStatus(decisions: readonly DecisionFacts[]): { status: MotionStatus; decidedAt: string | null } {
  const binding = decisions.filter(
    (d) =>
      !d.deleted &&
      (BINDING_OUTCOMES as readonly string[]).includes(d.outcome ?? '') &&
      !NON_BINDING_STATUSES.includes(d.status ?? ''),
  );
  const latest = [...binding].sort((a, b) => compare(b.version, a.version) || (b.order ?? -1) - (a.order ?? -1))[0];
  if (!latest) return { status: 'pending', decidedAt: null };
  return { status: latest.outcome as MotionStatus, decidedAt: latest.version ? latest.version.slice(0, 10) : null };
}

function compare(a: string | null | undefined, b: string | null | undefined): number {
  return (a ?? '').localeCompare(b ?? '');
}
