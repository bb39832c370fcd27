import { gql } from './api.js';
import { fill, h, say } from './dom.js';
import { koopUrl } from './links.js';

interface MotionRow {
  id: string;
  number: string | null;
  koopId: string | null;
  title: string | null;
  decidedAt: string | null;
  followUp: { state: string; dueAt: string | null; claimsNotFollowedUp: { document: { id: string }; date: string | null }[] };
}

/** Ready-made view: adopted motions no government document followed up within the period; nothing is shown once `latest` says a later request overtook it. */
export async function showUnansweredMotions(out: HTMLElement, open: (id: string) => void, latest: () => boolean, withinDays = 365): Promise<void> {
  const data = await gql<{ motions: { totalCount: number; nodes: MotionRow[] } }>(
    `query Unanswered($withinDays: Int) {
      motions(filter: { unanswered: true, withinDays: $withinDays }, first: 50) {
        totalCount
        nodes { id number koopId title decidedAt followUp(withinDays: $withinDays) { state dueAt claimsNotFollowedUp { document { id } date } } }
      }
    }`,
    { withinDays },
  );
  if (!latest()) return;
  const { totalCount, nodes } = data.motions;
  say(`${totalCount} adopted motion${totalCount === 1 ? '' : 's'} without follow-up within ${withinDays} days`);
  if (totalCount === 0) {
    const reason = await emptyReason(withinDays);
    if (latest()) fill(out, h('h3', {}, 'Adopted motions not followed up (0)'), h('p', {}, reason));
    return;
  }
  fill(
    out,
    h(
      'table',
      { class: 'grid' },
      h('caption', {}, `Adopted motions not followed up (${totalCount})`),
      h('thead', {}, h('tr', {}, ...['Motion', 'Adopted', 'Follow-up due', 'Evidence'].map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        {},
        ...nodes.map((m) =>
          h(
            'tr',
            {},
            h(
              'td',
              {},
              h('button', { type: 'button', class: 'link', onclick: () => open(m.id), 'aria-label': `Open motion ${m.number ?? m.koopId ?? m.id}` }, m.number ?? m.koopId ?? m.id),
              m.koopId ? h('a', { href: koopUrl(m.koopId), target: '_blank', rel: 'noopener noreferrer', class: 'small' }, ` ${m.koopId}`) : null,
              h('div', { class: 'small' }, m.title ?? ''),
            ),
            h('td', {}, m.decidedAt ?? ''),
            h('td', {}, m.followUp.dueAt ?? ''),
            h('td', {}, m.followUp.claimsNotFollowedUp.length ? `${m.followUp.claimsNotFollowedUp.length} document(s) say it was not followed up` : '—'),
          ),
        ),
      ),
    ),
  );
}

/** Why the list is empty, in numbers: no motions, none adopted, or every adopted one followed up. */
async function emptyReason(withinDays: number): Promise<string> {
  const data = await gql<{ all: { totalCount: number }; adopted: { totalCount: number } }>(
    `{ all: motions(first: 1) { totalCount } adopted: motions(filter: { status: [adopted] }, first: 1) { totalCount } }`,
  );
  const { all, adopted } = data;
  if (all.totalCount === 0) return 'The graph holds no motions yet.';
  if (adopted.totalCount === 0) return `None of the ${all.totalCount} motions in the graph is recorded as adopted (no decision says so), so none can lack follow-up.`;
  return `Every one of the ${adopted.totalCount} adopted motions (of ${all.totalCount}) was followed up, or its ${withinDays}-day period has not passed.`;
}
