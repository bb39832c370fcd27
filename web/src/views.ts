import { gql, type GraphNode } from './api.js';
import { fill, h, say } from './dom.js';

/** Plain words for the API's answer statuses. */
const STATUS_TEXT: Record<string, string> = {
  NOT_YET_SUBMITTED: 'not yet submitted',
  OPEN_WITHIN_TERM: 'open, within term',
  POSTPONED: 'postponed (notice sent)',
  ANSWERED_ON_TIME: 'answered on time',
  ANSWERED_LATE: 'answered late',
  OVERDUE_WITH_NOTICE: 'overdue, with notice',
  OVERDUE_WITHOUT_NOTICE: 'overdue, no notice',
  CLOSED_ANSWER_UNKNOWN: 'handled, answer not in the graph',
  WITHDRAWN: 'withdrawn',
};

export interface QuestionRow {
  id: string;
  number: string | null;
  subject: string | null;
  submittedAt: string | null;
  dueAt: string | null;
  answeredAt: string | null;
  status: string | null;
  daysLate: number | null;
  koopId: string | null;
  askedBy: { person: { name: string | null }; party: { abbreviation: string | null } | null }[];
  addressedTo: { title: string | null }[];
  postponements: { sentAt: string | null; koopId: string | null }[];
  answers: { receivedAt: string | null; koopId: string | null }[];
}

const QUESTION_FIELDS = `id number subject submittedAt dueAt answeredAt status daysLate koopId
  askedBy { person { name } party { abbreviation } } addressedTo { title }
  postponements { sentAt koopId } answers { receivedAt koopId }`;

/** The filter that selects questions related to a node (a company, person, party or office). */
export function questionFilterFor(node: GraphNode | undefined): Record<string, unknown> {
  if (!node) return {};
  if (node.type === 'Company') return { companies: [node.id] };
  if (node.type === 'Person') return { person: node.id };
  if (node.type === 'Party') return { party: node.id };
  if (node.type === 'Office') return { office: node.id };
  return {};
}

/** Loads questions for a filter, oldest or newest first. */
export async function loadQuestions(filter: Record<string, unknown>, sort: 'SUBMITTED_ASC' | 'SUBMITTED_DESC', first = 50): Promise<{ total: number; rows: QuestionRow[] }> {
  const data = await gql<{ questions: { totalCount: number; nodes: QuestionRow[] } }>(
    `query Questions($filter: QuestionFilter, $sort: QuestionSort, $first: Int) {
      questions(filter: $filter, sort: $sort, first: $first) { totalCount nodes { ${QUESTION_FIELDS} } }
    }`,
    { filter, sort, first },
  );
  return { total: data.questions.totalCount, rows: data.questions.nodes };
}

/** Ready-made view: the questions about a company with their answer status; nothing is shown once `latest` says a later request overtook it. */
export async function showCompanyQuestions(out: HTMLElement, company: GraphNode, open: (id: string) => void, latest: () => boolean): Promise<void> {
  const { total, rows } = await loadQuestions({ companies: [company.id] }, 'SUBMITTED_DESC');
  if (!latest()) return;
  say(`${total} question${total === 1 ? '' : 's'} about ${company.label}`);
  const table = h(
    'table',
    { class: 'grid' },
    h('caption', {}, `Questions about ${company.label} (${total})`),
    h('thead', {}, h('tr', {}, ...['Question', 'Submitted', 'Asked by', 'To', 'Status'].map((c) => h('th', { scope: 'col' }, c)))),
    h(
      'tbody',
      {},
      ...rows.map((q) =>
        h(
          'tr',
          {},
          h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => open(q.id), 'aria-label': `Open question ${q.number ?? q.id}` }, q.number ?? q.id), h('div', { class: 'small' }, q.subject ?? '')),
          h('td', {}, q.submittedAt ?? ''),
          h('td', {}, q.askedBy.map((a) => `${a.person.name ?? '?'}${a.party?.abbreviation ? ` (${a.party.abbreviation})` : ''}`).join(', ')),
          h('td', {}, q.addressedTo.map((o) => o.title ?? '').join(', ')),
          h('td', { class: `status status-${(q.status ?? '').toLowerCase()}` }, statusText(q)),
        ),
      ),
    ),
  );
  fill(out, table);
}

/** The answer status in words, with the days late when there are any. */
export function statusText(q: Pick<QuestionRow, 'status' | 'daysLate' | 'answeredAt' | 'dueAt'>): string {
  const base = STATUS_TEXT[q.status ?? ''] ?? q.status ?? 'unknown';
  // Years of lateness usually mean the answer is simply not in the graph: say what is known instead.
  if (!q.answeredAt && q.daysLate && q.daysLate > 365) return `${base}: no answer in the graph (due ${q.dueAt ?? '?'})`;
  const late = q.daysLate ? `, ${q.daysLate} days late` : '';
  return `${base}${late}${q.answeredAt ? ` (answer ${q.answeredAt})` : ''}`;
}

