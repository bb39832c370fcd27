import { describe, expect, it } from 'vitest';
import {
  countNeighborhoodRequests,
  escapeRegExp,
  holdFirst,
  holdSecondPathSearch,
  nodeButtonOf,
  nodeLabelsOf,
  openDecisionWithMore,
  openHikvision,
  pressWhileTimelineLoads,
  search,
  unexpandedId,
  useExplorer,
  useFreshPage,
} from '../support/explorer.js';

// Slow answers: a test holds an earlier request with a route and then lets it go on to the real
// API (on the demo data), so that a later action is answered first.
const explorer = useExplorer();
const start = useFreshPage(explorer);

describe('the explorer with slow answers: only the latest action applies', () => {
  it('shows only the latest search when an earlier one answers later', async () => {
    const p = await start();
    const slow = await holdFirst(p, (body) => body.variables?.text === 'Hikvision');
    await search(p, 'Hikvision');
    await slow.held;
    await search(p, 'D66');
    await p.locator('#status', { hasText: /results? for “D66”/ }).waitFor();
    await slow.answer();
    await expect(p.locator('#search-input').inputValue()).resolves.toBe('D66');
    await expect(p.locator('#status').textContent()).resolves.toMatch(/for “D66”/);
    // The input is the test's own typing; what the page shows is the D66 results, not Hikvision's.
    const labels = await p.locator('#results .result-label').allTextContents();
    expect(labels).not.toContain('Hikvision');
    expect(labels).toContain('D66');
  });

  it('keeps the message of a result opened while a second search for the same text still loads', async () => {
    const p = await start();
    await search(p, 'Hikvision');
    const result = p.getByRole('button', { name: 'Open Company Hikvision' });
    await result.waitFor();
    const slow = await holdFirst(p, (body) => body.variables?.text === 'Hikvision');
    await search(p, 'Hikvision');
    await slow.held;
    await result.click();
    await expect.poll(() => p.locator('#status').textContent(), { timeout: 5000 }).toMatch(/^Hikvision: \d+ nodes shown/);
    await slow.answer();
    await expect(p.locator('#status').textContent()).resolves.toMatch(/^Hikvision: \d+ nodes shown/);
    await expect(p.locator('#details-title').textContent()).resolves.toBe('Hikvision');
  });

  it('says it is opening a node while its neighbourhood loads', async () => {
    const p = await start();
    await search(p, 'Hikvision');
    const slow = await holdFirst(p, (body) => body.query.includes('neighborhood('));
    await p.getByRole('button', { name: 'Open Company Hikvision' }).click();
    await slow.held;
    await expect.poll(() => p.locator('#status').textContent(), { timeout: 5000 }).toBe('Opening Hikvision…');
    await slow.answer();
    await expect.poll(() => p.locator('#status').textContent(), { timeout: 5000 }).toMatch(/^Hikvision: \d+ nodes shown/);
  });

  it('keeps only the latest opened neighbourhood when an earlier one answers later', async () => {
    const p = await start();
    await search(p, 'Hikvision');
    await p.getByRole('button', { name: 'Open Company Hikvision' }).waitFor();
    const slow = await holdFirst(p, (body) => body.query.includes('neighborhood('));
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
    const p = await start();
    await openHikvision(p);
    const question = await unexpandedId(p, '2022Z04510');
    const other = await unexpandedId(p, undefined, question);
    const slow = await holdFirst(p, (body) => body.query.includes('neighborhood(') && body.variables?.id === question);
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
    const again = await holdFirst(p, (body) => body.query.includes('neighborhood(') && body.variables?.id === question);
    await p.locator(`#node-list .node-button[data-id="${question}"]`).click();
    await again.held;
    await p.locator('#node-list .node-button').filter({ hasText: /^Hikvision$/ }).click();
    await again.answer();
    expect((await nodeLabelsOf(p)).sort()).toEqual(before);
    await expect(p.locator('#details-title').textContent()).resolves.toBe('Hikvision');
    await expect.poll(() => p.locator('#status').textContent(), { timeout: 5000 }).toBe('Did not expand 2022Z04510: another node was selected while it loaded');
  });

  it('applies Show more only while it is the latest action: a click on another node meanwhile drops its answer', async () => {
    const p = await start();
    // A member's vote brings in a decision with a hundred voters, of which the first page shows 25.
    const { id: decisionId, label: decisionLabel, more } = await openDecisionWithMore(p);
    const nodes = (await nodeLabelsOf(p)).sort();
    const moreOfDecision = (body: { query: string; variables?: Record<string, unknown> }) => body.query.includes('neighborhood(') && body.variables?.id === decisionId;

    // A click on a node expanded already loads nothing, so the status line says what was dropped.
    const slow = await holdFirst(p, moreOfDecision);
    await more.click();
    await slow.held;
    await p.locator('#node-list .node-button').filter({ hasText: /^Joost Sneller$/ }).click();
    await slow.answer();
    expect((await nodeLabelsOf(p)).sort()).toEqual(nodes);
    await expect(p.locator('#details-title').textContent()).resolves.toBe('Joost Sneller');
    await expect.poll(() => p.locator('#status').textContent(), { timeout: 5000 }).toBe(`Did not show more of ${decisionLabel}: another node was selected while it loaded`);

    // Selecting the decision again (expanded already, so nothing loads) gives Show more back to it.
    await p.locator(`#node-list .node-button[data-id="${decisionId}"]`).click();
    await expect.poll(() => more.isEnabled(), { timeout: 5000 }).toBe(true);

    // A click on a node not expanded yet: its neighbours apply, and Show more stays with it.
    const again = await holdFirst(p, moreOfDecision);
    await more.click();
    await again.held;
    const voter = p.locator('#node-list .node-button[data-expanded="false"][aria-label^="Person "]').first();
    const voterId = (await voter.getAttribute('data-id'))!;
    const voterLabel = (await voter.textContent())!;
    await voter.click();
    await p.locator(`#node-list .node-button[data-expanded="true"][data-id="${voterId}"]`).waitFor();
    await expect.poll(() => p.locator('#status').textContent(), { timeout: 5000 }).toMatch(new RegExp(`^${escapeRegExp(voterLabel)}: \\d+ nodes? shown`));
    const expanded = (await nodeLabelsOf(p)).sort();
    const moreBefore = { enabled: await more.isEnabled(), title: await more.getAttribute('title') };
    await again.answer();
    expect((await nodeLabelsOf(p)).sort()).toEqual(expanded);
    await expect(p.locator('#status').textContent()).resolves.toMatch(new RegExp(`^${escapeRegExp(voterLabel)}: \\d+ nodes? shown`));
    expect({ enabled: await more.isEnabled(), title: await more.getAttribute('title') }).toEqual(moreBefore);
    await expect(p.locator('#details-title').textContent()).resolves.toBe(voterLabel);
  });

  it('applies Show more to the expanded node selected last, not to the node expanded last', async () => {
    const p = await start();
    const { id: decisionId, more } = await openDecisionWithMore(p);
    // A voter of the decision, expanded: Show more now applies to it.
    const voter = p.locator('#node-list .node-button[data-expanded="false"][aria-label^="Person "]').first();
    const voterId = (await voter.getAttribute('data-id'))!;
    await voter.click();
    await p.locator(`#node-list .node-button[data-expanded="true"][data-id="${voterId}"]`).waitFor();
    // The decision selected again in the node list: Show more asks for more of the decision, not of the voter.
    await p.locator(`#node-list .node-button[data-id="${decisionId}"]`).click();
    await expect.poll(() => more.isEnabled(), { timeout: 5000 }).toBe(true);
    const asked = p.waitForRequest((r) => r.url().endsWith('/graphql') && (r.postDataJSON() as { query: string; variables?: { id?: string } }).query.includes('neighborhood(') && r.postDataJSON().variables?.id === decisionId);
    const before = (await nodeLabelsOf(p)).length;
    await more.click();
    await asked;
    await expect.poll(async () => (await nodeLabelsOf(p)).length, { timeout: 5000 }).toBeGreaterThan(before);
    await expect(p.locator('#details-title').textContent()).resolves.toBe(await p.locator(`#node-list .node-button[data-id="${decisionId}"]`).textContent());
  });

  it('makes Show more wait while a click loads another node, so that it then applies to that node; a later click ends the wait', async () => {
    const p = await start();
    const { label: decisionLabel, more } = await openDecisionWithMore(p);
    const voters = p.locator('#node-list .node-button[data-expanded="false"][aria-label^="Person "]');
    const voter = (await voters.first().getAttribute('data-id'))!;
    const voterLabel = (await voters.first().textContent())!;
    const slow = await holdFirst(p, (body) => body.query.includes('neighborhood(') && body.variables?.id === voter);
    await voters.first().click();
    await slow.held;
    await expect.poll(() => more.isDisabled(), { timeout: 5000 }).toBe(true);
    await expect(more.getAttribute('title')).resolves.toBe(`Wait until ${voterLabel} is shown; Show more then applies to it`);
    await expect(p.locator('#details-title').textContent()).resolves.toBe(voterLabel);
    await slow.answer();
    await p.locator(`#node-list .node-button[data-expanded="true"][data-id="${voter}"]`).waitFor();
    await expect.poll(() => p.locator('#status').textContent(), { timeout: 5000 }).toMatch(new RegExp(`^${escapeRegExp(voterLabel)}: \\d+ nodes? shown`));
    await expect(more.getAttribute('title')).resolves.not.toMatch(/^Wait/);

    // A click on a node expanded already while another loads: that load is dropped, and Show more applies to the node expanded last again.
    const other = p.locator('#node-list .node-button[data-expanded="false"][aria-label^="Person "]').first();
    const again = await holdFirst(p, (body) => body.query.includes('neighborhood(') && body.variables?.id !== voter);
    await other.click();
    await again.held;
    await expect.poll(() => more.isDisabled(), { timeout: 5000 }).toBe(true);
    await p.locator('#node-list .node-button').filter({ hasText: new RegExp(`^${escapeRegExp(decisionLabel)}$`) }).click();
    await expect.poll(() => more.getAttribute('title'), { timeout: 5000 }).not.toMatch(/^Wait/);
    await again.answer();
    await expect(p.locator('#details-title').textContent()).resolves.toBe(decisionLabel);
  });

  it('starts one load for a node clicked again while it loads, and selects it when the answer arrives', async () => {
    const p = await start();
    await openHikvision(p);
    const question = await unexpandedId(p, '2022Z04510');
    const loads = countNeighborhoodRequests(p, question);
    const slow = await holdFirst(p, (body) => body.query.includes('neighborhood(') && body.variables?.id === question);
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

  it('shows only the latest path search when an earlier one answers later', async () => {
    const p = await start();
    await p.locator('#path-from').fill('Dekker-Abdulaziz');
    await p.locator('#path-to').fill('minister van Justitie en Veiligheid');
    const slow = await holdFirst(p, (body) => body.query.includes('paths('));
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
    const p = await start();
    const slow = await holdFirst(p, (body) => body.query.includes('questions('));
    await p.getByRole('button', { name: 'Timeline' }).click();
    await slow.held;
    await p.getByRole('button', { name: 'Adopted motions not followed up' }).click();
    const view = p.locator('#view-results');
    await view.locator('h3, caption', { hasText: /^Adopted motions not followed up \(\d+\)$/ }).waitFor();
    await slow.answer();
    await expect(view.locator('h3, caption').first().textContent()).resolves.toMatch(/^Adopted motions not followed up/);
    expect(await view.locator('.timeline').count()).toBe(0);
    await expect(p.locator('#status').textContent()).resolves.toMatch(/adopted motions? without follow-up/);

    await pressWhileTimelineLoads(p, 'Close the ready-made view');
    await expect(view.textContent()).resolves.toBe('');
  });

  it('drops a running path search on Clear and empties the path list', async () => {
    const p = await start();
    const slow = await holdSecondPathSearch(p);
    await p.getByRole('button', { name: 'Clear' }).click();
    await expect(p.locator('#path-results').textContent()).resolves.toBe('');
    await slow.answer();
    await expect(p.locator('#path-results').textContent()).resolves.toBe('');
    expect(await nodeLabelsOf(p)).toEqual([]);
    await expect.poll(() => p.locator('#status').textContent(), { timeout: 5000 }).toMatch(/^Cleared\./);
    await expect.poll(() => p.locator('#details-title').textContent(), { timeout: 5000 }).toBe('Welcome');
  });

  it('drops a running path search when a search result is opened, and empties the path list', async () => {
    const p = await start();
    await search(p, 'Hikvision');
    await p.getByRole('button', { name: 'Open Company Hikvision' }).waitFor();
    const slow = await holdSecondPathSearch(p);
    await openHikvision(p);
    await expect(p.locator('#path-results').textContent()).resolves.toBe('');
    const nodes = (await nodeLabelsOf(p)).sort();
    await slow.answer();
    expect((await nodeLabelsOf(p)).sort()).toEqual(nodes);
    expect(nodes).not.toContain('Dekker-Abdulaziz');
    expect(await p.locator('#node-list .node-button.on-path').count()).toBe(0);
    await expect(p.locator('#path-results').textContent()).resolves.toBe('');
    await expect.poll(() => p.locator('#status').textContent(), { timeout: 5000 }).toMatch(/^Hikvision: \d+ nodes shown/);
  });

  it('drops a ready-made view still loading on Clear, and closes the one shown', async () => {
    const p = await start();
    const view = p.locator('#view-results');
    await pressWhileTimelineLoads(p, 'Clear');
    await expect(view.textContent()).resolves.toBe('');
    await expect.poll(() => p.locator('#status').textContent(), { timeout: 5000 }).toMatch(/^Cleared\./);

    await p.getByRole('button', { name: 'Adopted motions not followed up' }).click();
    await view.locator('h3, caption', { hasText: /^Adopted motions not followed up/ }).waitFor();
    await p.getByRole('button', { name: 'Clear' }).click();
    await expect(view.textContent()).resolves.toBe('');
    await expect(p.locator('#view-panel').isVisible()).resolves.toBe(false);
  });
});
