import { describe, expect, it } from 'vitest';
import { readRows } from '../../src/neo4j/driver.js';
import { applySchema, SEARCH_INDEX, searchIndexShape } from '../../src/neo4j/schema.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { createCaseFragments, Q_ID } from '../support/api-fixtures.js';
import { useGraph } from '../support/graph.js';

const { graph } = useGraph();

describe('the schema of a graph made by an older version', () => {
  it('rebuilds a full-text index over other properties than the model names, and finds by number after', async () => {
    await new GraphWriter(graph(), { batchSize: 500 }).write(createCaseFragments());
    const run = (cypher: string) => readRows(graph(), cypher).catch(() => []);
    // As an older version made it: subjects and titles, no numbers.
    await graph().driver.executeQuery(`DROP INDEX ${SEARCH_INDEX}`);
    await graph().driver.executeQuery(`CREATE FULLTEXT INDEX ${SEARCH_INDEX} FOR (n:Question|Motion) ON EACH [n.subject, n.title]`);
    await graph().driver.executeQuery('CALL db.awaitIndexes(60)');
    const byNumber = `CALL db.index.fulltext.queryNodes('${SEARCH_INDEX}', '2022z04510') YIELD node RETURN node.id AS id`;
    expect(await run(byNumber)).toEqual([]);
    await applySchema(graph());
    const [shape] = await readRows<{ labels: string[]; properties: string[] }>(graph(), `SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes AS labels, properties WHERE name = '${SEARCH_INDEX}' RETURN labels, properties`);
    expect({ labels: [...shape!.labels].sort(), properties: [...shape!.properties].sort() }).toEqual(searchIndexShape());
    expect(await run(byNumber)).toEqual([{ id: Q_ID }]);
  });

  it('drops the deleted flag older versions wrote on every record edge, once, keeping the edges', async () => {
    await new GraphWriter(graph(), { batchSize: 500 }).write(createCaseFragments());
    // As an older version wrote them, and before it knew of upgrades.
    await graph().driver.executeQuery(`MATCH ()-[r:ASKED|VOTED|MEMBER_OF]->() SET r.deleted = false`);
    await graph().driver.executeQuery(`MATCH (s:IngestState {id: 'upgrades'}) DELETE s`);
    const count = async () =>
      (await readRows<{ edges: number; flagged: number }>(graph(), `MATCH ()-[r:ASKED|VOTED|MEMBER_OF]->() RETURN count(r) AS edges, count(r.deleted) AS flagged`))[0]!;
    const before = await count();
    expect(before.flagged).toBeGreaterThan(0);
    await applySchema(graph());
    expect(await count()).toEqual({ edges: before.edges, flagged: 0 });
    // Done once: a flag set after the upgrade is not the upgrade's to drop.
    await graph().driver.executeQuery(`MATCH ()-[r:ASKED]->() SET r.deleted = false`);
    await applySchema(graph());
    expect((await count()).flagged).toBeGreaterThan(0);
  });
});
