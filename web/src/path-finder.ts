import { gql, normaliseNeighborhood, type GraphNode, type Neighborhood, type Source } from './api.js';
import { fill, h, say } from './dom.js';
import type { GraphView } from './graph-view.js';
import { safeUrl, sourceName } from './links.js';
import { rememberSources } from './source-catalogue.js';

interface Hop {
  type: string;
  from: string;
  to: string;
  reversed: boolean;
  properties: unknown;
  sources: Source[];
}

interface Path {
  length: number;
  nodes: GraphNode[];
  hops: Hop[];
}

/** Asks the API for paths between two node ids, adds them to the graph and lists each hop with its sources; once `latest` says a later search overtook it, it changes nothing. */
export async function findPaths(view: GraphView, list: HTMLElement, from: string, to: string, maxHops: number, latest: () => boolean): Promise<Path[]> {
  say('Looking for paths…');
  const data = await gql<{ paths: { paths: Path[]; subgraph: Neighborhood } }>(
    `query Paths($from: ID!, $to: ID!, $maxHops: Int) {
      paths(from: $from, to: $to, maxHops: $maxHops, first: 5) {
        paths { length nodes { id label type properties } hops { type from to reversed properties sources { id url fetchedAt parser } } }
        subgraph { nodes { id label type properties } edges { id type source target properties } truncated }
      }
    }`,
    { from, to, maxHops },
  );
  if (!latest()) return [];
  const { subgraph } = data.paths;
  const paths = data.paths.paths.map((p) => ({ ...p, nodes: normaliseNeighborhood({ nodes: p.nodes, edges: [], truncated: false }).nodes }));
  rememberSources(paths.flatMap((p) => p.hops.flatMap((hop) => hop.sources)));
  view.merge(normaliseNeighborhood(subgraph));
  say(paths.length ? `${paths.length} path${paths.length === 1 ? '' : 's'} found` : 'No path found within the hop limit');
  renderPaths(view, list, paths);
  const first = paths[0];
  if (first) highlightPath(view, first);
  return paths;
}

/** Highlights the nodes and the stored edges of one path. */
function highlightPath(view: GraphView, path: Path): void {
  const edgeIds = path.hops.flatMap((hop) => {
    const [s, t] = hop.reversed ? [hop.to, hop.from] : [hop.from, hop.to];
    return view.cy.edges().filter((e) => e.data('type') === hop.type && e.data('source') === s && e.data('target') === t).map((e) => e.id());
  });
  view.highlight(path.nodes.map((n) => n.id), edgeIds);
}

function renderPaths(view: GraphView, list: HTMLElement, paths: Path[]): void {
  const labelOf = (id: string, path: Path) => path.nodes.find((n) => n.id === id)?.label ?? id;
  fill(
    list,
    ...paths.map((path, i) =>
      h(
        'div',
        { class: 'path' },
        h('button', { type: 'button', 'aria-label': `Highlight path ${i + 1}, ${path.length} hops`, onclick: () => highlightPath(view, path) }, `Path ${i + 1} (${path.length} hop${path.length === 1 ? '' : 's'})`),
        h(
          'ol',
          { class: 'hops' },
          ...path.hops.map((hop) =>
            h(
              'li',
              {},
              h('span', { class: 'hop-node' }, labelOf(hop.from, path)),
              ` ${hop.reversed ? '←' : '→'} `,
              h('strong', {}, hop.type),
              ` ${hop.reversed ? '←' : '→'} `,
              h('span', { class: 'hop-node' }, labelOf(hop.to, path)),
              h('ul', { class: 'small' }, ...hop.sources.map((s) => h('li', {}, sourceLink(s)))),
            ),
          ),
        ),
      ),
    ),
  );
}

function sourceLink(s: Source): HTMLElement {
  const url = safeUrl(s.url);
  const text = `${url ?? sourceName(s.url) ?? s.id.slice(0, 12)}${s.parser ? ` (${s.parser})` : ''}`;
  return url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, text) : h('code', { title: s.id }, text);
}
