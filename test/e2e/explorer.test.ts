import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/graphql/server.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { ensureWebBuilt, launchBrowser } from '../support/browser.js';
import { useGraph } from '../support/graph.js';
import { createSeedCase } from './seed-case.js';

const { graph } = useGraph();
let api: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ensureWebBuilt();
  await new GraphWriter(graph(), { batchSize: 2000 }).write(createSeedCase());
  api = await startServer(graph(), { ...loadConfig(), port: 0 });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const nodeButton = (label: string) => page.locator('#node-list .node-button', { hasText: label });
const nodeLabels = () => page.locator('#node-list .node-button').allTextContents();

describe('the graph explorer in headless Chromium', () => {
  it('serves the bundled page at / without any request leaving the server', async () => {
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(api.url)) foreign.push(r.url());
    });
    await page.goto(api.url);
    await expect(page.title()).resolves.toBe('graafwerk explorer');
    await page.locator('#status', { hasText: 'Ready' }).waitFor();
    expect(foreign).toEqual([]);
  });

  it('searches "Hikvision" and lists the company under Companies', async () => {
    await page.locator('#search-input').fill('Hikvision');
    await page.keyboard.press('Enter');
    const group = page.locator('.result-group', { has: page.locator('h3', { hasText: 'Companies' }) });
    await group.waitFor();
    expect(await group.locator('.result-label').allTextContents()).toContain('Hikvision');
  });

  it('opens the company from the keyboard and shows its neighbourhood and details', async () => {
    await page.getByRole('button', { name: 'Open Company Hikvision' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#details-title', { hasText: 'Hikvision' }).waitFor();
    await nodeButton('2022Z04510').waitFor();
    expect(await nodeLabels()).toEqual(expect.arrayContaining(['Hikvision', '2022Z04510']));
    const details = page.locator('#details');
    await expect(details.locator('.badge').textContent()).resolves.toBe('Company');
    await expect(details.locator('.props').textContent()).resolves.toContain('Hangzhou Hikvision Digital Technology');
    await expect(details.locator('.edges').textContent()).resolves.toMatch(/← MENTIONS\s*2022Z04510 \(Question\)/);
  });

  it('lists the questions about the company with their answer status', async () => {
    await page.getByRole('button', { name: 'Questions about a company' }).click();
    const table = page.locator('#view-results table');
    await table.locator('caption', { hasText: 'Questions about Hikvision (1)' }).waitFor();
    const row = await table.locator('tbody tr').first().textContent();
    expect(row).toContain('2022Z04510');
    expect(row).toContain('answered late');
    expect(row).toContain('Hind Dekker-Abdulaziz (D66)');
  });

  it('expands the question: askers, office, answer and article join the graph; the panel links the publication', async () => {
    await nodeButton('2022Z04510').focus();
    await page.keyboard.press('Enter');
    await nodeButton('Hind Dekker-Abdulaziz').waitFor();
    const labels = await nodeLabels();
    expect(labels).toEqual(
      expect.arrayContaining(['Hind Dekker-Abdulaziz', 'Lisa van Ginneken', 'minister van Justitie en Veiligheid', 'Dahua']),
    );
    const details = page.locator('#details');
    await details.locator('#details-title', { hasText: '2022Z04510' }).waitFor();
    const links = await details.locator('.docs a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toContain('https://zoek.officielebekendmakingen.nl/kv-tk-2022Z04510.html');
    expect(links).toContain('https://zoek.officielebekendmakingen.nl/ah-tk-20212022-3019.html');
    expect(links).toContain('https://www.ftm.nl/artikelen/de-ogen-van-chinees-staatsbedrijf-hikvision-zijn-overal');
    // Provenance of an edge shown: ASKED came from the Tweede Kamer OData record.
    const asked = details.locator('.edges > li', { hasText: 'Hind Dekker-Abdulaziz' });
    await asked.locator('a[href^="https://gegevensmagazijn.tweedekamer.nl/"]').waitFor();
  });

  it('finds the path from a D66 member to the Minister of Justitie en Veiligheid and highlights each hop', async () => {
    await nodeButton('Hind Dekker-Abdulaziz').click();
    await page.locator('#details-title', { hasText: 'Hind Dekker-Abdulaziz' }).waitFor();
    // The click also expanded the member: her party joins the graph and the panel.
    await nodeButton('D66').waitFor();
    await page.locator('#details .edges > li', { hasText: 'MEMBER_OF → D66 (Party)' }).waitFor();
    await page.getByRole('button', { name: 'Use selected' }).first().click();
    await page.locator('#path-to').fill('minister van Justitie en Veiligheid');
    await page.getByRole('button', { name: 'Find paths' }).click();
    const path = page.locator('#path-results .path').first();
    await path.waitFor();
    const hops = await path.locator('.hops > li').allTextContents();
    expect(hops[0]).toMatch(/^Hind Dekker-Abdulaziz → ASKED → 2022Z04510/);
    expect(hops[1]).toMatch(/^2022Z04510 → ADDRESSED_TO → minister van Justitie en Veiligheid/);
    await path.locator('a[href^="https://gegevensmagazijn.tweedekamer.nl/"]').first().waitFor();
    await expect(page.locator('#status').textContent()).resolves.toMatch(/path(s)? found/);
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
    expect(text).toContain('>Hind Dekker-Abdulaziz</text>');
  });

  it('shows a timeline of the selected member’s questions', async () => {
    await page.getByRole('button', { name: 'Timeline' }).click();
    const timeline = page.locator('#view-results .timeline');
    await timeline.waitFor();
    const events = await timeline.locator('li').allTextContents();
    expect(events[0]).toMatch(/^2022-03-10 2022Z04510 submitted/);
    expect(events.at(-1)).toMatch(/^2022-06-08 2022Z04510 answered ah-tk-20212022-3019/);
  });
});
