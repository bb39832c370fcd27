/**
 * Answer deadline and status of a written question as of a date. The Rules of Procedure give the
 * government three weeks; a postponement notice does not move the deadline, it only says that the
 * answer will be late, so a question past its deadline with a notice is "overdue with notice".
 */

export const ANSWER_TERM_DAYS = 21;

/** Every answer status, as the schema's AnswerStatus enum lists them. */
export const ANSWER_STATUSES = [
  'NOT_YET_SUBMITTED',
  'OPEN_WITHIN_TERM',
  'POSTPONED',
  'ANSWERED_ON_TIME',
  'ANSWERED_LATE',
  'OVERDUE_WITH_NOTICE',
  'OVERDUE_WITHOUT_NOTICE',
  'CLOSED_ANSWER_UNKNOWN',
  'WITHDRAWN',
] as const;

export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

export interface AnswerFacts {
  submittedAt: string | null | undefined;
  /** Dates the answers were received; later (nader) answers do not count as the answer. */
  answers: { receivedAt: string | null | undefined; later?: boolean | null }[];
  postponements: { sentAt: string | null | undefined }[];
  withdrawnAt?: string | null;
  /** The Tweede Kamer marks the case handled (Zaak.Afgedaan); its answer may still be missing from the graph. */
  closed?: boolean | null;
}

export interface AnswerAssessment {
  status: AnswerStatus | null;
  dueAt: string | null;
  answeredAt: string | null;
  /** Days past the due date (until the answer, or until asOf); 0 when not late. */
  daysLate: number;
  /** A notice was sent before the answer (or before asOf when unanswered). */
  postponed: boolean;
}

const DAY = 86_400_000;

/** The calendar date (YYYY-MM-DD) of an ISO date or date-time, or null. */
export function toDay(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return m ? m[1]! : null;
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (both YYYY-MM-DD). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

const earliest = (days: (string | null)[]): string | null => days.filter((d): d is string => d !== null).sort()[0] ?? null;

/** Computes due date, status, days late and postponement of a question as of a date (YYYY-MM-DD). */
export function assessAnswer(facts: AnswerFacts, asOf: string): AnswerAssessment {
  const submitted = toDay(facts.submittedAt);
  const dueAt = submitted ? addDays(submitted, ANSWER_TERM_DAYS) : null;
  const firstAnswer = earliest(facts.answers.filter((a) => !a.later).map((a) => toDay(a.receivedAt)));
  const answeredAt = firstAnswer !== null && firstAnswer <= asOf ? firstAnswer : null;
  const horizon = answeredAt ?? asOf;
  const noticeAt = earliest(facts.postponements.map((p) => toDay(p.sentAt)).filter((d) => d !== null && d <= horizon));
  const postponed = noticeAt !== null;
  const base = { dueAt, answeredAt, postponed };
  // Without a submission date there is no due date, so no status, answered or not (as answerStatusCypher has it).
  if (!submitted || !dueAt) return { ...base, status: null, daysLate: 0 };
  if (asOf < submitted) return { ...base, answeredAt: null, postponed: false, status: 'NOT_YET_SUBMITTED', daysLate: 0 };
  const withdrawn = toDay(facts.withdrawnAt);
  if (withdrawn && withdrawn <= asOf && !answeredAt) return { ...base, status: 'WITHDRAWN', daysLate: 0 };
  const late = Math.max(0, daysBetween(dueAt, horizon));
  if (answeredAt) return { ...base, status: late > 0 ? 'ANSWERED_LATE' : 'ANSWERED_ON_TIME', daysLate: late };
  if (asOf <= dueAt) return { ...base, status: postponed ? 'POSTPONED' : 'OPEN_WITHIN_TERM', daysLate: 0 };
  // Handled upstream but no answer here: whether and when it was answered is unknown, not overdue.
  // An answer in the graph received after asOf is what closed it: as of asOf it was still open.
  if (facts.closed && firstAnswer === null) return { ...base, status: 'CLOSED_ANSWER_UNKNOWN', daysLate: 0 };
  return { ...base, status: postponed ? 'OVERDUE_WITH_NOTICE' : 'OVERDUE_WITHOUT_NOTICE', daysLate: late };
}

/** Numbers of sub-questions that have no answer text, once an answer exists. */
export function unansweredSubQuestions(questions: { number: number }[], answers: { number: number; text?: string | null }[], answered: boolean): number[] {
  if (!answered) return [];
  const done = new Set(answers.filter((a) => (a.text ?? '').trim() !== '').map((a) => a.number));
  return questions.map((q) => q.number).filter((n) => !done.has(n));
}
