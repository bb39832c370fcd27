import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { canvas, canvasWhen, clickBackground, countNeighborhoodRequests, fadedEdgeSpot, findPathsToMinister, nodeButtonOf, nodeLabelsOf, openHikvision, search, unexpandedId, useExplorer, useFreshPage } from '../support/explorer.js';

// The explorer on the demo data at other sizes, from the keyboard and the mouse, and when the API fails.
const explorer = useExplorer();
const start = useFreshPage(explorer);

describe('the explorer on a phone, from the keyboard, with failures and Clear', () => {
  it('stacks the columns at 375 px: the graph is usable, the page does not scroll sideways, the header stays short', async () => {
    const p = await start(375, 740);
    await openHikvision(p);
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

  it('keeps the focus on a node expanded with Enter, and marks the node shown in the details as current', async () => {
    const p = await start();
    await openHikvision(p);
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
    const p = await start();
    await openHikvision(p);
    const nodes = await nodeLabelsOf(p);
    await p.route('**/export/**', (route) => route.abort('connectionrefused'));
    await p.getByRole('button', { name: 'GraphML' }).click();
    await p.locator('#status[data-kind="error"]', { hasText: 'The API cannot be reached' }).waitFor();
    await p.unroute('**/export/**');
    // The real API's refusal: the request goes on to it with a limit it refuses.
    await p.route('**/export/**', (route) => route.continue({ url: route.request().url().replace(/limit=\d+/, 'limit=100000') }));
    await p.getByRole('button', { name: 'CSV edges' }).click();
    await p.locator('#status[data-kind="error"]', { hasText: 'limit must be from 1 to 500, got 100000' }).waitFor();
    expect(p.url()).toBe(`${explorer().url}/`);
    expect(await nodeLabelsOf(p)).toEqual(nodes);
  });

  it('clears the details and what the exports cover', async () => {
    const p = await start();
    await openHikvision(p);
    await p.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => p.locator('#details-title').textContent(), { timeout: 5000 }).toBe('Welcome');
    let downloads = 0;
    p.on('download', () => downloads++);
    await p.getByRole('button', { name: 'CSV nodes' }).click();
    await expect.poll(() => p.locator('#status').textContent(), { timeout: 5000 }).toMatch(/^Open an entity first/);
    expect(downloads).toBe(0);
  });

  it('asks for both ends of a path, says when the API cannot be reached and drops the results of a failed search', async () => {
    const p = await start();
    await search(p, 'Hikvision');
    await p.getByRole('button', { name: 'Open Company Hikvision' }).waitFor();
    await p.getByRole('button', { name: 'Find paths' }).click();
    await p.locator('#status[data-kind="error"]', { hasText: 'both ends' }).waitFor();
    await p.route('**/graphql', (route) => route.abort('connectionrefused'));
    await search(p, 'D66');
    await p.locator('#status[data-kind="error"]', { hasText: 'The API cannot be reached' }).waitFor();
    expect(await p.locator('#results .result').count()).toBe(0);
  });
});

describe('double-click focus', () => {
  /** Hikvision opened and question 2022Z04510 expanded from the node list. */
  const withQuestionExpanded = async () => {
    const p = await start();
    await openHikvision(p);
    const question = await unexpandedId(p, '2022Z04510');
    await p.locator(`#node-list .node-button[data-id="${question}"]`).click();
    await nodeButtonOf(p, 'Dekker-Abdulaziz').waitFor();
    return { p, question };
  };
  /** Double-clicks a node and waits until the rest is faded; the canvas as the focus left it. */
  const focusOn = async (p: Page, id: string) => {
    const at = await canvas(p, id);
    await p.mouse.dblclick(at.x, at.y);
    await expect.poll(async () => (await canvas(p, id)).faded.length, { timeout: 5000 }).toBeGreaterThan(0);
    return canvas(p, id);
  };

  it('double-click on a node zooms in on it and its neighbours and fades the rest; a click on the background brings the rest back', async () => {
    const { p } = await withQuestionExpanded();
    const hikvision = await p.locator('#node-list .node-button').filter({ hasText: /^Hikvision$/ }).getAttribute('data-id');
    const before = await canvas(p, hikvision!);
    expect(before.faded).toEqual([]);
    const focused = await focusOn(p, hikvision!);
    expect(focused.zoom).toBeGreaterThan(before.zoom);
    // Hikvision and its direct neighbours stay clear and on screen; everything else is faded.
    expect(focused.clear.sort()).toEqual(focused.neighbourhood.sort());
    expect(focused.neighbourhoodOnScreen).toBe(true);
    expect(focused.fitted).toBe(true);
    expect(focused.faded.length).toBe(focused.total - focused.neighbourhood.length);
    await expect(p.locator('#details-title').textContent()).resolves.toBe('Hikvision');
    await clickBackground(p);
    await expect.poll(async () => (await canvas(p, hikvision!)).faded, { timeout: 5000 }).toEqual([]);
  });

  it('a click on an edge faded out of the focus ends the focus, as a click on the background does', async () => {
    const { p, question } = await withQuestionExpanded();
    await focusOn(p, question);
    const spot = await fadedEdgeSpot(p);
    expect(spot).toBeDefined();
    await p.mouse.click(spot!.x, spot!.y);
    await expect.poll(async () => (await canvas(p, question)).faded, { timeout: 5000 }).toEqual([]);
    await expect(p.locator('#details-title').textContent()).resolves.toBe('2022Z04510');
  });

  it('double-click on a node not yet expanded loads it once and keeps the view zoomed in on it and its new neighbours', async () => {
    const { p } = await withQuestionExpanded();
    const member = await unexpandedId(p, 'Dekker-Abdulaziz');
    const loads = countNeighborhoodRequests(p, member);
    const before = await canvas(p, member);
    await p.mouse.dblclick(before.x, before.y);
    await p.locator(`#node-list .node-button[data-expanded="true"][data-id="${member}"]`).waitFor();
    await nodeButtonOf(p, 'D66').waitFor();
    const after = await canvasWhen(p, member, (c) => c.fitted && c.neighbourhoodOnScreen && c.neighbourhood.includes('D66'));
    expect(loads()).toBe(1);
    expect(after.neighbourhood).toContain('D66');
    expect(after.clear.sort()).toEqual(after.neighbourhood.sort());
    expect(after.faded.length).toBe(after.total - after.neighbourhood.length);
    expect(after.neighbourhoodOnScreen).toBe(true);
    expect(after.fitted).toBe(true);
  });

  it('a click on another node ends a double-click focus, as a click on the background does; a click on the focused node keeps it', async () => {
    const { p, question } = await withQuestionExpanded();
    const focus = async () => {
      await focusOn(p, question);
      // Past the double-click's time, so that the next click is one of its own.
      await p.waitForTimeout(500);
      return canvas(p, question);
    };
    const focused = await focus();
    await p.mouse.click(focused.x, focused.y);
    // Time for the click to end the focus if it wrongly did: what is checked is that nothing changes.
    await p.waitForTimeout(300);
    expect((await canvas(p, question)).faded.sort()).toEqual(focused.faded.sort());

    // A neighbour not expanded yet, the party the question names: its members join a graph where nothing is faded.
    const party = (await p.locator('#node-list .node-button[data-expanded="false"]').filter({ hasText: /^D66$/ }).getAttribute('data-id'))!;
    const at = await canvas(p, party);
    await p.mouse.click(at.x, at.y);
    await p.locator(`#node-list .node-button[data-expanded="true"][data-id="${party}"]`).waitFor();
    // Also past the click's double-click time: the focus below is a double-click of its own.
    await p.waitForTimeout(300);
    const after = await canvas(p, party);
    expect(after.total).toBeGreaterThan(focused.total);
    expect(after.faded).toEqual([]);
    expect(await p.locator('#node-list [aria-current="true"]').getAttribute('data-id')).toBe(party);

    // A node expanded already, clicked in the node list: nothing loads, and the focus ends all the same.
    await focus();
    const hikvision = p.locator('#node-list .node-button').filter({ hasText: /^Hikvision$/ });
    const loads = countNeighborhoodRequests(p, (await hikvision.getAttribute('data-id'))!);
    await hikvision.click();
    await expect.poll(async () => (await canvas(p, question)).faded, { timeout: 5000 }).toEqual([]);
    expect(loads()).toBe(0);
  });
});

describe('a highlighted path', () => {
  it('keeps a path highlighted while its nodes are clicked, their new neighbours joining faded; a click off the path ends the highlight', async () => {
    const p = await start();
    await findPathsToMinister(p);
    const onPath = async () => (await p.locator('#node-list .node-button.on-path').allTextContents()).sort();
    const marked = await onPath();
    expect(marked).toEqual(['2022Z04510', 'Dekker-Abdulaziz', 'minister van Justitie en Veiligheid']);
    const question = (await nodeButtonOf(p, '2022Z04510').getAttribute('data-id'))!;
    const before = await canvas(p, question);
    await nodeButtonOf(p, '2022Z04510').click();
    await p.locator(`#node-list .node-button[data-expanded="true"][data-id="${question}"]`).waitFor();
    const after = await canvasWhen(p, question, (c) => c.total > before.total && c.clear.length === marked.length);
    expect(after.total).toBeGreaterThan(before.total);
    expect(after.clear.sort()).toEqual(marked);
    expect(after.faded.length).toBe(after.total - marked.length);
    expect(await onPath()).toEqual(marked);
    await expect(p.locator('#details-title').textContent()).resolves.toBe('2022Z04510');

    await p.locator('#node-list .node-button:not(.on-path)').first().click();
    await expect.poll(async () => (await canvas(p, question)).faded, { timeout: 5000 }).toEqual([]);
    expect(await onPath()).toEqual([]);
  });

  it('ends the highlight when a node is double-clicked: the focus fades the path off its neighbourhood and unmarks it', async () => {
    const p = await start();
    await findPathsToMinister(p);
    const member = (await nodeButtonOf(p, 'Dekker-Abdulaziz').getAttribute('data-id'))!;
    expect(await p.locator('#node-list .node-button.on-path').count()).toBe(3);
    const at = await canvas(p, member);
    await p.mouse.dblclick(at.x, at.y);
    await expect.poll(async () => p.locator('#node-list .node-button.on-path').count(), { timeout: 5000 }).toBe(0);
    const focused = await canvas(p, member);
    expect(focused.clear.sort()).toEqual(focused.neighbourhood.sort());
    expect(focused.hops).toBe(0);
  });
});
