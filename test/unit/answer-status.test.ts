import { afterEach, describe, expect, it, vi } from 'vitest';
import { assessAnswer, unansweredSubQuestions } from '../../src/analysis/answer-status.js';
import { dutchDateTime, dutchDay, today } from '../../src/analysis/dutch-time.js';
import { assessFollowUp, claimsNoFollowUp } from '../../src/analysis/follow-up.js';

const submitted = '2022-03-10';
const due = '2022-03-31';
const facts = (answers: string[] = [], notices: string[] = [], extra: object = {}) => ({
  submittedAt: submitted,
  answers: answers.map((receivedAt) => ({ receivedAt })),
  postponements: notices.map((sentAt) => ({ sentAt })),
  ...extra,
});

describe('answer status as of a date', () => {
  it('puts the due date exactly 21 days after submission and keeps that day within the term', () => {
    expect(assessAnswer(facts(), due)).toMatchObject({ dueAt: due, status: 'OPEN_WITHIN_TERM', daysLate: 0 });
    expect(assessAnswer(facts(), '2022-04-01')).toMatchObject({ status: 'OVERDUE_WITHOUT_NOTICE', daysLate: 1 });
  });

  it('gives no status to a question without a submission date, answered or not: there is no due date to be on time for', () => {
    expect(assessAnswer(facts(['2022-04-01'], [], { submittedAt: null }), '2022-06-01')).toMatchObject({ status: null, dueAt: null, answeredAt: '2022-04-01', daysLate: 0 });
    expect(assessAnswer(facts([], [], { submittedAt: null }), '2022-06-01')).toMatchObject({ status: null, daysLate: 0 });
  });

  it('counts an answer on the due date as on time and one a day later as late', () => {
    expect(assessAnswer(facts([due]), '2022-06-01')).toMatchObject({ status: 'ANSWERED_ON_TIME', answeredAt: due, daysLate: 0 });
    expect(assessAnswer(facts(['2022-04-01T09:00:00']), '2022-06-01')).toMatchObject({ status: 'ANSWERED_LATE', daysLate: 1 });
  });

  it('calls a handled question without an answer in the graph closed with its answer unknown, not overdue', () => {
    expect(assessAnswer(facts([], [], { closed: true }), '2022-04-01')).toMatchObject({ status: 'CLOSED_ANSWER_UNKNOWN', daysLate: 0 });
    expect(assessAnswer(facts([], [], { closed: true }), '2022-03-20')).toMatchObject({ status: 'OPEN_WITHIN_TERM' });
    expect(assessAnswer(facts(['2022-06-08'], [], { closed: true }), '2022-07-01')).toMatchObject({ status: 'ANSWERED_LATE', daysLate: 69 });
    // Its answer in the graph came later: as of a day before it, the question was overdue, not closed.
    expect(assessAnswer(facts(['2022-06-08'], [], { closed: true }), '2022-04-15')).toMatchObject({ status: 'OVERDUE_WITHOUT_NOTICE', daysLate: 15, answeredAt: null });
  });

  it('reports a question as not yet submitted before its submission date', () => {
    expect(assessAnswer(facts([due]), '2022-03-09')).toEqual({ status: 'NOT_YET_SUBMITTED', dueAt: due, answeredAt: null, daysLate: 0, postponed: false });
  });

  it('treats a postponement sent after the deadline as no notice until it is sent', () => {
    const f = facts([], ['2022-04-05']);
    expect(assessAnswer(f, '2022-04-04')).toMatchObject({ status: 'OVERDUE_WITHOUT_NOTICE', postponed: false, daysLate: 4 });
    expect(assessAnswer(f, '2022-04-05')).toMatchObject({ status: 'OVERDUE_WITH_NOTICE', postponed: true, daysLate: 5 });
  });

  it('marks a notice within the term as postponed, and a late answer after it as late and postponed', () => {
    const f = facts(['2022-06-08'], ['2022-03-29']);
    expect(assessAnswer(f, '2022-03-30')).toMatchObject({ status: 'POSTPONED' });
    expect(assessAnswer(f, '2022-05-01')).toMatchObject({ status: 'OVERDUE_WITH_NOTICE', daysLate: 31 });
    expect(assessAnswer(f, '2022-07-01')).toMatchObject({ status: 'ANSWERED_LATE', daysLate: 69, postponed: true });
  });

  it('ignores an answer that is not received yet, later answers, and notices sent after the answer', () => {
    expect(assessAnswer(facts(['2022-06-08']), '2022-06-07')).toMatchObject({ status: 'OVERDUE_WITHOUT_NOTICE', answeredAt: null });
    expect(assessAnswer({ ...facts(), answers: [{ receivedAt: '2022-03-20', later: true }] }, '2022-04-10').status).toBe('OVERDUE_WITHOUT_NOTICE');
    expect(assessAnswer(facts(['2022-03-20'], ['2022-03-25']), '2022-04-10')).toMatchObject({ status: 'ANSWERED_ON_TIME', postponed: false });
  });

  it('reports withdrawn questions once withdrawn', () => {
    const f = facts([], [], { withdrawnAt: '2022-03-20' });
    expect(assessAnswer(f, '2022-03-19').status).toBe('OPEN_WITHIN_TERM');
    expect(assessAnswer(f, '2022-05-01')).toMatchObject({ status: 'WITHDRAWN', daysLate: 0 });
  });

  it('flags sub-questions without an answer only once an answer exists', () => {
    const qs = [1, 2, 3].map((number) => ({ number }));
    expect(unansweredSubQuestions(qs, [{ number: 1, text: 'Ja.' }, { number: 2, text: ' ' }], true)).toEqual([2, 3]);
    expect(unansweredSubQuestions(qs, [], false)).toEqual([]);
  });
});

describe('motion follow-up', () => {
  const motion = { status: 'adopted', decidedAt: '2019-07-02' };
  const doc = (date: string, government = true, claims = false) => ({ date, government, claimsNoFollowUp: claims });

  it('is unanswered when no government document refers to it within the period', () => {
    expect(assessFollowUp(motion, [], 365, '2022-03-10')).toMatchObject({ state: 'UNANSWERED', dueAt: '2020-07-01' });
    expect(assessFollowUp(motion, [], 365, '2020-07-01').state).toBe('PENDING');
  });

  it('is followed up by a government document inside the period, not by one after it or by a question', () => {
    expect(assessFollowUp(motion, [doc('2019-11-01')], 365, '2022-01-01').state).toBe('FOLLOWED_UP');
    expect(assessFollowUp(motion, [doc('2021-01-01')], 365, '2022-01-01').state).toBe('UNANSWERED');
    expect(assessFollowUp(motion, [doc('2019-11-01', false)], 365, '2022-01-01').state).toBe('UNANSWERED');
  });

  it('keeps claims that it was not followed up apart, as evidence', () => {
    const r = assessFollowUp(motion, [doc('2022-03-10', false, true)], 365, '2022-06-01');
    expect(r).toMatchObject({ state: 'UNANSWERED', claims: [{ date: '2022-03-10' }] });
    expect(claimsNoFollowUp('de motie Buitenweg en Verhoeven (30821–90) uit 2019, waar geen vervolg aan is gegeven')).toBe(true);
    expect(claimsNoFollowUp('zoals gevraagd in de motie')).toBe(false);
    expect(assessFollowUp({ status: 'rejected' }, [doc('2019-11-01')], 365, '2022-01-01').state).toBe('NOT_ADOPTED');
  });
});

describe('Dutch days', () => {
  afterEach(() => vi.useRealTimers());

  it('cuts an instant to the day it is in the Netherlands, through both changes of the clock', () => {
    expect(dutchDateTime(Date.parse('2022-03-10T23:30:00Z'))).toBe('2022-03-11T00:30:00+01:00');
    expect(dutchDateTime(Date.parse('2022-03-27T00:59:59Z'))).toBe('2022-03-27T01:59:59+01:00');
    expect(dutchDateTime(Date.parse('2022-03-27T01:00:00Z'))).toBe('2022-03-27T03:00:00+02:00');
    expect(dutchDateTime(Date.parse('2022-10-30T00:30:00Z'))).toBe('2022-10-30T02:30:00+02:00');
    expect(dutchDateTime(Date.parse('2022-10-30T01:30:00Z'))).toBe('2022-10-30T02:30:00+01:00');
    expect(dutchDay(Date.parse('2022-12-31T23:00:00Z'))).toBe('2023-01-01');
    expect(dutchDay(Date.parse('2022-12-31T22:59:59Z'))).toBe('2022-12-31');
  });

  it('takes today as the Dutch day: at 00:30 in Amsterdam a question due that day is due today', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2022-03-30T22:30:00Z'));
    expect(today()).toBe('2022-03-31');
    const status = assessAnswer({ submittedAt: '2022-03-10', answers: [], postponements: [], withdrawnAt: null, closed: false }, today());
    expect(status).toMatchObject({ status: 'OPEN_WITHIN_TERM', dueAt: '2022-03-31', daysLate: 0 });
  });

  it('turns today over at Dutch midnight, also when it was asked for a second before', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2022-10-29T21:59:59.999Z'));
    expect(today()).toBe('2022-10-29');
    vi.setSystemTime(new Date('2022-10-29T22:00:00Z'));
    expect(today()).toBe('2022-10-30');
    // The clock goes back at 01:00 UTC: the day stays.
    vi.setSystemTime(new Date('2022-10-30T01:00:00Z'));
    expect(today()).toBe('2022-10-30');
    vi.setSystemTime(new Date('2022-10-30T22:59:59Z'));
    expect(today()).toBe('2022-10-30');
    vi.setSystemTime(new Date('2022-10-30T23:00:00Z'));
    expect(today()).toBe('2022-10-31');
  });
});
