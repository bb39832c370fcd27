import { describe, expect, it } from 'vitest';
import { FragmentBuilder, ref, type GraphFragment } from '../../src/model/fragment.js';
import { readRows } from '../../src/neo4j/driver.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { repointEdges } from '../../src/review/candidates.js';
import { useGraph } from '../support/graph.js';

const { graph } = useGraph();

function fragment(sourceId: string, fetchedAt: string, build: (b: FragmentBuilder) => void): GraphFragment {
  const b = new FragmentBuilder();
  build(b);
  return { source: { id: sourceId, url: `test://${sourceId}`, fetchedAt, parser: 'test', parserVersion: '1' }, ...b.build() };
}

const QUESTION = ref('Question', 'q-repoint');

describe('a stand-in handing its edges to the person it turned out to be (real Neo4j)', () => {
  it('leaves the properties of an edge the Kamer stated, adds what it lacks, and joins the provenance of both', async () => {
    const writer = new GraphWriter(graph(), { batchSize: 100 });
    // As the Kamer's ZaakActor row states the asker, with the row's version; and as a publication names her, by name only.
    const kamer = fragment('src-kamer', '2022-03-11T00:00:00Z', (b) => {
      b.node('Question', 'q-repoint', { number: '2022Z90002', submittedAt: '2022-03-10' }, { version: '2022-03-10T10:00:00.000Z' });
      b.node('Person', 'p-repoint', { name: 'Hind Dekker-Abdulaziz' }, { version: '2022-01-01T00:00:00.000Z' });
      b.edge('ASKED', ref('Person', 'p-repoint'), QUESTION, { role: 'Indiener', party: 'D66', actorName: 'H. Dekker-Abdulaziz' }, '', { version: '2022-03-10T10:00:00.000Z' });
    });
    const publication = fragment('src-publication', '2022-03-20T00:00:00Z', (b) => {
      b.node('Person', 'name:repoint-dekker', { name: 'Dekker-Abdulaziz' });
      b.edge('ASKED', ref('Person', 'name:repoint-dekker'), QUESTION, { role: 'Medeindiener', partyName: 'D66' });
    });
    await writer.write([kamer]);
    await writer.write([publication]);

    await repointEdges(graph(), 'Person', 'name:repoint-dekker', 'p-repoint');

    const edges = await readRows(graph(), `MATCH (p:Person)-[r:ASKED]->(:Question {id: 'q-repoint'}) RETURN p.id AS person, properties(r) AS props`);
    expect(edges).toEqual([
      {
        person: 'p-repoint',
        props: {
          role: 'Indiener',
          party: 'D66',
          actorName: 'H. Dekker-Abdulaziz',
          version: '2022-03-10T10:00:00.000Z',
          partyName: 'D66',
          sources: ['src-kamer', 'src-publication'],
          firstSeen: '2022-03-11T00:00:00Z',
          lastSeen: '2022-03-20T00:00:00Z',
        },
      },
    ]);
  });
});
