import cytoscape from 'cytoscape';
import { isStandIn, loadNeighborhood, type GraphEdge, type GraphNode, type Neighborhood } from './api.js';
import { say } from './dom.js';
import { createGraphStyle } from './graph-style.js';

/** How many neighbours one expansion shows before "Show more". */
export const PAGE = 25;

export interface GraphViewEvents {
  /** A node was selected (click, or Enter in the node list). */
  select(node: GraphNode, edges: GraphEdge[]): void;
  /** The set of nodes changed (for the node list and the buttons). */
  change(): void;
  /** A click's load started, ended or was overtaken (for Show more, which waits for it). */
  busy(): void;
}

/** The graph view: merges neighbourhoods into one Cytoscape graph, expands, focuses and highlights paths. */
export class GraphView {
  readonly cy: cytoscape.Core;
  /** The limit used for each expanded node, doubled by "Show more". */
  private readonly limits = new Map<string, number>();
  private readonly truncated = new Set<string>();
  /** The node Show more applies to: the node expanded last, or an expanded node selected since. */
  lastExpanded: string | undefined;
  /** Bumped by each open, click, Show more and clear: only the latest applies its answer. */
  private request = 0;
  /** The node the latest click or Show more is loading and the action it now answers: a click on that node adopts the load instead of starting one. */
  private loading: { id: string; request: number } | undefined;
  /** The node double-clicked last: when its own neighbours arrive, the view focuses on them too. */
  private focused: string | undefined;
  /** The nodes of the highlighted path: a click on one keeps the highlight, and the neighbours it brings in join faded. */
  private path: Set<string> | undefined;

  constructor(container: HTMLElement, private readonly events: GraphViewEvents) {
    this.cy = cytoscape({ container, style: createGraphStyle(), minZoom: 0.15, maxZoom: 3 });
    this.cy.on('tap', 'node', (e) => void this.activate(e.target.id()));
    this.cy.on('dbltap', 'node', (e) => this.focus(e.target.id()));
    // The background, or an edge faded out of the focus or the highlighted path: everything comes back.
    this.cy.on('tap', (e) => {
      if (e.target === this.cy || (e.target.isEdge() && e.target.hasClass('faded'))) this.unfade();
    });
  }

  /** Replaces the view with the neighbourhood of one node and selects it; false when a later request overtook it. */
  async open(id: string, label = id): Promise<boolean> {
    this.clear();
    const request = this.request;
    if (!(await this.expand(id, PAGE, label, () => request === this.request))) return false;
    this.select(id);
    return true;
  }

  /** Selects a node and loads its neighbours (what a click does); the answer applies only while this is the latest action. */
  async activate(id: string): Promise<void> {
    const request = ++this.request;
    this.endFocusUnlessOn(id);
    this.select(id);
    if (this.loading?.id === id) this.loading.request = request;
    // Expanded already: nothing loads, and Show more now applies to it.
    if (this.limits.has(id)) this.lastExpanded = id;
    this.events.busy();
    if (this.loading?.id === id || this.limits.has(id)) return;
    const label = this.labelOf(id);
    if (!(await this.load(id, PAGE, label, request, `expand ${label}`))) return;
    this.select(id);
    if (this.focused === id) this.focus(id);
  }

  /** Doubles the cap of the node expanded or selected last (see lastExpanded); its details then list the new connections too. The answer applies only while this is the latest action. */
  async showMore(): Promise<void> {
    const id = this.lastExpanded;
    if (id === undefined) return;
    const request = ++this.request;
    this.endFocusUnlessOn(id);
    const label = this.labelOf(id);
    if (!(await this.load(id, (this.limits.get(id) ?? PAGE) * 2, label, request, `show more of ${label}`))) return;
    if (this.cy.getElementById(id).selected()) this.select(id);
    if (this.focused === id) this.focus(id);
  }

  /** An action on a node other than the focused one, or off the highlighted path, ends the focus or the highlight, as a click on the background does. */
  private endFocusUnlessOn(id: string): void {
    if ((this.focused !== undefined && this.focused !== id) || (this.path && !this.path.has(id))) this.unfade();
  }

  /** The label of the node a click is loading while that click is the latest action: Show more waits for it, as it then applies to that node. */
  clickLoading(): string | undefined {
    const loading = this.loading;
    if (!loading || loading.request !== this.request || loading.id === this.lastExpanded) return undefined;
    return this.labelOf(loading.id);
  }

  private labelOf(id: string): string {
    return String(this.cy.getElementById(id).data('label') ?? id);
  }

  /** Expands a node for the action numbered `request`; undefined, failure included, once a later action overtook it. */
  private async load(id: string, limit: number, label: string, request: number, what: string): Promise<Neighborhood | undefined> {
    const loading = (this.loading = { id, request });
    const latest = () => loading.request === this.request;
    this.events.busy();
    try {
      return await this.expand(id, limit, label, latest);
    } catch (error) {
      if (latest()) throw error;
      return undefined;
    } finally {
      if (this.loading === loading) {
        this.loading = undefined;
        // The later action loaded nothing, so nothing else replaces "Opening…".
        if (!latest()) say(`Did not ${what}: another node was selected while it loaded`);
        this.events.busy();
      }
    }
  }

  /** Loads (more of) a node's neighbourhood and merges it into the view; undefined when `latest` says a later action (Clear included) overtook it meanwhile. */
  private async expand(id: string, limit: number, label: string, latest: () => boolean): Promise<Neighborhood | undefined> {
    say(`Opening ${label}…`);
    const n = await loadNeighborhood(id, 1, limit);
    if (!latest()) return undefined;
    this.limits.set(id, limit);
    if (n.truncated) this.truncated.add(id);
    else this.truncated.delete(id);
    this.lastExpanded = id;
    this.merge(n, id);
    say(`${label}: ${n.nodes.length} node${n.nodes.length === 1 ? '' : 's'} shown${n.truncated ? ', more with “Show more”' : ''}`);
    return n;
  }

  /** Whether the node Show more applies to has neighbours that are not shown yet. */
  hasMore(): boolean {
    return this.lastExpanded !== undefined && this.truncated.has(this.lastExpanded);
  }

  /** Adds nodes and edges that are not in the view yet, then lays the graph out again. */
  merge(n: Neighborhood, around?: string): void {
    const centre = around ? this.cy.getElementById(around) : undefined;
    const origin = centre && centre.nonempty() ? centre.position() : { x: 0, y: 0 };
    const added = this.cy.collection();
    this.cy.batch(() => {
      for (const node of n.nodes) {
        const existing = this.cy.getElementById(node.id);
        const data = { ...node, short: shortLabel(node.label), standIn: isStandIn(node) };
        if (existing.nonempty()) {
          existing.data(data);
          continue;
        }
        const position = { x: origin.x + (Math.random() - 0.5) * 80, y: origin.y + (Math.random() - 0.5) * 80 };
        added.merge(this.cy.add({ group: 'nodes', data, position }));
      }
      for (const edge of n.edges) {
        if (this.cy.getElementById(edge.id).nonempty()) continue;
        if (this.cy.getElementById(edge.source).empty() || this.cy.getElementById(edge.target).empty()) continue;
        added.merge(this.cy.add({ group: 'edges', data: { ...edge, caption: edgeCaption(edge), choice: edge.properties.choice } }));
      }
      this.cy.nodes().removeClass('expanded truncated');
      for (const id of this.limits.keys()) this.cy.getElementById(id).addClass('expanded');
      for (const id of this.truncated) this.cy.getElementById(id).addClass('truncated');
      if (this.path) added.addClass('faded');
    });
    // The node list and legend change first, so the layout fits the graph into the space they leave.
    this.events.change();
    if (added.nonempty()) this.layout();
  }

  /** Runs a force-directed layout that keeps labels apart; deterministic enough for screenshots and quick on small graphs. */
  layout(): void {
    this.cy
      .layout({
        name: 'cose',
        animate: false,
        randomize: false,
        nodeDimensionsIncludeLabels: true,
        nodeRepulsion: () => 16000,
        idealEdgeLength: () => 80,
        edgeElasticity: () => 60,
        gravity: 0.6,
        numIter: 1500,
        padding: 30,
        fit: false,
      } as cytoscape.LayoutOptions)
      .run();
    this.fitCapped();
  }

  /** Selects one node and tells the details panel. */
  select(id: string): void {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    this.cy.elements().unselect();
    node.select();
    const edges = node.connectedEdges().map((e) => e.data() as GraphEdge);
    this.events.select(node.data() as GraphNode, edges);
  }

  /** Centres on a node and its direct neighbours and fades everything else; a highlighted path ends. */
  focus(id: string): void {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    const endsPath = this.path !== undefined;
    this.focused = id;
    this.path = undefined;
    const near = node.closedNeighborhood();
    this.cy.elements().removeClass('hop').addClass('faded');
    near.removeClass('faded');
    this.fitCapped(near);
    if (endsPath) this.events.change();
  }

  /** Highlights one path (its nodes and edges) and fades the rest. */
  highlight(nodeIds: string[], edgeIds: string[]): void {
    this.focused = undefined;
    this.path = new Set(nodeIds);
    this.cy.elements().removeClass('hop').addClass('faded');
    const hops = this.cy.collection();
    for (const id of [...nodeIds, ...edgeIds]) hops.merge(this.cy.getElementById(id));
    hops.removeClass('faded').addClass('hop');
    this.fitCapped(hops);
    this.events.change();
  }

  /** Fits elements into the view without zooming in so far that labels turn huge. */
  fitCapped(eles?: cytoscape.CollectionArgument): void {
    this.cy.resize();
    this.cy.fit(eles, 50);
    if (this.cy.zoom() <= 1.4) return;
    this.cy.zoom(1.4);
    this.cy.center(eles);
  }

  unfade(): void {
    this.focused = undefined;
    this.path = undefined;
    this.cy.elements().removeClass('faded hop');
    this.events.change();
  }

  clear(): void {
    this.request++;
    this.cy.elements().remove();
    this.limits.clear();
    this.truncated.clear();
    this.lastExpanded = undefined;
    this.loading = undefined;
    this.focused = undefined;
    this.path = undefined;
    this.events.change();
  }

  /** The nodes and edges currently shown, as plain data. */
  snapshot(): { nodes: GraphNode[]; edges: GraphEdge[] } {
    return { nodes: this.cy.nodes().map((n) => n.data() as GraphNode), edges: this.cy.edges().map((e) => e.data() as GraphEdge) };
  }
}

/** The edge's label: its type, with a vote's choice (a decision's many VOTED edges read at a glance). */
function edgeCaption(edge: GraphEdge): string {
  const choice = edge.properties.choice;
  return edge.type === 'VOTED' && typeof choice === 'string' ? `VOTED ${choice}` : edge.type;
}

/** Cuts long titles so labels stay readable; the full text is in the details panel. */
function shortLabel(label: string): string {
  const text = (label ?? '').trim();
  return text.length > 48 ? `${text.slice(0, 46)}…` : text;
}
