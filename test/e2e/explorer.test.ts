import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../ingest/demo/load-demo.js';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/graphql/app.js';
import { ensureWebBuilt, launchBrowser } from '../support/browser.js';
import { useGraph } from '../support/graph.js';

// The journey of the issue on the real demo data (`npm start` loads the same): the seed case
// 2022Z04510 among Tweede Kamer pages and KOOP publications, read by the real ingest.
const { graph } = useGraph();
const state = mkdtempSync(join(tmpdir(), 'graafwerk-e2e-'));
let api: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ensureWebBuilt();
  const config = loadConfig({ ...process.env, GRAAFWERK_RAW_STORE: join(state, 'raw'), GRAAFWERK_STATE: join(state, 'state'), PORT: '0' });
  await expect(loadDemo(graph(), config)).resolves.toMatch(/documents/);
  api = await startServer(graph(), config);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  rmSync(state, { recursive: true, force: true });
});

const nodeButton = (label: string) => page.locator('#node-list .node-button', { hasText: label });
const nodeLabels = () => page.locator('#node-list .node-button').allTextContents();

describe('the graph explorer in headless Chromium, on the demo data', () => {
  it('serves the bundled page at / without any request leaving the server, and says what the graph holds', async () => {
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(api.url)) foreign.push(r.url());
    });
    await page.goto(api.url);
    await expect(page.title()).resolves.toBe('graafwerk explorer');
    await page.locator('#status', { hasText: 'Ready' }).waitFor();
    const overview = page.getByRole('list', { name: 'What the graph holds' });
    await overview.waitFor();
    expect(await overview.textContent()).toMatch(/[1-9]\d* questions/);
    expect(await overview.locator('li', { hasText: 'companies' }).textContent()).toMatch(/^[1-9]\d* companies$/);
    expect(foreign).toEqual([]);
  });

  it('searches "Hikvision" and lists the company under Companies and the question under Questions', async () => {
    await page.locator('#search-input').fill('Hikvision');
    await page.keyboard.press('Enter');
    const group = (name: string) => page.locator('.result-group', { has: page.locator('h3', { hasText: name }) });
    await group('Companies').waitFor();
    expect(await group('Companies').locator('.result-label').allTextContents()).toContain('Hikvision');
    expect(await group('Questions').locator('.result-label').allTextContents()).toContain('2022Z04510');
  });

  it('opens the company from the keyboard and shows its neighbourhood and details', async () => {
    await page.getByRole('button', { name: 'Open Company Hikvision' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#details-title', { hasText: 'Hikvision' }).waitFor();
    await nodeButton('2022Z04510').first().waitFor();
    expect(await nodeLabels()).toEqual(expect.arrayContaining(['Hikvision', '2022Z04510']));
    const details = page.locator('#details');
    await expect(details.locator('.badge').textContent()).resolves.toBe('Company');
    await expect(details.locator('.props').textContent()).resolves.toContain('Hangzhou Hikvision Digital Technology');
    await expect(details.locator('.edges').textContent()).resolves.toMatch(/← MENTIONS\s*2022Z04510 \(Question\)/);
  });

  it('lists the questions about the company with who asked them', async () => {
    await page.getByRole('button', { name: 'Questions about a company' }).click();
    const table = page.locator('#view-results table');
    await table.locator('caption', { hasText: /^Questions about Hikvision \(\d+\)$/ }).waitFor();
    const row = await table.locator('tbody tr', { hasText: '2022Z04510' }).textContent();
    expect(row).toContain('bewakingscamera');
    expect(row).toContain('Dekker-Abdulaziz (D66)');
    expect(row).toContain('minister van Justitie en Veiligheid');
    expect(row).toMatch(/answered late, \d+ days late \(answer 2022-06-08\)/);
    await page.getByRole('button', { name: 'Close the ready-made view' }).click();
  });

  it('expands question 2022Z04510: askers, offices, answer and article join the graph; the panel links the publication', async () => {
    // A KOOP publication may still hold the question as a stand-in (SAME_AS its Tweede Kamer record):
    // expanding the question then takes one more click on its twin, as a reader would do.
    for (let i = 0; i < 2 && !(await nodeLabels()).includes('Dekker-Abdulaziz'); i++) {
      const next = page.locator('#node-list .node-button[data-expanded="false"]', { hasText: '2022Z04510' }).first();
      await next.focus();
      await page.keyboard.press('Enter');
      await page.locator('#node-list .node-button[data-expanded="true"]', { hasText: '2022Z04510' }).nth(i).waitFor();
    }
    await nodeButton('Dekker-Abdulaziz').waitFor();
    expect(await nodeLabels()).toEqual(
      expect.arrayContaining(['Dekker-Abdulaziz', 'van Ginneken', 'minister van Justitie en Veiligheid', 'ah-tk-20212022-3019']),
    );
    const details = page.locator('#details');
    await details.locator('#details-title', { hasText: '2022Z04510' }).waitFor();
    const links = await details.locator('.docs a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toContain('https://zoek.officielebekendmakingen.nl/kv-tk-2022Z04510.html');
    expect(links).toContain('https://zoek.officielebekendmakingen.nl/ah-tk-20212022-3019.html');
    expect(links.some((l) => l.includes('ftm.nl/artikelen/de-ogen-van-chinees-staatsbedrijf-hikvision-zijn-overal'))).toBe(true);
    // Provenance of an edge shown: ASKED came from the question's own publication.
    const asked = details.locator('.edges > li', { hasText: /ASKED\s*Dekker-Abdulaziz/ });
    await asked.locator('.sources', { hasText: /kv-tk-2022Z04510\.xml \(koop-xml/ }).waitFor();
  });

  it('finds the path from the D66 member Dekker-Abdulaziz to the minister van Justitie en Veiligheid and highlights each hop', async () => {
    await nodeButton('Dekker-Abdulaziz').click();
    await page.locator('#details-title', { hasText: 'Dekker-Abdulaziz' }).waitFor();
    // She is known by name only; the panel says so, and the click brought in her party.
    await expect(page.locator('#details .stand-in-note').textContent()).resolves.toContain('Known by name only');
    await nodeButton('D66').waitFor();
    await page.locator('#details .edges > li', { hasText: 'MEMBER_OF → D66 (Party)' }).waitFor();
    await page.getByRole('button', { name: 'Use selected' }).first().click();
    await expect(page.locator('#path-from').inputValue()).resolves.toBe('Dekker-Abdulaziz');
    await page.locator('#path-to').fill('minister van Justitie en Veiligheid');
    await page.getByRole('button', { name: 'Find paths' }).click();
    const path = page.locator('#path-results .path').first();
    await path.waitFor();
    const hops = await path.locator('.hops > li').allTextContents();
    expect(hops).toHaveLength(2);
    expect(hops[0]).toMatch(/^Dekker-Abdulaziz → ASKED → 2022Z04510/);
    expect(hops[1]).toMatch(/^2022Z04510 → ADDRESSED_TO → minister van Justitie en Veiligheid/);
    expect(hops[0]).toContain('kv-tk-2022Z04510.xml (koop-xml)');
    await expect(page.locator('#status').textContent()).resolves.toMatch(/path(s)? found/);
    // The first path is highlighted, in the graph and in the node list that keyboard users read.
    const onPath = await page.locator('#node-list .node-button.on-path').allTextContents();
    expect(onPath.sort()).toEqual(['2022Z04510', 'Dekker-Abdulaziz', 'minister van Justitie en Veiligheid']);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/explorer.png' });
  });

  it('exports the neighbourhood through the API and the view as SVG', async () => {
    const [graphml] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'GraphML' }).click()]);
    expect(graphml.suggestedFilename()).toBe('neighborhood.graphml');
    const xml = readFileSync((await graphml.path())!, 'utf8');
    expect(xml).toContain('<graphml');
    expect(xml).toContain('Hikvision');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).click()]);
    const text = readFileSync((await svg.path())!, 'utf8');
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain('>Dekker-Abdulaziz</text>');
    expect(text).toContain('>ADDRESSED_TO</text>');
  });

  it('shows a timeline of the selected member’s questions', async () => {
    await page.getByRole('button', { name: 'Timeline' }).click();
    const timeline = page.locator('#view-results .timeline');
    await timeline.waitFor();
    await expect(page.locator('#view-results h3').textContent()).resolves.toBe('Timeline: Dekker-Abdulaziz');
    const events = await timeline.locator('li').allTextContents();
    expect(events[0]).toMatch(/^2022-03-10 2022Z04510 submitted/);
    expect(events.at(-1)).toMatch(/^2022-06-08 2022Z04510 answered ah-tk-20212022-3019/);
  });

  it('explains an empty list of adopted motions not followed up with the counts behind it', async () => {
    await page.getByRole('button', { name: 'Adopted motions not followed up' }).click();
    const view = page.locator('#view-results');
    await view.locator('h3, caption', { hasText: /^Adopted motions not followed up \(\d+\)$/ }).waitFor();
    // The demo holds no adopted motion (api-demo asserts a total of 0), so the view explains the empty list.
    expect(await view.locator('tbody tr').count()).toBe(0);
    expect(await view.textContent()).toMatch(/\d+ motions/);
  });
});

// Each test below starts a page of its own, so a failure in one leaves the others a fresh explorer.
describe('the explorer on a phone, with slow answers, failures and Clear', () => {
  let p: Page;
  afterEach(async () => {
    await p?.close();
  });

  async function start(width = 1366, height = 768): Promise<Page> {
    p = await browser.newPage({ viewport: { width, height } });
    p.setDefaultTimeout(15_000);
    await p.goto(api.url);
    await p.locator('#status', { hasText: 'Ready' }).waitFor();
    return p;
  }
  async function search(text: string): Promise<void> {
    await p.locator('#search-input').fill(text);
    await p.locator('#search-input').press('Enter');
  }
  async function openHikvision(): Promise<void> {
    await search('Hikvision');
    await p.getByRole('button', { name: 'Open Company Hikvision' }).click();
    await p.locator('#details-title', { hasText: 'Hikvision' }).waitFor();
    await p.locator('#node-list .node-button', { hasText: '2022Z04510' }).first().waitFor();
  }
  /** The id of a node in the list that is not expanded yet: one labelled `label`, or any but `except`. */
  async function unexpandedId(label?: string, except?: string): Promise<string> {
    const buttons = p.locator('#node-list .node-button[data-expanded="false"]', label ? { hasText: label } : {});
    for (const id of await buttons.evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.id!))) if (id !== except) return id;
    throw new Error(`no unexpanded node ${label ?? ''} in the list`);
  }
  /** Counts the neighbourhood requests for one node id from now on. */
  function countNeighborhoodRequests(id: string): () => number {
    let count = 0;
    p.on('request', (r) => {
      const body = r.url().endsWith('/graphql') ? (r.postDataJSON() as { query: string; variables?: { id?: string } } | null) : null;
      if (body?.query.includes('neighborhood(') && body.variables?.id === id) count++;
    });
    return () => count;
  }
  /**
   * What the graph canvas shows, read from Cytoscape (registered on its container): the zoom, where
   * a node is on the page, which nodes are faded, and whether the node's neighbourhood is on screen.
   */
  async function canvas(id: string) {
    return p.evaluate((id) => {
      const container = document.getElementById('cy') as HTMLElement & { _cyreg: { cy: import('cytoscape').Core } };
      const cy = container._cyreg.cy;
      const box = container.getBoundingClientRect();
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
        box: { x: box.x, y: box.y, width: box.width, height: box.height },
        total: cy.nodes().length,
        faded: labels(cy.nodes('.faded')),
        clear: labels(cy.nodes().not('.faded')),
        neighbourhood: labels(near),
        neighbourhoodOnScreen: near.map(inView).every(Boolean),
        // Fitted: zoomed in as far as the explorer goes (1.4), or until the neighbourhood fills the view but for its padding.
        fitted: cy.zoom() > 1.399 || Math.max(near.renderedBoundingBox({}).w / box.width, near.renderedBoundingBox({}).h / box.height) > 0.75,
      };
    }, id);
  }
  /** Holds the first GraphQL request that `matches` until `release()`, so that a later request is answered first. */
  async function holdFirst(matches: (body: { query: string; variables?: Record<string, unknown> }) => boolean) {
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
      await p.waitForTimeout(300);
    };
    return { held, answer };
  }

  it('stacks the columns at 375 px: the graph is usable, the page does not scroll sideways, the header stays short', async () => {
    await start(375, 740);
    await openHikvision();
    const box = await p.evaluate(() => {
      const rect = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      return { scrollWidth: document.documentElement.scrollWidth, cy: rect('#cy'), header: rect('header').height, search: rect('#search-form button').right };
    });
    expect(box.scrollWidth).toBeLessThanOrEqual(375);
    expect(box.cy.width).toBeGreaterThan(300);
    expect(box.cy.height).toBeGreaterThan(250);
    expect(box.search).toBeLessThanOrEqual(375);
    expect(box.header).toBeLessThan(100);
  });

  it('shows only the latest search when an earlier one answers later', async () => {
    await start();
    const slow = await holdFirst((body) => body.variables?.text === 'Hikvision');
    await search('Hikvision');
    await slow.held;
    await search('D66');
    await p.locator('#status', { hasText: /results? for “D66”/ }).waitFor();
    await slow.answer();
    await expect(p.locator('#search-input').inputValue()).resolves.toBe('D66');
    await expect(p.locator('#status').textContent()).resolves.toMatch(/for “D66”/);
    expect(await p.locator('#results .result-label').allTextContents()).not.toContain('Hikvision');
  });

  it('says it is opening a node while its neighbourhood loads', async () => {
    await start();
    await search('Hikvision');
    const slow = await holdFirst((body) => body.query.includes('neighborhood('));
    await p.getByRole('button', { name: 'Open Company Hikvision' }).click();
    await slow.held;
    await expect.poll(() => p.locator('#status').textContent(), { timeout: 5000 }).toBe('Opening Hikvision…');
    await slow.answer();
    await expect(p.locator('#status').textContent()).resolves.toMatch(/^Hikvision: \d+ nodes shown/);
  });

  it('keeps only the latest opened neighbourhood when an earlier one answers later', async () => {
    await start();
    await search('Hikvision');
    await p.getByRole('button', { name: 'Open Company Hikvision' }).waitFor();
    const slow = await holdFirst((body) => body.query.includes('neighborhood('));
    await p.getByRole('button', { name: 'Open Company Hikvision' }).click();
    await slow.held;
    await p.getByRole('button', { name: 'Open Question 2022Z04510' }).click();
    await p.locator('#details-title', { hasText: '2022Z04510' }).waitFor();
    const before = (await nodeLabelsOf(p)).sort();
    await slow.answer();
    await expect(p.locator('#details-title').textContent()).resolves.toBe('2022Z04510');
    expect((await nodeLabelsOf(p)).sort()).toEqual(before);
    expect(await p.locator('#node-list [aria-current="true"]').allTextContents()).toEqual(['2022Z04510']);
  });

  it('applies only the latest of two fast clicks on nodes: the earlier node’s late answer neither expands the graph nor takes the selection', async () => {
    await start();
    await openHikvision();
    const question = await unexpandedId('2022Z04510');
    const other = await unexpandedId(undefined, question);
    const slow = await holdFirst((body) => body.query.includes('neighborhood(') && body.variables?.id === question);
    await p.locator(`#node-list .node-button[data-id="${question}"]`).click();
    await slow.held;
    await p.locator(`#node-list .node-button[data-id="${other}"]`).click();
    const otherButton = p.locator(`#node-list .node-button[data-expanded="true"][data-id="${other}"]`);
    await otherButton.waitFor();
    const label = (await otherButton.textContent())!;
    await expect.poll(() => p.locator('#status').textContent(), { timeout: 5000 }).toMatch(new RegExp(`^${escapeRegExp(label)}: \\d+ nodes? shown`));
    const before = (await nodeLabelsOf(p)).sort();
    await slow.answer();
    expect((await nodeLabelsOf(p)).sort()).toEqual(before);
    expect(await nodeLabelsOf(p)).not.toContain('Dekker-Abdulaziz');
    await expect(p.locator(`#node-list .node-button[data-id="${question}"]`).getAttribute('data-expanded')).resolves.toBe('false');
    await expect(p.locator('#details-title').textContent()).resolves.toBe(label);
    expect(await p.locator('#node-list [aria-current="true"]').getAttribute('data-id')).toBe(other);
    await expect(p.locator('#status').textContent()).resolves.toMatch(new RegExp(`^${escapeRegExp(label)}: \\d+ nodes? shown`));

    // A later click that loads nothing (the node is expanded already) drops the earlier load too, and says so.
    const again = await holdFirst((body) => body.query.includes('neighborhood(') && body.variables?.id === question);
    await p.locator(`#node-list .node-button[data-id="${question}"]`).click();
    await again.held;
    await p.locator('#node-list .node-button').filter({ hasText: /^Hikvision$/ }).click();
    await again.answer();
    expect((await nodeLabelsOf(p)).sort()).toEqual(before);
    await expect(p.locator('#details-title').textContent()).resolves.toBe('Hikvision');
    await expect(p.locator('#status').textContent()).resolves.toBe('Did not expand 2022Z04510: another node was selected while it loaded');
  });

  it('starts one load for a node clicked again while it loads, and selects it when the answer arrives', async () => {
    await start();
    await openHikvision();
    const question = await unexpandedId('2022Z04510');
    const loads = countNeighborhoodRequests(question);
    const slow = await holdFirst((body) => body.query.includes('neighborhood(') && body.variables?.id === question);
    const button = p.locator(`#node-list .node-button[data-id="${question}"]`);
    await button.click();
    await slow.held;
    await button.click();
    // Time for a second request to leave, if the second click started one.
    await p.waitForTimeout(500);
    await slow.answer();
    await p.locator(`#node-list .node-button[data-expanded="true"][data-id="${question}"]`).waitFor();
    await nodeButtonOf(p, 'Dekker-Abdulaziz').waitFor();
    expect(loads()).toBe(1);
    await expect(p.locator('#details-title').textContent()).resolves.toBe('2022Z04510');
    expect(await p.locator('#node-list [aria-current="true"]').getAttribute('data-id')).toBe(question);
  });

  it('double-click on a node zooms in on it and its neighbours and fades the rest; a click on the background brings the rest back', async () => {
    await start();
    await openHikvision();
    const question = await unexpandedId('2022Z04510');
    await p.locator(`#node-list .node-button[data-id="${question}"]`).click();
    await nodeButtonOf(p, 'Dekker-Abdulaziz').waitFor();
    const hikvision = await p.locator('#node-list .node-button').filter({ hasText: /^Hikvision$/ }).getAttribute('data-id');
    const before = await canvas(hikvision!);
    expect(before.faded).toEqual([]);
    await p.mouse.dblclick(before.x, before.y);
    await expect.poll(async () => (await canvas(hikvision!)).faded.length, { timeout: 5000 }).toBeGreaterThan(0);
    const focused = await canvas(hikvision!);
    expect(focused.zoom).toBeGreaterThan(before.zoom);
    // Hikvision and its direct neighbours stay clear and on screen; everything else is faded.
    expect(focused.clear.sort()).toEqual(focused.neighbourhood.sort());
    expect(focused.neighbourhoodOnScreen).toBe(true);
    expect(focused.fitted).toBe(true);
    expect(focused.faded.length).toBe(focused.total - focused.neighbourhood.length);
    await expect(p.locator('#details-title').textContent()).resolves.toBe('Hikvision');
    await p.mouse.click(focused.box.x + 3, focused.box.y + 3);
    await expect.poll(async () => (await canvas(hikvision!)).faded, { timeout: 5000 }).toEqual([]);
  });

  it('double-click on a node not yet expanded loads it once and keeps the view zoomed in on it and its new neighbours', async () => {
    await start();
    await openHikvision();
    await p.locator(`#node-list .node-button[data-id="${await unexpandedId('2022Z04510')}"]`).click();
    await nodeButtonOf(p, 'Dekker-Abdulaziz').waitFor();
    const member = await unexpandedId('Dekker-Abdulaziz');
    const loads = countNeighborhoodRequests(member);
    const before = await canvas(member);
    await p.mouse.dblclick(before.x, before.y);
    await p.locator(`#node-list .node-button[data-expanded="true"][data-id="${member}"]`).waitFor();
    await nodeButtonOf(p, 'D66').waitFor();
    await p.waitForTimeout(300);
    const after = await canvas(member);
    expect(loads()).toBe(1);
    expect(after.neighbourhood).toContain('D66');
    expect(after.clear.sort()).toEqual(after.neighbourhood.sort());
    expect(after.faded.length).toBe(after.total - after.neighbourhood.length);
    expect(after.neighbourhoodOnScreen).toBe(true);
    expect(after.fitted).toBe(true);
  });

  it('shows only the latest path search when an earlier one answers later', async () => {
    await start();
    await p.locator('#path-from').fill('Dekker-Abdulaziz');
    await p.locator('#path-to').fill('minister van Justitie en Veiligheid');
    const slow = await holdFirst((body) => body.query.includes('paths('));
    await p.getByRole('button', { name: 'Find paths' }).click();
    await slow.held;
    await p.locator('#path-to').fill('Hikvision');
    await p.getByRole('button', { name: 'Find paths' }).click();
    const first = p.locator('#path-results .path').first();
    await first.locator('.hops > li', { hasText: 'Hikvision' }).first().waitFor();
    const hops = await first.locator('.hops > li').allTextContents();
    const onPath = (await p.locator('#node-list .node-button.on-path').allTextContents()).sort();
    const nodes = (await nodeLabelsOf(p)).sort();
    await slow.answer();
    expect(await first.locator('.hops > li').allTextContents()).toEqual(hops);
    expect(hops.at(-1)).toMatch(/Hikvision/);
    expect((await p.locator('#node-list .node-button.on-path').allTextContents()).sort()).toEqual(onPath);
    expect((await nodeLabelsOf(p)).sort()).toEqual(nodes);
    expect(nodes).not.toContain('minister van Justitie en Veiligheid');
    await expect(p.locator('#path-to').inputValue()).resolves.toBe('Hikvision');
  });

  it('shows only the latest ready-made view when an earlier one answers later, and none after Close', async () => {
    await start();
    const slow = await holdFirst((body) => body.query.includes('questions('));
    await p.getByRole('button', { name: 'Timeline' }).click();
    await slow.held;
    await p.getByRole('button', { name: 'Adopted motions not followed up' }).click();
    const view = p.locator('#view-results');
    await view.locator('h3, caption', { hasText: /^Adopted motions not followed up \(\d+\)$/ }).waitFor();
    await slow.answer();
    await expect(view.locator('h3, caption').first().textContent()).resolves.toMatch(/^Adopted motions not followed up/);
    expect(await view.locator('.timeline').count()).toBe(0);
    await expect(p.locator('#status').textContent()).resolves.toMatch(/adopted motions? without follow-up/);

    const closed = await holdFirst((body) => body.query.includes('questions('));
    await p.getByRole('button', { name: 'Timeline' }).click();
    await closed.held;
    await p.getByRole('button', { name: 'Close the ready-made view' }).click();
    await closed.answer();
    await expect(view.textContent()).resolves.toBe('');
  });

  it('keeps the focus on a node expanded with Enter, and marks the node shown in the details as current', async () => {
    await start();
    await openHikvision();
    expect(await p.locator('#node-list [aria-current="true"]').allTextContents()).toEqual(['Hikvision']);
    const question = p.locator('#node-list .node-button[data-expanded="false"]', { hasText: '2022Z04510' }).first();
    const id = await question.getAttribute('data-id');
    await question.focus();
    await p.keyboard.press('Enter');
    await p.locator(`#node-list .node-button[data-expanded="true"][data-id="${id}"]`).waitFor();
    await expect(p.evaluate(() => (document.activeElement as HTMLElement).dataset.id)).resolves.toBe(id);
    await p.locator('#node-list .node-button').filter({ hasText: /^Hikvision$/ }).click();
    await p.locator('#details-title', { hasText: /^Hikvision$/ }).waitFor();
    expect(await p.locator('#node-list [aria-current="true"]').allTextContents()).toEqual(['Hikvision']);
  });

  it('reports a failed export in the status line and keeps the graph (server down, error answer)', async () => {
    await start();
    await openHikvision();
    const nodes = await nodeLabelsOf(p);
    await p.route('**/export/**', (route) => route.abort('connectionrefused'));
    await p.getByRole('button', { name: 'GraphML' }).click();
    await p.locator('#status[data-kind="error"]', { hasText: 'The API cannot be reached' }).waitFor();
    await p.unroute('**/export/**');
    // The real API's refusal: the request goes on to it with a limit it refuses.
    await p.route('**/export/**', (route) => route.continue({ url: route.request().url().replace(/limit=\d+/, 'limit=100000') }));
    await p.getByRole('button', { name: 'CSV edges' }).click();
    await p.locator('#status[data-kind="error"]', { hasText: 'limit must be from 1 to 500, got 100000' }).waitFor();
    expect(p.url()).toBe(`${api.url}/`);
    expect(await nodeLabelsOf(p)).toEqual(nodes);
  });

  it('clears the details and what the exports cover', async () => {
    await start();
    await openHikvision();
    await p.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => p.locator('#details-title').textContent(), { timeout: 5000 }).toBe('Welcome');
    let downloads = 0;
    p.on('download', () => downloads++);
    await p.getByRole('button', { name: 'CSV nodes' }).click();
    await expect.poll(() => p.locator('#status').textContent(), { timeout: 5000 }).toMatch(/^Open an entity first/);
    expect(downloads).toBe(0);
  });

  it('asks for both ends of a path, says when the API cannot be reached and drops the results of a failed search', async () => {
    await start();
    await search('Hikvision');
    await p.getByRole('button', { name: 'Open Company Hikvision' }).waitFor();
    await p.getByRole('button', { name: 'Find paths' }).click();
    await p.locator('#status[data-kind="error"]', { hasText: 'both ends' }).waitFor();
    await p.route('**/graphql', (route) => route.abort('connectionrefused'));
    await search('D66');
    await p.locator('#status[data-kind="error"]', { hasText: 'The API cannot be reached' }).waitFor();
    expect(await p.locator('#results .result').count()).toBe(0);
  });
});

async function nodeLabelsOf(p: Page): Promise<string[]> {
  return p.locator('#node-list .node-button').allTextContents();
}

function nodeButtonOf(p: Page, label: string) {
  return p.locator('#node-list .node-button', { hasText: label }).first();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
