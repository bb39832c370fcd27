import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { FragmentBody, GraphFragment } from '../../src/model/fragment.js';
import { readRows } from '../../src/neo4j/driver.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { loadCompanyRegistry } from '../../ingest/companies/load.js';
import { registryToFragment } from '../../ingest/companies/to-fragment.js';
import { newsHtmlFormat } from '../../ingest/news/html-format.js';
import { createEnricher } from '../../ingest/resolve/enrich.js';
import { useGraph } from '../support/graph.js';

const { graph } = useGraph();
const bytes = (name: string) => readFileSync(new URL(`../fixtures/news/${name}`, import.meta.url));
let n = 0;
const fragment = (body: FragmentBody, url: string): GraphFragment => ({
  source: { id: `src-articles-${++n}`, url, fetchedAt: '2024-01-01T00:00:00Z', parser: 'news-html', parserVersion: '1' },
  ...body,
});

describe('articles and companies in the graph', () => {
  it('writes the company registry with its OWNS edges', async () => {
    await new GraphWriter(graph(), { batchSize: 500 }).write([fragment(registryToFragment(await loadCompanyRegistry()), 'registry')]);
    const [owns] = await readRows(graph(), "MATCH (o:Company)-[r:OWNS]->(c:Company {id: 'hikvision'}) RETURN o.name AS owner, r.share AS share, r.source AS source");
    expect(owns).toEqual({ owner: 'China Electronics Technology Group Corporation', share: 0.42, source: 'https://zoek.officielebekendmakingen.nl/h-tk-20182019-97-36.html' });
  });

  it('makes one Article node of two spellings of one URL, and of the citation in a question', async () => {
    const page = bytes('og-only.html');
    const respelled = Buffer.from(
      page.toString('utf8').replace('http://WWW.Voorbeeldblad.example/nieuws/2022/02/gemeenten-camera/?utm_source=twitter&amp;utm_medium=social', 'https://voorbeeldblad.example/nieuws/2022/02/gemeenten-camera#reacties'),
    );
    const a = newsHtmlFormat.parse({ bytes: page, url: 'https://www.voorbeeldblad.example/nieuws/2022/02/gemeenten-camera/?share=x' });
    const b = newsHtmlFormat.parse({ bytes: respelled, url: 'http://voorbeeldblad.example/nieuws/2022/02/gemeenten-camera' });
    const enrich = await createEnricher(graph(), loadConfig());
    const writer = new GraphWriter(graph(), { batchSize: 500 });
    await writer.write([fragment(enrich(a.body), 'a'), fragment(enrich(b.body), 'b')]);
    const rows = await readRows(graph(), 'MATCH (a:Article)-[:PUBLISHED_BY]->(p:Publisher) RETURN a.id AS id, a.title AS title, p.id AS publisher, size(a.sources) AS sources');
    expect(rows).toEqual([{ id: 'https://voorbeeldblad.example/nieuws/2022/02/gemeenten-camera', title: "Gemeenten twijfelen over camera's van Chinese makers", publisher: 'voorbeeldblad.example', sources: 2 }]);
  });

  it('links the article text to the companies it mentions', async () => {
    const rows = await readRows(graph(), 'MATCH (:Article)-[m:MENTIONS]->(c:Company) RETURN c.id AS id, m.field AS field ORDER BY id, field');
    expect(rows).toEqual([
      { id: 'dahua', field: 'description' },
      { id: 'dahua', field: 'text' },
      { id: 'hikvision', field: 'description' },
      { id: 'hikvision', field: 'text' },
    ]);
  });
});
