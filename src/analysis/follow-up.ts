import { addDays, toDay } from './answer-status.js';

/**
 * Follow-up of a motion: an adopted motion is followed up when a later government document refers
 * to it within the period; unanswered when the period has passed without one. Texts that say it was
 * not followed up ("geen vervolg") are evidence, kept apart, never counted as a follow-up.
 */

export type FollowUpState = 'NOT_ADOPTED' | 'FOLLOWED_UP' | 'UNANSWERED' | 'PENDING';

export interface FollowUpCandidate {
  date: string | null;
  government: boolean;
  claimsNoFollowUp: boolean;
}

export interface FollowUpAssessment<T> {
  state: FollowUpState;
  dueAt: string | null;
  documents: T[];
  claims: T[];
}

/** Labels whose documents come from the government (answers, notices, letters). */
export const GOVERNMENT_LABELS = ['Answer', 'Postponement', 'Document'] as const;

/** Words saying a motion was not followed up (the API's list filter uses them in Cypher too). */
export const NO_FOLLOW_UP = /geen\s+(vervolg|uitvoering|opvolging)|niet\s+(uitgevoerd|opgevolgd)|not\s+followed\s+up/i;

/** Whether a citation or its context says the motion was not followed up. */
export function claimsNoFollowUp(text: string | null | undefined): boolean {
  return typeof text === 'string' && NO_FOLLOW_UP.test(text);
}

/** Decides the follow-up state of a motion as of a date (YYYY-MM-DD), given the documents that refer to it. */
export function assessFollowUp<T extends FollowUpCandidate>(
  motion: { status: string | null | undefined; decidedAt?: string | null; submittedAt?: string | null },
  documents: T[],
  withinDays: number,
  asOf: string,
): FollowUpAssessment<T> {
  const claims = documents.filter((d) => d.claimsNoFollowUp);
  if (motion.status !== 'adopted') return { state: 'NOT_ADOPTED', dueAt: null, documents: [], claims };
  const start = toDay(motion.decidedAt) ?? toDay(motion.submittedAt);
  const dueAt = start ? addDays(start, withinDays) : null;
  const inPeriod = documents.filter((d) => {
    const day = toDay(d.date);
    if (!d.government || d.claimsNoFollowUp || !day || day > asOf) return false;
    return (!start || day >= start) && (!dueAt || day <= dueAt);
  });
  if (inPeriod.length > 0) return { state: 'FOLLOWED_UP', dueAt, documents: inPeriod, claims };
  return { state: dueAt !== null && asOf <= dueAt ? 'PENDING' : 'UNANSWERED', dueAt, documents: [], claims };
}
