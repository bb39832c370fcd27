import './styles.css';
import { loadSources, searchNodes, type GraphEdge, type GraphNode } from './api.js';
import { byId, claim, say } from './dom.js';
import { renderDetails } from './details.js';
import { download, fetchExport, toPng, toSvg, type ExportFormat } from './export.js';
import { GraphView, PAGE } from './graph-view.js';
import { showUnansweredMotions } from './motion-view.js';
import { markCurrent, renderLegend, renderNodeList } from './node-list.js';
import { findPaths } from './path-finder.js';
import { runSearch } from './search.js';
import { rememberSources } from './source-catalogue.js';
import { showTimeline } from './timeline-view.js';
import { showCompanyQuestions } from './views.js';
import { renderWelcome } from './welcome.js';

const details = byId('details');
const pathOut = byId('path-results');
// The three views share one panel: the button pressed last (or Close, or Clear) decides what it shows.
const viewOut = byId('view-results');
let selected: { node: GraphNode; edges: GraphEdge[] } | undefined;
/** The node opened last from a search or a view: the centre of the exports. */
let centre: string | undefined;

const view = new GraphView(byId('cy'), {
  select: (node, edges) => {
    selected = { node, edges };
    showDetails();
    markCurrent(byId('node-list'), node.id);
    void loadProvenance(node.id, edges);
  },
  change: () => {
    renderNodeList(byId('node-list'), view, (id) => void guard(view.activate(id)));
    renderLegend(byId('legend'), view);
    updateShowMore();
  },
  busy: () => updateShowMore(),
});
// The graph's Cytoscape core under a name of our own, for the browser console and the end-to-end tests, so that neither reaches into Cytoscape's internals.
Object.assign(window, { graafwerk: { cy: view.cy } });

/** Show more applies to the node expanded last, or to an expanded node selected since; while a click loads another node, it waits for that node, which it then applies to. */
function updateShowMore(): void {
  const more = byId<HTMLButtonElement>('show-more');
  const waiting = view.clickLoading();
  more.disabled = waiting !== undefined || !view.hasMore();
  if (waiting !== undefined) more.title = `Wait until ${waiting} is shown; Show more then applies to it`;
  else more.title = view.hasMore() ? `${view.cy.nodes().length} nodes shown; more neighbours are not shown yet` : 'Every neighbour is shown';
}

function showDetails(): void {
  if (!selected) return;
  renderDetails(details, selected.node, selected.edges, (id) => view.cy.getElementById(id).data() as GraphNode | undefined);
}

/** Nodes whose sources the page has fetched already. */
const sourcesFetched = new Set<string>();

/** Fetches the raw documents behind the selected node and its neighbours (once per node), then shows them as links. */
async function loadProvenance(id: string, edges: GraphEdge[]): Promise<void> {
  const ids = [...new Set([id, ...edges.flatMap((e) => [e.source, e.target])])].filter((x) => !sourcesFetched.has(x));
  if (ids.length === 0) return;
  for (const x of ids) sourcesFetched.add(x);
  const sources = await guard(loadSources(ids));
  if (!sources) for (const x of ids) sourcesFetched.delete(x);
  for (const list of sources?.values() ?? []) rememberSources(list);
  if (selected?.node.id === id) showDetails();
}

/** Reports a failed request in the status line instead of failing silently. */
async function guard<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (error) {
    say(error instanceof Error ? error.message : String(error), 'error');
    return undefined;
  }
}

/** Claims `out` and runs a request that fills it: a later claim drops this one's answer, and its failure too. */
function runLatest(out: HTMLElement, work: (latest: () => boolean) => Promise<unknown>): void {
  const latest = claim(out);
  void guard(
    work(latest).catch((error: unknown) => {
      if (latest()) throw error;
    }),
  );
}

/** Drops a running path search and empties the path list: the graph they were for is gone. */
function dropPaths(): void {
  claim(pathOut);
  pathOut.replaceChildren();
}

/** Drops a ready-made view still loading and closes the one shown. */
function closeView(): void {
  claim(viewOut);
  viewOut.replaceChildren();
}

async function open(id: string, label?: string): Promise<void> {
  centre = id;
  // The new graph replaces the one a running path search would merge into, and the one the listed paths ran through.
  dropPaths();
  if (await view.open(id, label)) details.focus();
}

byId<HTMLFormElement>('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = byId<HTMLInputElement>('search-input').value;
  const results = byId('results');
  if (text.trim()) runLatest(results, (latest) => runSearch(results, text, (hit) => void guard(open(hit.id, hit.label)), latest));
});

/** The details panel with nothing open: the start page. */
function showWelcome(): void {
  void guard(
    renderWelcome(details, (text) => {
      byId<HTMLInputElement>('search-input').value = text;
      byId<HTMLFormElement>('search-form').requestSubmit();
    }),
  );
}
showWelcome();

byId('show-more').addEventListener('click', () => void guard(view.showMore()));
byId('fit').addEventListener('click', () => {
  view.unfade();
  view.fitCapped();
});
byId('clear').addEventListener('click', () => {
  view.clear();
  // A running path search is dropped (its answer would fill the cleared graph), and the paths listed went with the graph.
  dropPaths();
  // A ready-made view still loading would fill its panel after the page was cleared; one shown goes too, so Clear leaves nothing open whatever the timing.
  closeView();
  // The exports and the details follow what is open; after Clear nothing is.
  selected = undefined;
  centre = undefined;
  showWelcome();
  say('Cleared. Search for something to open.');
});

// Path finder: an input keeps the id chosen with "Use selected"; typed text is resolved by search.
const ENTITY_TYPES = new Set(['Person', 'Party', 'Office', 'Company', 'Publisher']);
for (const end of ['from', 'to'] as const) {
  const input = byId<HTMLInputElement>(`path-${end}`);
  byId(`path-${end}-use`).addEventListener('click', () => {
    if (!selected) return say('Select a node in the graph first', 'error');
    input.value = selected.node.label;
    input.dataset.id = selected.node.id;
  });
  input.addEventListener('input', () => delete input.dataset.id);
}

/** Resolves a path end: the chosen node, else the best search hit, people and offices before documents. */
async function resolveEnd(input: HTMLInputElement, latest: () => boolean): Promise<string | undefined> {
  if (input.dataset.id) return input.dataset.id;
  const hits = await searchNodes(input.value, 10);
  // A later search owns the inputs now.
  if (!latest()) return undefined;
  const best = hits.find((h) => ENTITY_TYPES.has(h.type)) ?? hits[0];
  if (!best) return void say(`Nothing found for “${input.value}”`, 'error');
  input.value = best.label;
  input.dataset.id = best.id;
  return best.id;
}

byId<HTMLFormElement>('path-form').addEventListener('submit', (e) => {
  e.preventDefault();
  runLatest(pathOut, async (latest) => {
    if (!byId<HTMLInputElement>('path-from').value.trim() || !byId<HTMLInputElement>('path-to').value.trim()) {
      return say('Enter both ends of the path: From and To', 'error');
    }
    const from = await resolveEnd(byId<HTMLInputElement>('path-from'), latest);
    const to = await resolveEnd(byId<HTMLInputElement>('path-to'), latest);
    if (!from || !to) return;
    const hops = Number(byId<HTMLInputElement>('path-hops').value) || 4;
    await findPaths(view, pathOut, from, to, Math.min(6, Math.max(1, hops)), latest);
  });
});

byId('view-company-questions').addEventListener('click', () =>
  runLatest(viewOut, async (latest) => {
    let company = selected?.node.type === 'Company' ? selected.node : undefined;
    if (!company) {
      const text = byId<HTMLInputElement>('search-input').value || 'Hikvision';
      const hit = (await searchNodes(text, 1, ['Company']))[0];
      if (!latest()) return;
      if (!hit) return say('Select or search a company first', 'error');
      company = { id: hit.id, label: hit.label, type: 'Company', properties: {} };
    }
    await showCompanyQuestions(viewOut, company, (id) => void guard(open(id)), latest);
  }),
);
byId('view-motions-open').addEventListener('click', () => runLatest(viewOut, (latest) => showUnansweredMotions(viewOut, (id) => void guard(open(id)), latest)));
byId('view-timeline').addEventListener('click', () => runLatest(viewOut, (latest) => showTimeline(viewOut, selected?.node, (id) => void guard(open(id)), latest)));
byId('view-close').addEventListener('click', closeView);

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-export]')) {
  button.addEventListener('click', () => {
    const id = centre ?? selected?.node.id;
    if (!id) return say('Open an entity first; the export covers its neighbourhood', 'error');
    say('Exporting…');
    void guard(
      (async () => {
        const file = await fetchExport(button.dataset.export as ExportFormat, id, 1, Math.max(PAGE, view.cy.nodes().length));
        download(file.blob, file.name);
        say(`Exported ${file.name}`);
      })(),
    );
  });
}
byId('export-png').addEventListener('click', () => download(toPng(view.cy), 'graafwerk-view.png'));
byId('export-svg').addEventListener('click', () => download(new Blob([toSvg(view.cy)], { type: 'image/svg+xml' }), 'graafwerk-view.svg'));

say('Ready. Search for a company, a person, a question number…');
