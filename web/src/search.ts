import { searchNodes, type SearchHit } from './api.js';
import { fill, h, say } from './dom.js';
import { lookOf } from './kinds.js';

/** Groups hits by type, keeping each group's best hit first and the groups in order of their best hit. */
function groupHits(hits: SearchHit[]): Map<string, SearchHit[]> {
  const groups = new Map<string, SearchHit[]>();
  for (const hit of hits) {
    const group = groups.get(hit.type);
    if (group) group.push(hit);
    else groups.set(hit.type, [hit]);
  }
  return groups;
}

/** Runs a search and lists the results by type; each result is a button that opens the entity. Nothing changes once `latest` says a later search overtook it. */
export async function runSearch(container: HTMLElement, text: string, open: (hit: SearchHit) => void, latest: () => boolean): Promise<void> {
  const stillSaid = say(`Searching for “${text}”…`);
  const hits = await searchNodes(text.trim()).catch((error: unknown) => {
    // The results of an earlier search would read as this one's.
    if (latest()) container.replaceChildren();
    throw error;
  });
  if (!latest()) return;
  // A result opened meanwhile (from the list of an earlier search for the same text) keeps its own message.
  if (stillSaid()) say(`${hits.length} result${hits.length === 1 ? '' : 's'} for “${text}”`);
  if (!hits.length) {
    fill(container, h('h2', {}, 'Results'), h('p', { class: 'muted' }, `Nothing found for “${text}”.`));
    return;
  }
  const sections = [...groupHits(hits)].map(([type, group]) => {
    const look = lookOf(type);
    const headingId = `results-${type}`;
    return h(
      'section',
      { class: 'result-group', 'aria-labelledby': headingId },
      h('h3', { id: headingId }, h('span', { class: 'swatch', style: `background:${look.colour}`, 'aria-hidden': 'true' }), `${look.plural} (${group.length})`),
      h(
        'ul',
        {},
        ...group.map((hit) =>
          h(
            'li',
            {},
            h(
              'button',
              { type: 'button', class: 'result', 'data-id': hit.id, 'data-type': hit.type, 'aria-label': `Open ${hit.type} ${hit.label}`, onclick: () => open(hit) },
              h('span', { class: 'result-label' }, hit.label),
              hit.detail ? h('span', { class: 'result-detail' }, hit.detail) : null,
            ),
          ),
        ),
      ),
    );
  });
  fill(container, h('h2', {}, 'Results'), ...sections);
}
