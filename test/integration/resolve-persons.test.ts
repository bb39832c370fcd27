import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { FragmentBuilder, ref, type FragmentBody, type GraphFragment } from '../../src/model/fragment.js';
import { slugify } from '../../src/model/ids.js';
import { readerOf, readRows } from '../../src/neo4j/driver.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { writeCompanyRegistry } from '../../ingest/compose.js';
import { createEnricher } from '../../ingest/resolve/enrich.js';
import { decideCandidate, listCandidates } from '../../src/review/candidates.js';
import { loadReviews } from '../../src/review/decisions.js';
import { tkODataFormat } from '../../ingest/tweedekamer/odata-format.js';
import { createTestApi } from '../support/api-client.js';
import { useGraph } from '../support/graph.js';
import { tempDir } from '../support/temp-dir.js';

const { graph } = useGraph();
const stateDir = tempDir('reviews');
const config = { ...loadConfig(), stateDir };

const HIND = '00000000-0000-4000-8000-d66dekker001';
const RALF = '08ad50b1-831e-4f50-bed4-97d9d42b0752';
const D66 = '4e9f6f5b-2544-4667-8134-6b85c4ebb4e0';
const FREDERIK_JANSEN = '359e90b6-6f1f-47e9-a46b-d0ff54836077';

let n = 0;
const source = (body: FragmentBody): GraphFragment => ({
  source: { id: `src-resolve-${++n}`, url: `test://resolve/${n}`, fetchedAt: '2024-01-01T00:00:00Z', parser: 'test', parserVersion: '1' },
  ...body,
});
const write = (...bodies: FragmentBody[]) => new GraphWriter(graph(), { batchSize: 500 }).write(bodies.map(source));

/** A written question whose asker is known only by name, as the publication parsers emit it. */
function questionBy(number: string, name: string, partyName?: string, text?: string): FragmentBody {
  const b = new FragmentBuilder();
  const q = b.node('Question', number, { number, submittedAt: '2022-03-10', text }, { provisional: true });
  const p = b.node('Person', `name:${slugify(name)}`, { name, partyName }, { provisional: true });
  b.edge('ASKED', p, q, { role: 'Indiener' });
  return b.build();
}

const askers = (number: string) =>
  readRows<{ id: string }>(graph(), 'MATCH (p:Person)-[:ASKED]->(q:Question {number: $number}) RETURN p.id AS id ORDER BY id', { number });

describe('resolving persons known only by name, against real Persoon rows', () => {
  it('loads Person nodes from the Persoon rows through the Tweede Kamer reader', async () => {
    const pages = ['persoon-rows.json', 'reconstructed-persoon.json'].map((f) =>
      tkODataFormat.parse({ bytes: readFileSync(new URL(`../fixtures/news/persons/${f}`, import.meta.url)), url: `test/fixtures/news/persons/${f}` }).body,
    );
    const b = new FragmentBuilder();
    b.node('Party', D66, { abbreviation: 'D66', name: 'Democraten 66' });
    b.edge('MEMBER_OF', ref('Person', HIND), ref('Party', D66), { from: '2021-03-31', to: '2023-12-05' }, 'test-seat');
    await write(...pages, b.build());
    const [count] = await readRows<{ c: number }>(graph(), 'MATCH (p:Person) RETURN count(p) AS c');
    expect(count?.c).toBe(15);
  });

  it('resolves four name forms of Hind Dekker-Abdulaziz to one Person and never to Ralf Dekker', async () => {
    const enrich = await createEnricher(graph(), config);
    const forms = ['H. Dekker-Abdulaziz', 'Hind Dekker-Abdulaziz', 'Dekker-Abdulaziz', 'Dekker-Abdulaziz, H.'];
    await write(...forms.map((name, i) => enrich(questionBy(`2022Z0000${i}`, name, 'D66'))));
    for (let i = 0; i < forms.length; i++) expect(await askers(`2022Z0000${i}`)).toEqual([{ id: HIND }]);
    const [left] = await readRows<{ c: number }>(graph(), "MATCH (p:Person) WHERE p.id STARTS WITH 'name:dekker' RETURN count(p) AS c");
    expect(left?.c).toBe(0);
    const [ralf] = await readRows<{ c: number }>(graph(), 'MATCH (:Person {id: $id})-[r]-() RETURN count(r) AS c', { id: RALF });
    expect(ralf?.c).toBe(0);
  });

  it('keeps two people with one surname apart: candidates, not a merge; initials decide', async () => {
    const enrich = await createEnricher(graph(), config);
    await write(enrich(questionBy('2022Z00010', 'Jansen')), enrich(questionBy('2022Z00011', 'F. Jansen')));
    expect(await askers('2022Z00010')).toEqual([{ id: 'name:jansen' }]);
    expect(await askers('2022Z00011')).toEqual([{ id: FREDERIK_JANSEN }]);
    const open = await listCandidates(readerOf(graph()));
    const jansen = open.filter((c) => c.from.id === 'name:jansen');
    expect(jansen.map((c) => c.to.name).sort()).toEqual(['Daniëlle Jansen', 'Frederik Jansen']);
    expect(jansen.every((c) => c.status === 'candidate' && typeof c.score === 'number')).toBe(true);
  });

  it('stores a review decision, applies it, and re-applies it when the document is ingested again', async () => {
    const open = await listCandidates(readerOf(graph()));
    const toFrederik = open.find((c) => c.from.id === 'name:jansen' && c.to.id === FREDERIK_JANSEN)!;
    const toDanielle = open.find((c) => c.from.id === 'name:jansen' && c.to.id !== FREDERIK_JANSEN)!;
    await decideCandidate(graph(), stateDir, toDanielle.id, 'rejected');
    await decideCandidate(graph(), stateDir, toFrederik.id, 'accepted');
    expect((await loadReviews(stateDir)).map((d) => d.decision).sort()).toEqual(['accepted', 'rejected']);
    expect(await askers('2022Z00010')).toEqual([{ id: FREDERIK_JANSEN }]);
    expect((await listCandidates(readerOf(graph()))).filter((c) => c.from.id === 'name:jansen')).toEqual([]);
    // The merged stand-in, left without edges, is no search hit beside the person it went into; its id finds that person.
    const api = createTestApi(graph());
    const hits = await api.query<{ search: { node: { id: string } }[] }>('{ search(text: "Jansen", types: [Person], first: 50) { node { id } } }');
    const ids = hits.data!.search.map((h) => h.node.id);
    expect(ids).toContain(FREDERIK_JANSEN);
    expect(ids).not.toContain('name:jansen');
    expect((await api.query('{ person(id: "name:jansen") { id } }')).data!.person).toEqual({ id: FREDERIK_JANSEN });

    const enrich = await createEnricher(graph(), config);
    await write(enrich(questionBy('2022Z00010', 'Jansen')));
    expect(await askers('2022Z00010')).toEqual([{ id: FREDERIK_JANSEN }]);
    const statuses = await readRows(graph(), "MATCH (:Person {id: 'name:jansen'})-[s:SAME_AS]->(p) RETURN p.id AS id, s.status AS status ORDER BY id");
    expect(statuses).toEqual(
      [{ id: toDanielle.to.id, status: 'rejected' }, { id: FREDERIK_JANSEN, status: 'accepted' }].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('adds MENTIONS edges with snippet, offsets and confidence to companies, parties and persons', async () => {
    await writeCompanyRegistry(graph(), config); // as every ingest run does first
    const enrich = await createEnricher(graph(), config);
    const text = 'Deelt u de zorgen over Hangzhou Hikvision Digital Technology Co., Ltd. en Dahua, die mevrouw Dekker-Abdulaziz (D66) noemde? Ook Dahua-camera’s.';
    await write(enrich(questionBy('2022Z00020', 'H. Dekker-Abdulaziz', 'D66', text)));
    const rows = await readRows<{ label: string; id: string; matched: string; start: number; end: number; confidence: number; occurrences: number; snippet: string }>(
      graph(),
      `MATCH (:Question {number: '2022Z00020'})-[m:MENTIONS]->(e) RETURN labels(e)[0] AS label, e.id AS id, m.matched AS matched, m.start AS start,
         m.end AS end, m.confidence AS confidence, m.occurrences AS occurrences, m.snippet AS snippet ORDER BY start`,
    );
    expect(rows.map((r) => [r.label, r.id, r.matched, r.occurrences])).toEqual([
      ['Company', 'hikvision', 'Hangzhou Hikvision Digital Technology Co., Ltd.', 1],
      ['Company', 'dahua', 'Dahua', 2],
      ['Person', HIND, 'Dekker-Abdulaziz', 1],
      ['Party', D66, 'D66', 1],
    ]);
    expect(text.slice(rows[2]!.start, rows[2]!.end)).toBe('Dekker-Abdulaziz');
    expect(rows.every((r) => r.confidence > 0.5 && r.confidence <= 1 && r.snippet.includes(r.matched))).toBe(true);
    const [company] = await readRows(graph(), "MATCH (c:Company {id: 'hikvision'}) RETURN c.name AS name, c.lists AS lists, c.country AS country");
    expect(company).toEqual({ name: 'Hikvision', lists: ['us-entity-list', 'fcc-covered-list'], country: 'CN' });
  });
});
