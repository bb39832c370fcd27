import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { readRows } from '../../src/neo4j/driver.js';
import { STOP_WORDS } from '../../src/neo4j/queries/lucene.js';
import { SEARCH_INDEX } from '../../src/neo4j/schema.js';
import { loadDemo } from '../../ingest/demo/load-demo.js';
import { createTestApi } from '../support/api-client.js';
import { useGraph } from '../support/graph.js';

/** `search` on the real demo data (ingest/demo/manifest.json through the real ingest), where common words have hundreds of hits. */
const { graph } = useGraph();
let api: ReturnType<typeof createTestApi>;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'graafwerk-api-search-'));
  const config = { ...loadConfig(), logLevel: 'error', rawStore: join(dir, 'raw'), stateDir: join(dir, 'state') };
  expect(await loadDemo(graph(), config)).toMatch(/documents/);
  api = createTestApi(graph(), {}, { bothEngines: true });
}, 240_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

type Hit = { type: string; node: { id: string; name?: string } };
async function search(text: string, types: string[] | null, first: number): Promise<Hit[]> {
  const r = await api.query<{ search: Hit[] }>(
    'query($text: String!, $types: [NodeType!], $first: Int) { search(text: $text, types: $types, first: $first) { type node { id ... on Person { name } ... on Party { name } } } }',
    { text, types, first },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.search;
}

describe('search on the demo data', () => {
  it('restricts the search itself to the types, so a type buried under other hits is still found', async () => {
    // van is in hundreds of case and motion titles, which outscore a person's name.
    const [all, persons] = [await search('van', null, 100), await search('van', ['Person'], 5)];
    expect(all.filter((h) => h.type !== 'Person').length).toBeGreaterThan(50);
    expect(persons).toHaveLength(5);
    for (const h of persons) expect(h).toMatchObject({ type: 'Person', node: { name: expect.stringMatching(/\bvan\b/i) } });
    expect((await search('D66', ['Party'], 1)).map((h) => h.node.name)).toEqual(['Democraten 66']);
    expect((await search('Wilders', ['Person'], 1)).map((h) => h.node.name)).toEqual(['Geert Wilders']);
  });

  it('finds a thing by its exact name, stop words and all, and ranks hits with every word first', async () => {
    expect((await search('Partij voor de Dieren', null, 3))[0]!.node.name).toBe('Partij voor de Dieren');
    expect((await search('Partij voor de Dieren was', ['Party'], 3))[0]!.node.name).toBe('Partij voor de Dieren');
    expect((await search('Democraten 66', null, 3))[0]!.node.name).toBe('Democraten 66');
  });

  it('folds the typo-tolerant part as the index folds, so diacritics do not use up the typos', async () => {
    for (const text of ['Yeşilgözz', 'Yesilgozz', 'Jeşilgöz']) expect((await search(text, ['Person'], 3)).map((h) => h.node.name), text).toContain('Dilan Yeşilgöz-Zegerius');
  });

  it('knows the stop words of the analyzer that the index uses', async () => {
    const [index] = await readRows<{ analyzer: string }>(graph(), 'SHOW FULLTEXT INDEXES YIELD name, options WHERE name = $name RETURN options.indexConfig.`fulltext.analyzer` AS analyzer', { name: SEARCH_INDEX });
    const [analyzer] = await readRows<{ stopwords: string[] }>(graph(), 'CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer, stopwords WHERE analyzer = $a RETURN stopwords', { a: index!.analyzer });
    expect([...STOP_WORDS].sort()).toEqual([...analyzer!.stopwords].sort());
  });
});
