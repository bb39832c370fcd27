import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { readRows } from '../../src/neo4j/driver.js';
import { runIngest } from '../../ingest/compose.js';
import { useGraph } from '../support/graph.js';
import { tempDir } from '../support/temp-dir.js';

const { graph } = useGraph();
const tmp = tempDir('order');
const config = loadConfig({ ...process.env, GRAAFWERK_RAW_STORE: join(tmp, 'raw'), GRAAFWERK_STATE: tmp, GRAAFWERK_LOG_LEVEL: 'error' });

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
});
