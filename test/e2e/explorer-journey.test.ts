import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeButtonOf, nodeLabelsOf, useExplorer } from '../support/explorer.js';

// The journey of the issue on the real demo data (`npm start` loads the same): the seed case
// 2022Z04510 among Tweede Kamer pages and KOOP publications, read by the real ingest.
const explorer = useExplorer();
// One page for the journey: each step goes on from where the one before left it.
let page: Page;

beforeAll(async () => {
  page = await explorer().browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.setDefaultTimeout(15_000);
});

const nodeLabels = () => nodeLabelsOf(page);

describe('the graph explorer in headless Chromium, on the demo data', () => {
  it('serves the bundled page at / without any request leaving the server, and says what the graph holds', async () => {
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(explorer().url)) foreign.push(r.url());
    });
    await page.goto(explorer().url);
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
    await nodeButtonOf(page, '2022Z04510').waitFor();
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
    await nodeButtonOf(page, 'Dekker-Abdulaziz').waitFor();
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
    await nodeButtonOf(page, 'Dekker-Abdulaziz').click();
    await page.locator('#details-title', { hasText: 'Dekker-Abdulaziz' }).waitFor();
    // She is known by name only; the panel says so, and the click brought in her party.
    await expect(page.locator('#details .stand-in-note').textContent()).resolves.toContain('Known by name only');
    await nodeButtonOf(page, 'D66').waitFor();
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
    // Named after the node it starts from (Hikvision, opened above), as the API names the download.
    expect(graphml.suggestedFilename()).toBe('neighborhood-hikvision.graphml');
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
