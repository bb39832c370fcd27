import type { GraphNode } from './api.js';
import { fill, h, say } from './dom.js';
import { koopUrl } from './links.js';
import { loadQuestions, questionFilterFor, statusText, type QuestionRow } from './views.js';

interface TimelineEvent {
  date: string;
  what: string;
  question: QuestionRow;
  koopId: string | null;
}

/** Every dated step of the questions: submitted, due, postponed, answered. */
function toEvents(rows: QuestionRow[]): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const q of rows) {
    if (q.submittedAt) events.push({ date: q.submittedAt, what: 'submitted', question: q, koopId: q.koopId });
    if (q.dueAt && !q.answeredAt) events.push({ date: q.dueAt, what: 'answer due', question: q, koopId: null });
    for (const p of q.postponements) if (p.sentAt) events.push({ date: p.sentAt, what: 'postponement notice', question: q, koopId: p.koopId });
    for (const a of q.answers) if (a.receivedAt) events.push({ date: a.receivedAt, what: 'answered', question: q, koopId: a.koopId });
  }
  return events.sort((a, b) => a.date.localeCompare(b.date));
}

/** Ready-made view: a timeline of the questions about the selected entity (or all questions); nothing is shown once `latest` says a later request overtook it. */
export async function showTimeline(out: HTMLElement, subject: GraphNode | undefined, open: (id: string) => void, latest: () => boolean): Promise<void> {
  const filter = questionFilterFor(subject);
  const scoped = Object.keys(filter).length > 0 && subject !== undefined;
  const scope = scoped ? subject.label : 'all questions';
  // Over all questions the recent ones matter most: the newest hundred, shown in date order.
  const { total, rows } = await loadQuestions(filter, scoped ? 'SUBMITTED_ASC' : 'SUBMITTED_DESC', 100);
  if (!latest()) return;
  const events = toEvents(rows);
  const undated = rows.filter((q) => !q.submittedAt).length;
  say(`Timeline of ${scope}: ${events.length} events`);
  fill(
    out,
    h('h3', {}, `Timeline: ${scope}`),
    total > rows.length ? h('p', { class: 'small' }, `The ${scoped ? 'oldest' : 'newest'} ${rows.length} of ${total} questions.`) : null,
    undated ? h('p', { class: 'small' }, `${undated} question${undated === 1 ? ' has' : 's have'} no submission date and ${undated === 1 ? 'is' : 'are'} left out.`) : null,
    h(
      'ol',
      { class: 'timeline', 'aria-label': `Timeline of ${scope}` },
      ...events.map((e) =>
        h(
          'li',
          { class: `event event-${e.what.replace(/\s+/g, '-')}` },
          h('time', { datetime: e.date }, e.date.slice(0, 10)),
          ' ',
          h('button', { type: 'button', class: 'link', onclick: () => open(e.question.id) }, e.question.number ?? e.question.id),
          ` ${e.what}`,
          e.koopId ? h('a', { href: koopUrl(e.koopId), target: '_blank', rel: 'noopener noreferrer', class: 'small' }, ` ${e.koopId}`) : null,
          e.what === 'submitted' ? h('div', { class: 'small' }, `${e.question.subject ?? ''} · ${statusText(e.question)}`) : null,
        ),
      ),
    ),
  );
}
