import { describe, expect, it } from 'vitest';
import { readRows } from '../../src/neo4j/driver.js';
import { runIngest } from '../../ingest/compose.js';
import { resolveStoredNames } from '../../ingest/resolve/resolve-stored.js';
import { FragmentBuilder, ref } from '../../src/model/fragment.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { useGraph } from '../support/graph.js';
import { freshConfig } from '../support/ingest-runs.js';

const { graph } = useGraph();
const config = freshConfig('order');

describe('names written before their persons are known', () => {
  it('resolve once the person arrives in a later ingest, and the stand-in hands over its edges', async () => {
    await runIngest(graph(), config, ['test/fixtures/koop/kv-tk-2022Z04510.xml']);
    const before = await readRows(graph(), `MATCH (p:Person)-[:ASKED]->(:Question {number: '2022Z04510'}) RETURN p.id AS id ORDER BY id`);
    expect(before).toEqual([{ id: 'name:dekker-abdulaziz' }, { id: 'name:van-ginneken' }]);

    await runIngest(graph(), config, ['test/fixtures/news/persons/reconstructed-persoon.json']);
    const after = await readRows(
      graph(),
      `MATCH (p:Person)-[a:ASKED]->(:Question {number: '2022Z04510'}) RETURN p.id AS id, p.name AS name, a.role AS role, a.partyName AS party ORDER BY role`,
    );
    expect(after).toEqual([
      { id: '00000000-0000-4000-8000-d66dekker001', name: 'Hind Dekker-Abdulaziz', role: 'Indiener', party: 'D66' },
      { id: 'name:van-ginneken', name: 'Van Ginneken', role: 'Medeindiener', party: 'D66' },
    ]);
    const [standIn] = await readRows(graph(), `MATCH (p:Person {id: 'name:dekker-abdulaziz'}) RETURN p.mergedInto AS into, COUNT { (p)--() } AS edges`);
    expect(standIn).toEqual({ into: '00000000-0000-4000-8000-d66dekker001', edges: 0 });

    // Reading the question again now resolves the name at once; its edge joins the moved one instead of doubling it.
    await runIngest(graph(), config, ['test/fixtures/koop/kv-tk-2022Z04510.xml'], { force: true });
    const [asked] = await readRows(graph(), `MATCH (:Person {id: '00000000-0000-4000-8000-d66dekker001'})-[a:ASKED]->(:Question {number: '2022Z04510'}) RETURN count(a) AS n`);
    expect(asked).toEqual({ n: 1 });
  });

  it('a resolved stand-in that a later document points at again hands that edge over too', async () => {
    // As a source that names the person without the enrichment step writes it: to the stand-in's id, which is merged.
    const b = new FragmentBuilder();
    const q = b.node('Question', 'later-question', { number: '2022Z99998', submittedAt: '2022-05-01' });
    b.edge('ASKED', ref('Person', 'name:dekker-abdulaziz'), q, { role: 'Indiener' });
    await new GraphWriter(graph(), { batchSize: 100 }).write([{ source: { id: 'later-source', url: 'test://later', fetchedAt: '2022-05-02T00:00:00Z', parser: 'test', parserVersion: '1' }, ...b.build() }]);
    const askers = () => readRows(graph(), `MATCH (p:Person)-[:ASKED]->(:Question {id: 'later-question'}) RETURN p.id AS id`);
    expect(await askers()).toEqual([{ id: 'name:dekker-abdulaziz' }]);

    expect(await resolveStoredNames(graph(), config)).toBeGreaterThanOrEqual(1);
    expect(await askers()).toEqual([{ id: '00000000-0000-4000-8000-d66dekker001' }]);
    const [standIn] = await readRows(graph(), `MATCH (p:Person {id: 'name:dekker-abdulaziz'}) RETURN p.mergedInto AS into, COUNT { (p)-[r]-() WHERE type(r) <> 'SAME_AS' } AS edges`);
    expect(standIn).toEqual({ into: '00000000-0000-4000-8000-d66dekker001', edges: 0 });
  });
  it("askers named with their party before the party was known get that membership once it is, as in the other order", async () => {
    const members = () =>
      readRows(graph(), `MATCH (p:Person)-[:ASKED]->(:Question {number: '2022Z04510'}) OPTIONAL MATCH (p)-[m:MEMBER_OF {key: 'observed:2022-03-10'}]->(f:Party) RETURN p.id AS id, f.abbreviation AS party ORDER BY id`);
    expect(await members()).toEqual([
      { id: '00000000-0000-4000-8000-d66dekker001', party: null },
      { id: 'name:van-ginneken', party: null },
    ]);
    await runIngest(graph(), config, ['test/fixtures/tk/odata/fractie_page_1.json']);
    expect(await members()).toEqual([
      { id: '00000000-0000-4000-8000-d66dekker001', party: 'D66' },
      { id: 'name:van-ginneken', party: 'D66' },
    ]);
  });
});
