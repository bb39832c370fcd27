import { describe, expect, it } from 'vitest';
import { FragmentBuilder, ref, type GraphFragment } from '../../src/model/fragment.js';
import { readerOf, readRows, writeGraph } from '../../src/neo4j/driver.js';
import { ModelViolation } from '../../src/neo4j/cypher.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { decideCandidate, listCandidates } from '../../src/review/candidates.js';
import { useGraph } from '../support/graph.js';
import { tempDir } from '../support/temp-dir.js';

const { graph } = useGraph();

function fragment(sourceId: string, fetchedAt: string, build: (b: FragmentBuilder) => void): GraphFragment {
  const b = new FragmentBuilder();
  build(b);
  return { source: { id: sourceId, url: `test://${sourceId}`, fetchedAt, parser: 'test', parserVersion: '1' }, ...b.build() };
}

const seed = fragment('src-a', '2022-03-10T00:00:00Z', (b) => {
  const q = b.node('Question', '65c74760-dec5-43ae-a544-1f994a6154a9', { number: '2022Z04510', subject: 'Chinese camera’s' }, { version: '2022-03-10T10:00:00' });
  const p = b.node('Person', 'p-dekker', { name: 'Hind Dekker-Abdulaziz' });
  b.node('Party', 'f-d66', { abbreviation: 'D66', name: 'Democraten 66' });
  b.edge('ASKED', p, q, { role: 'Indiener' });
  b.edge('MEMBER_OF', p, ref('Party', 'f-d66'), { from: '2021-03-31' });
});

async function snapshot() {
  return readRows(
    graph(),
    `MATCH (n) OPTIONAL MATCH (n)-[r]->(m)
     RETURN labels(n)[0] + ':' + n.id AS node, properties(n) AS props, type(r) AS type, m.id AS target, properties(r) AS rprops
     ORDER BY node, type, target`,
  );
}

describe('GraphWriter against the real Neo4j', () => {
  it('creates the uniqueness constraints derived from the model', async () => {
    const rows = await readRows<{ name: string }>(graph(), 'SHOW CONSTRAINTS YIELD name RETURN name');
    const names = rows.map((r) => r.name);
    expect(names).toContain('question_id');
    expect(names).toContain('question_number');
    expect(names).toContain('motion_koop_id');
  });

  it('writes the same fragments twice and leaves the graph identical', async () => {
    const writer = new GraphWriter(graph(), { batchSize: 2 });
    await writer.write([seed]);
    const first = await snapshot();
    await writer.write([seed]);
    expect(await snapshot()).toEqual(first);
    expect(first.filter((r) => r.type !== null)).toHaveLength(2);
  });

  it('stamps provenance on nodes and edges', async () => {
    const [row] = await readRows(graph(), `MATCH (p:Person {id: 'p-dekker'})-[r:ASKED]->(q) RETURN p.sources AS ps, p.firstSeen AS fs, r.sources AS rs, q.lastSeen AS ls`);
    expect(row).toMatchObject({ ps: ['src-a'], fs: '2022-03-10T00:00:00Z', rs: ['src-a'], ls: '2022-03-10T00:00:00Z' });
    const later = fragment('src-b', '2023-01-01T00:00:00Z', (b) => void b.node('Person', 'p-dekker', { name: 'H. Dekker-Abdulaziz' }));
    await new GraphWriter(graph(), { batchSize: 100 }).write([later]);
    const [after] = await readRows(graph(), `MATCH (p:Person {id: 'p-dekker'}) RETURN p.sources AS ps, p.firstSeen AS fs, p.lastSeen AS ls, p.name AS name`);
    expect(after).toEqual({ ps: ['src-a', 'src-b'], fs: '2022-03-10T00:00:00Z', ls: '2023-01-01T00:00:00Z', name: 'H. Dekker-Abdulaziz' });
    const [source] = await readRows(graph(), `MATCH (s:Source {id: 'src-b'}) RETURN s.url AS url, s.parser AS parser`);
    expect(source).toEqual({ url: 'test://src-b', parser: 'test' });
  });

  it('writes a batch whose edges partly end at stored nodes and partly at missing ones: stubs for these, provenance on all', async () => {
    const mixed = fragment('src-mixed', '2024-05-01T00:00:00Z', (b) => {
      const q = b.node('Question', 'mixed-q', { number: '2024Z00001' });
      b.edge('ASKED', ref('Person', 'p-dekker'), q, { role: 'Indiener' });
      b.edge('ASKED', ref('Person', 'mixed-unknown-person'), q, { role: 'Medeindiener' });
      b.edge('ADDRESSED_TO', q, ref('Office', 'mixed-unknown-office'), {});
      b.edge('REFERS_TO', q, ref('Question', '2022Z04510', 'number'), { citation: 'eerdere vragen' });
    });
    await new GraphWriter(graph(), { batchSize: 100 }).write([mixed]);
    const edges = await readRows(
      graph(),
      `MATCH (a)-[r]-(q:Question {id: 'mixed-q'}) RETURN type(r) AS type, a.id AS other, a.stub AS stub, r.sources AS sources, r.role AS role ORDER BY type, other`,
    );
    expect(edges).toEqual([
      { type: 'ADDRESSED_TO', other: 'mixed-unknown-office', stub: true, sources: ['src-mixed'], role: null },
      { type: 'ASKED', other: 'mixed-unknown-person', stub: true, sources: ['src-mixed'], role: 'Medeindiener' },
      { type: 'ASKED', other: 'p-dekker', stub: null, sources: ['src-mixed'], role: 'Indiener' },
      { type: 'REFERS_TO', other: '65c74760-dec5-43ae-a544-1f994a6154a9', stub: null, sources: ['src-mixed'], role: null },
    ]);
  });

  it('never lets an older version overwrite a newer one', async () => {
    const old = fragment('src-old', '2024-01-01T00:00:00Z', (b) => void b.node('Question', '65c74760-dec5-43ae-a544-1f994a6154a9', { subject: 'stale' }, { version: '2021-01-01T00:00:00' }));
    await new GraphWriter(graph(), { batchSize: 100 }).write([old]);
    const [row] = await readRows(graph(), `MATCH (q:Question {number: '2022Z04510'}) RETURN q.subject AS subject`);
    expect(row?.subject).toBe('Chinese camera’s');
  });

  it('keeps the properties of an edge a versioned record stated against a row without a version, which only fills what it lacks', async () => {
    const stated = (version: string | undefined, props: Record<string, string>) =>
      fragment(version ? 'src-edge-tk' : 'src-edge-koop', '2024-04-01T00:00:00Z', (b) =>
        b.edge('VOTED', ref('Person', 'p-edge'), ref('Decision', 'd-edge'), props, 'stemming-edge', version ? { version } : {}),
      );
    const writer = new GraphWriter(graph(), { batchSize: 100 });
    const edge = async () => (await readRows(graph(), `MATCH (:Person {id: 'p-edge'})-[r:VOTED]->(:Decision {id: 'd-edge'}) RETURN r.choice AS choice, r.party AS party, r.sources AS sources`))[0];
    await writer.write([stated('2024-03-01T00:00:00', { choice: 'for' })]);
    await writer.write([stated(undefined, { choice: 'against', party: 'D66' })]);
    expect(await edge()).toEqual({ choice: 'for', party: 'D66', sources: ['src-edge-tk', 'src-edge-koop'] });
  });

  it('marks a tombstoned node deleted and keeps its history', async () => {
    const gone = fragment('src-del', '2024-02-01T00:00:00Z', (b) => b.tombstone('Party', 'f-d66', '2024-02-01T00:00:00'));
    await new GraphWriter(graph(), { batchSize: 100 }).write([gone]);
    const [row] = await readRows(graph(), `MATCH (f:Party {id: 'f-d66'})<-[r:MEMBER_OF]-() RETURN f.deleted AS deleted, f.name AS name, f.sources AS sources, count(r) AS edges`);
    expect(row).toEqual({ deleted: true, name: 'Democraten 66', sources: ['src-a', 'src-del'], edges: 1 });
  });

  it('joins a provisional node to the canonical one through an alternate key, whichever comes first', async () => {
    const koop = fragment('src-kst', '2024-03-01T00:00:00Z', (b) =>
      void b.node('Motion', 'kst-30821-84', { koopId: 'kst-30821-84', title: 'Motie van het lid Laan-Geselschap' }, { provisional: true }),
    );
    const tk = fragment('src-zaak', '2024-03-02T00:00:00Z', (b) => void b.node('Motion', 'zaak-guid-84', { koopId: 'kst-30821-84', number: '2019Z13000' }));
    const writer = new GraphWriter(graph(), { batchSize: 100 });
    await writer.write([koop]);
    await writer.write([tk]);
    await writer.write([koop]);
    const rows = await readRows(graph(), `MATCH (m:Motion) RETURN m.id AS id, m.title AS title, m.number AS number, m.provisional AS provisional`);
    expect(rows).toEqual([{ id: 'zaak-guid-84', title: 'Motie van het lid Laan-Geselschap', number: '2019Z13000', provisional: null }]);
  });

  it('removes an edge whose own record the source deleted (a submitter taken off a motion), keeping the others', async () => {
    // As the Tweede Kamer sends it: each edge stored for its own row, a deleted row naming neither end.
    const actors = (deleted: boolean) =>
      fragment(deleted ? 'src-actors-2' : 'src-actors-1', '2025-11-01T00:00:00Z', (b) => {
        const m = b.node('Motion', 'm-actors', { title: 'Motie' });
        b.edge('SUBMITTED', ref('Person', 'p-paternotte'), m, { role: 'Medeindiener' }, '', { record: 'zaakactor-2' });
        if (deleted) {
          b.edgeTombstone(['SUBMITTED'], 'zaakactor-1');
          b.edgeTombstone(['VOTED'], 'stemming-1');
        } else {
          b.edge('SUBMITTED', ref('Person', 'p-thijssen'), m, { role: 'Indiener' }, '', { record: 'zaakactor-1' });
          b.edge('VOTED', ref('Party', 'f-x'), ref('Decision', 'd-actors'), { choice: 'for' }, 'stemming-1', { record: 'stemming-1' });
        }
      });
    const writer = new GraphWriter(graph(), { batchSize: 100 });
    const edges = () => readRows(graph(), `MATCH (a)-[r:SUBMITTED|VOTED]->(b) WHERE b.id IN ['m-actors', 'd-actors'] RETURN type(r) AS type, a.id AS from ORDER BY type, from`);
    await writer.write([actors(false)]);
    expect(await edges()).toEqual([
      { type: 'SUBMITTED', from: 'p-paternotte' },
      { type: 'SUBMITTED', from: 'p-thijssen' },
      { type: 'VOTED', from: 'f-x' },
    ]);
    await writer.write([actors(true)]);
    expect(await edges()).toEqual([{ type: 'SUBMITTED', from: 'p-paternotte' }]);
  });

  it('records a SAME_AS candidate instead of merging two nodes that claim one key', async () => {
    const a = fragment('src-x', '2024-04-01T00:00:00Z', (b) => void b.node('Motion', 'guid-x', { number: '2019Z1' }));
    const c = fragment('src-y', '2024-04-01T00:00:00Z', (b) => void b.node('Motion', 'guid-y', { number: '2019Z1' }));
    const writer = new GraphWriter(graph(), { batchSize: 100 });
    await writer.write([a, c]);
    const candidates = await listCandidates(readerOf(graph()));
    expect(candidates.map((x) => [x.from.id, x.to.id, x.status])).toEqual([['guid-y', 'guid-x', 'candidate']]);
    // A decision stays through a later write of the same documents (ingest --force).
    await decideCandidate(graph(), tempDir('writer-review'), candidates[0]!.id, 'rejected');
    await writer.write([a, c]);
    expect((await listCandidates(readerOf(graph()), true)).map((x) => x.status)).toEqual(['rejected']);
  });

  it('points a SAME_AS from the later row to the earlier one of a write, however its batches run', async () => {
    // One row per batch, two batches in flight; the first row of each pair is the slower one to
    // write, so racing batches would let the second take the key.
    const pairs = Array.from({ length: 4 }, (_, i) =>
      fragment(`src-race-${i}`, '2024-04-01T00:00:00Z', (b) => {
        b.node('Motion', `race-${i}-first`, { number: `2019Z2${i}`, operativeText: 'verzoekt de regering '.repeat(200_000) });
        b.node('Motion', `race-${i}-second`, { number: `2019Z2${i}` });
      }),
    );
    await new GraphWriter(graph(), { batchSize: 1, concurrency: 2 }).write(pairs);
    const rows = await readRows(graph(), `MATCH (a:Motion)-[:SAME_AS]->(b:Motion) WHERE a.id STARTS WITH 'race-' RETURN a.id AS a, b.id AS b ORDER BY a`);
    expect(rows).toEqual(Array.from({ length: 4 }, (_, i) => ({ a: `race-${i}-second`, b: `race-${i}-first` })));
  });

  it('moves the SAME_AS candidates of an absorbed stand-in to the node that absorbs it, a stand-in still pointing at the canonical node', async () => {
    const at = '2024-06-01T00:00:00Z';
    const writer = new GraphWriter(graph(), { batchSize: 100 });
    // Two stand-ins, and a third row holding a key of each: it joins the one holding the number, and the two contest the KOOP id.
    await writer.write([
      fragment('src-sa-1', at, (b) => void b.node('Motion', 'sa-kst-1', { koopId: 'sa-kst-1' }, { provisional: true })),
      fragment('src-sa-2', at, (b) => void b.node('Motion', 'sa-zaak-2', { number: '2019Z77001' }, { provisional: true })),
      fragment('src-sa-3', at, (b) => void b.node('Motion', 'sa-row-3', { koopId: 'sa-kst-1', number: '2019Z77001' }, { provisional: true })),
    ]);
    const pairs = () => readRows(graph(), `MATCH (a:Motion)-[s:SAME_AS]->(b:Motion) WHERE a.id STARTS WITH 'sa-' RETURN a.id AS from, b.id AS to, s.key AS key ORDER BY from`);
    expect(await pairs()).toEqual([{ from: 'sa-zaak-2', to: 'sa-kst-1', key: 'koopId' }]);
    // A pair without a key, as a graph written before SAME_AS edges were keyed holds it.
    await writeGraph(graph(), (tx) => tx.run(`MATCH (s:Motion {id: 'sa-kst-1'}) CREATE (:Motion {id: 'sa-old', provisional: true})-[:SAME_AS {score: 0.5}]->(s)`));
    // The Kamer's motion, stored first without the KOOP id, then stating it: the first stand-in is absorbed.
    await writer.write([fragment('src-sa-4', at, (b) => void b.node('Motion', 'sa-guid', { title: 'Motie' }, { version: '2024-06-01T00:00:00' }))]);
    await writer.write([fragment('src-sa-5', at, (b) => void b.node('Motion', 'sa-guid', { title: 'Motie', koopId: 'sa-kst-1' }, { version: '2024-06-02T00:00:00' }))]);
    expect(await readRows(graph(), `MATCH (m:Motion {id: 'sa-kst-1'}) RETURN m.id AS id`)).toEqual([]);
    expect(await pairs()).toEqual([
      { from: 'sa-old', to: 'sa-guid', key: null },
      { from: 'sa-zaak-2', to: 'sa-guid', key: 'koopId' },
    ]);
    const open = (await listCandidates(readerOf(graph()))).filter((c) => c.from.id.startsWith('sa-'));
    expect(open.map((c) => [c.from.id, c.to.id, c.status])).toEqual([
      ['sa-old', 'sa-guid', 'candidate'],
      ['sa-zaak-2', 'sa-guid', 'candidate'],
    ]);
  });

  it('refuses labels and relationship types that are not in the model, whatever the input says', async () => {
    const evil = fragment('src-evil', '2024-01-01T00:00:00Z', (b) => void b.node('Question', 'q1'));
    (evil.nodes[0] as { label: string }).label = 'Question {id: 1}) DETACH DELETE n //';
    await expect(new GraphWriter(graph(), { batchSize: 10 }).write([evil])).rejects.toThrow(/unknown node label/);
    const edge = fragment('src-evil2', '2024-01-01T00:00:00Z', (b) => b.edge('ASKED', ref('Person', 'a'), ref('Question', 'b')));
    (edge.edges[0] as { type: string }).type = 'ASKED]->() DELETE r //';
    await expect(new GraphWriter(graph(), { batchSize: 10 }).write([edge])).rejects.toThrow(/unknown relationship type/);
    const { upsertEdgesCypher } = await import('../../src/neo4j/cypher.js');
    expect(() => upsertEdgesCypher('KNOWS', 'Person', 'id', 'Person', 'id')).toThrow(ModelViolation);
    const [count] = await readRows(graph(), `MATCH (n) WHERE n.id IN ['q1', 'a', 'b'] RETURN count(n) AS c`);
    expect(count?.c).toBe(0);
  });
});

describe('tombstones that do not know the label of what they delete', () => {
  it('marks the node that holds the id under one of the labels it may carry, and makes no stub', async () => {
    const writer = new GraphWriter(graph(), { batchSize: 100 });
    await writer.write([fragment('src-q', '2024-05-01T00:00:00Z', (b) => void b.node('Question', 'zaak-q', { number: '2022Z99999' }, { version: '2024-05-01T00:00:00' }))]);
    const gone = fragment('src-gone', '2024-05-02T00:00:00Z', (b) => {
      b.tombstone('Case', 'zaak-q', '2024-05-02T00:00:00', ['Question', 'Motion']);
      b.tombstone('Case', 'zaak-unknown', '2024-05-02T00:00:00', ['Question', 'Motion']);
    });
    await writer.write([gone]);
    const rows = await readRows(graph(), `MATCH (n) WHERE n.id IN ['zaak-q', 'zaak-unknown'] RETURN labels(n)[0] AS label, n.id AS id, n.deleted AS deleted, n.stub AS stub ORDER BY id`);
    expect(rows).toEqual([
      { label: 'Question', id: 'zaak-q', deleted: true, stub: null },
      { label: 'Case', id: 'zaak-unknown', deleted: true, stub: true },
    ]);
  });
});

describe('edges to a provisional node', () => {
  it('follow the node when it joins the canonical one, even when they point at it by its stand-in id', async () => {
    const writer = new GraphWriter(graph(), { batchSize: 100 });
    await writer.write([fragment('src-tk-q', '2024-06-01T00:00:00Z', (b) => void b.node('Question', 'guid-q7', { number: '2022Z07777' }))]);
    const koop = fragment('src-kv-q', '2024-06-02T00:00:00Z', (b) => {
      const q = b.node('Question', '2022Z07777', { number: '2022Z07777', subject: 'camera’s' }, { provisional: true });
      b.edge('MENTIONS', q, b.node('Company', 'hikvision', { name: 'Hikvision' }), { snippet: 'Hikvision' });
    });
    await writer.write([koop]);
    await writer.write([koop]);
    const rows = await readRows(graph(), `MATCH (q:Question) WHERE q.number = '2022Z07777' OR q.id = '2022Z07777' OPTIONAL MATCH (q)-[m:MENTIONS]->(c) RETURN q.id AS id, c.id AS company`);
    expect(rows).toEqual([{ id: 'guid-q7', company: 'hikvision' }]);
  });
});
