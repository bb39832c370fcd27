import { gql } from './api.js';
import { fill, h } from './dom.js';
import { lookOf } from './kinds.js';

/** Searches that show what the explorer is for: a company, a question, a party, a government post. */
const EXAMPLES = ['Hikvision', '2022Z04510', 'D66', 'minister van Justitie en Veiligheid'];

const HINT = 'Search, then open a result to see its neighbourhood. Click a node to expand it, double-click to focus.';

/** The start page of the details panel: what the graph holds and a few searches to begin with. */
export async function renderWelcome(panel: HTMLElement, search: (text: string) => void): Promise<void> {
  fill(panel, h('p', { class: 'hint' }, HINT));
  const data = await gql<{ stats: { nodes: { name: string; count: number }[] } }>('{ stats { nodes { name count } } }');
  // Something was opened while the counts loaded: the panel shows it now, not the start page.
  if (!panel.querySelector('p.hint')) return;
  const counts = data.stats.nodes.filter((c) => c.count > 0 && c.name !== 'Source').sort((a, b) => b.count - a.count);
  fill(
    panel,
    h('h2', { id: 'details-title' }, 'Welcome'),
    h('p', { class: 'hint' }, HINT),
    h('h3', {}, 'Try'),
    h('div', { class: 'examples' }, ...EXAMPLES.map((text) => h('button', { type: 'button', class: 'example', onclick: () => search(text) }, text))),
    h('h3', {}, 'In the graph'),
    counts.length
      ? h(
          'ul',
          { class: 'overview', 'aria-label': 'What the graph holds' },
          ...counts.map((c) => h('li', {}, h('span', { class: 'swatch', style: `background:${lookOf(c.name).colour}`, 'aria-hidden': 'true' }), h('strong', {}, c.count.toLocaleString('en')), ` ${c.count === 1 ? c.name.toLowerCase() : lookOf(c.name).plural.toLowerCase()}`)),
        )
      : h('p', { class: 'muted' }, 'The graph is empty: ingest documents with `graafwerk ingest`.'),
  );
}
