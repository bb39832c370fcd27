import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { loadDemo } from '../../ingest/demo/load-demo.js';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/graphql/app.js';
import { ensureWebBuilt, launchBrowser } from './browser.js';
import { useGraph } from './graph.js';

export interface Explorer {
  url: string;
  browser: Browser;
}

/**
 * Gives an end-to-end file the real demo data (`npm start` loads the same) in the test Neo4j, the API
 * serving the built explorer on a free port, and a headless Chromium.
 */
export function useExplorer(): () => Explorer {
  const { graph } = useGraph();
  const state = mkdtempSync(join(tmpdir(), 'graafwerk-e2e-'));
  let api: { url: string; close(): Promise<void> } | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    ensureWebBuilt();
    const config = loadConfig({ ...process.env, GRAAFWERK_RAW_STORE: join(state, 'raw'), GRAAFWERK_STATE: join(state, 'state'), PORT: '0' });
    await expect(loadDemo(graph(), config)).resolves.toMatch(/documents/);
    api = await startServer(graph(), config);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    rmSync(state, { recursive: true, force: true });
  });
  return () => {
    if (!api || !browser) throw new Error('the explorer is not started yet');
    return { url: api.url, browser };
  };
}

/** Opens a new explorer page and waits until it is ready. */
async function openPage(explorer: Explorer, width = 1366, height = 768): Promise<Page> {
  const page = await explorer.browser.newPage({ viewport: { width, height } });
  page.setDefaultTimeout(15_000);
  await page.goto(explorer.url);
  await page.locator('#status', { hasText: 'Ready' }).waitFor();
  return page;
}

/** Gives each test a page of its own, closed after the test, so a failure in one leaves the others a fresh explorer. */
export function useFreshPage(explorer: () => Explorer): (width?: number, height?: number) => Promise<Page> {
  let page: Page | undefined;
  afterEach(async () => {
    await page?.close();
    page = undefined;
  });
  return async (width, height) => (page = await openPage(explorer(), width, height));
}

export async function search(p: Page, text: string): Promise<void> {
  await p.locator('#search-input').fill(text);
  await p.locator('#search-input').press('Enter');
}

export async function openHikvision(p: Page): Promise<void> {
  await search(p, 'Hikvision');
  await p.getByRole('button', { name: 'Open Company Hikvision' }).click();
  await p.locator('#details-title', { hasText: 'Hikvision' }).waitFor();
  await p.locator('#node-list .node-button', { hasText: '2022Z04510' }).first().waitFor();
}

export function nodeLabelsOf(p: Page): Promise<string[]> {
  return p.locator('#node-list .node-button').allTextContents();
}

/** The first button of the node list whose label contains `label`. */
export function nodeButtonOf(p: Page, label: string) {
  return p.locator('#node-list .node-button', { hasText: label }).first();
}

/** The id of a node in the list that is not expanded yet: one labelled `label`, or any but `except`. */
export async function unexpandedId(p: Page, label?: string, except?: string): Promise<string> {
  const buttons = p.locator('#node-list .node-button[data-expanded="false"]', label ? { hasText: label } : {});
  for (const id of await buttons.evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.id!))) if (id !== except) return id;
  throw new Error(`no unexpanded node ${label ?? ''} in the list`);
}

/** Counts the neighbourhood requests for one node id from now on. */
export function countNeighborhoodRequests(p: Page, id: string): () => number {
  let count = 0;
  p.on('request', (r) => {
    const body = r.url().endsWith('/graphql') ? (r.postDataJSON() as { query: string; variables?: { id?: string } } | null) : null;
    if (body?.query.includes('neighborhood(') && body.variables?.id === id) count++;
  });
  return () => count;
}

/** Holds the first GraphQL request that `matches` until `answer()` lets it go on to the real API, so that a later request is answered first. */
export async function holdFirst(p: Page, matches: (body: { query: string; variables?: Record<string, unknown> }) => boolean) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let heldRequest: (request: Request) => void = () => {};
  const held = new Promise<Request>((resolve) => (heldRequest = resolve));
  let done = false;
  await p.route('**/graphql', async (route) => {
    if (done || !matches(route.request().postDataJSON())) return route.continue();
    done = true;
    heldRequest(route.request());
    await released;
    await route.continue();
  });
  /** Lets the held request go and waits until the page has had its answer. */
  const answer = async () => {
    const request = await held;
    release();
    await p.waitForResponse((r) => r.request() === request);
    // The tests check that a late answer changes nothing, which no event marks: they give it time to.
    await p.waitForTimeout(300);
  };
  return { held, answer };
}

/** Finds the paths from the member Dekker-Abdulaziz to the minister van Justitie en Veiligheid and waits until they are listed. */
export async function findPathsToMinister(p: Page): Promise<void> {
  await p.locator('#path-from').fill('Dekker-Abdulaziz');
  await p.locator('#path-to').fill('minister van Justitie en Veiligheid');
  await p.getByRole('button', { name: 'Find paths' }).click();
  await p.locator('#path-results .path').first().waitFor();
}

/** Paths to the minister found and listed, then a second path search (to Hikvision) held until `answer()` lets it go on. */
export async function holdSecondPathSearch(p: Page) {
  await findPathsToMinister(p);
  const slow = await holdFirst(p, (body) => body.query.includes('paths('));
  await p.locator('#path-to').fill('Hikvision');
  await p.getByRole('button', { name: 'Find paths' }).click();
  await slow.held;
  return slow;
}

/** Presses Timeline and, while its answer is held, the button named `name`; then lets the answer go on to the API. */
export async function pressWhileTimelineLoads(p: Page, name: string): Promise<void> {
  const slow = await holdFirst(p, (body) => body.query.includes('questions('));
  await p.getByRole('button', { name: 'Timeline' }).click();
  await slow.held;
  await p.getByRole('button', { name }).click();
  await slow.answer();
}

/** Joost Sneller opened and the decision his vote brings in expanded: a hundred voters, so Show more is enabled for it. */
export async function openDecisionWithMore(p: Page) {
  await search(p, 'Joost Sneller');
  await p.getByRole('button', { name: 'Open Person Joost Sneller' }).click();
  const decision = p.locator('#node-list .node-button[aria-label^="Decision "]').first();
  await decision.waitFor();
  const id = (await decision.getAttribute('data-id'))!;
  const label = (await decision.textContent())!;
  await decision.click();
  await p.locator(`#node-list .node-button[data-expanded="true"][data-id="${id}"]`).waitFor();
  const more = p.getByRole('button', { name: 'Show more' });
  await expect.poll(() => more.isEnabled(), { timeout: 5000 }).toBe(true);
  return { id, label, more };
}

/**
 * What the graph canvas shows, read through Cytoscape's public API from the core the explorer hands
 * out as `window.graafwerk.cy`: the zoom, where a node is on the page, which nodes are faded, how
 * many elements are marked as hops of a path, and whether the node's neighbourhood is on screen.
 */
export async function canvas(p: Page, id: string) {
  return p.evaluate((id) => {
    const { cy } = (window as unknown as { graafwerk: { cy: import('cytoscape').Core } }).graafwerk;
    const box = cy.container()!.getBoundingClientRect();
    const node = cy.getElementById(id);
    const near = node.closedNeighborhood().nodes();
    const labels = (nodes: import('cytoscape').NodeCollection) => nodes.map((n) => String(n.data('label')));
    const inView = (n: import('cytoscape').NodeSingular) => {
      const r = n.renderedPosition();
      return r.x >= 0 && r.y >= 0 && r.x <= box.width && r.y <= box.height;
    };
    return {
      zoom: cy.zoom(),
      x: box.x + node.renderedPosition().x,
      y: box.y + node.renderedPosition().y,
      total: cy.nodes().length,
      faded: labels(cy.nodes('.faded')),
      clear: labels(cy.nodes().not('.faded')),
      hops: cy.elements('.hop').length,
      neighbourhood: labels(near),
      neighbourhoodOnScreen: near.map(inView).every(Boolean),
      // Fitted: zoomed in as far as the explorer goes (1.4), or until the neighbourhood fills the view but for its padding.
      fitted: cy.zoom() > 1.399 || Math.max(near.renderedBoundingBox({}).w / box.width, near.renderedBoundingBox({}).h / box.height) > 0.75,
    };
  }, id);
}

/** What canvas() tells of the view around a node. */
export type CanvasState = Awaited<ReturnType<typeof canvas>>;

/** The view around `id` once `ready` holds for it (the view fits and fades after a load has answered), within 5 s. */
export async function canvasWhen(p: Page, id: string, ready: (c: CanvasState) => boolean): Promise<CanvasState> {
  let last: CanvasState | undefined;
  await expect.poll(async () => ready((last = await canvas(p, id))), { timeout: 5000 }).toBe(true);
  return last!;
}

/**
 * Clicks the graph's background: a spot of the view, as it is at the click, that no node, edge or label
 * covers (with a margin). A fixed spot such as a corner may hold an edge, which a click selects instead.
 */
export async function clickBackground(p: Page): Promise<void> {
  const spot = await p.evaluate(() => {
    const { cy } = (window as unknown as { graafwerk: { cy: import('cytoscape').Core } }).graafwerk;
    const box = cy.container()!.getBoundingClientRect();
    const covered = cy.elements().map((e) => e.renderedBoundingBox({}));
    const margin = 6;
    for (let y = 12; y < box.height - 12; y += 12) {
      for (let x = 12; x < box.width - 12; x += 12) {
        if (covered.every((b) => x < b.x1 - margin || x > b.x2 + margin || y < b.y1 - margin || y > b.y2 + margin)) return { x: box.x + x, y: box.y + y };
      }
    }
    return undefined;
  });
  if (!spot) throw new Error('no spot of the graph view is free of nodes and edges to click');
  await p.mouse.click(spot.x, spot.y);
}

/**
 * Where a click lands on an edge faded out of the focus or highlight: a point of such an edge (a
 * straight one, with no parallel edge) inside the view, clear of every node and its label and at
 * least 8 px from every edge still shown. Undefined when no faded edge has such a point.
 */
export async function fadedEdgeSpot(p: Page): Promise<{ x: number; y: number } | undefined> {
  return p.evaluate(() => {
    const { cy } = (window as unknown as { graafwerk: { cy: import('cytoscape').Core } }).graafwerk;
    const box = cy.container()!.getBoundingClientRect();
    const margin = 8;
    type Point = { x: number; y: number };
    const nodes = cy.nodes().map((n) => n.renderedBoundingBox({}));
    const shown = cy.edges().filter((e) => !e.hasClass('faded')).map((e) => {
      const edge = e as import('cytoscape').EdgeSingular;
      return [edge.source().renderedPosition(), edge.target().renderedPosition()] as const;
    });
    const far = ({ x, y }: Point, [a, b]: readonly [Point, Point]) => {
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / (dx * dx + dy * dy || 1)));
      return Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy)) > margin;
    };
    const free = (q: Point) =>
      q.x > margin && q.y > margin && q.x < box.width - margin && q.y < box.height - margin &&
      nodes.every((b) => q.x < b.x1 - margin || q.x > b.x2 + margin || q.y < b.y1 - margin || q.y > b.y2 + margin) &&
      shown.every((segment) => far(q, segment));
    for (const edge of cy.edges('.faded')) {
      if (edge.parallelEdges().length > 1) continue;
      const a = edge.source().renderedPosition();
      const b = edge.target().renderedPosition();
      for (let t = 0.1; t < 0.95; t += 0.05) {
        const q = { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) };
        if (free(q)) return { x: box.x + q.x, y: box.y + q.y };
      }
    }
    return undefined;
  });
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
