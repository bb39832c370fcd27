import { describe, expect, it } from 'vitest';
import type { GraphFragment } from '../../src/model/fragment.js';
import { readRows } from '../../src/neo4j/driver.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { fixtureFragment } from '../support/fixture-fragment.js';
import { useGraph } from '../support/graph.js';

const { graph } = useGraph();
const ingestable = (name: string): GraphFragment => fixtureFragment(`koop/${name}`);

const write = (...fragments: GraphFragment[]) => new GraphWriter(graph(), { batchSize: 2000 }).write(fragments);

describe('a government letter follows up the motion it cites (real Neo4j)', () => {
  it('letter first, motion after: one Motion node, with a FOLLOWS_UP from the letter keeping the citation', async () => {
    await write(ingestable('letters/kst-36582-70.xml'));
    await write(ingestable('motions/2025D17688.xml'));
    const rows = await readRows<{ id: string; title: string; stub: boolean | null; kind: string; date: string; citation: string; citations: string[] }>(
      graph(),
      `MATCH (d:Document {koopId: 'kst-36582-70'})-[r:FOLLOWS_UP]->(m:Motion)
       RETURN m.id AS id, m.title AS title, coalesce(m.stub, false) AS stub, d.kind AS kind, d.date AS date, r.citation AS citation, r.citations AS citations`,
    );
    expect(rows).toEqual([
      {
        id: 'kst-36582-58',
        title: 'Motie van het lid Saris c.s. over de maatschappelijke rol van sociaal ontwikkelbedrijven toekomstbestendig inrichten',
        stub: false,
        kind: 'Brief',
        date: '2025-06-20',
        citation: 'motie-Saris c.s. (36582, nr. 58)',
        citations: ['motie-Saris c.s. (36582, nr. 58)', 'Kamerstuk 36582, nr. 58'],
      },
    ]);
    const [count] = await readRows<{ motions: number; documents: number }>(
      graph(),
      `MATCH (m:Motion {koopId: 'kst-36582-58'}) WITH count(m) AS motions
       OPTIONAL MATCH (d:Document {koopId: 'kst-36582-58'}) RETURN motions, count(d) AS documents`,
    );
    expect(count).toEqual({ motions: 1, documents: 0 });
  });

  it('the other cited Kamerstuk is a stub Document reached by REFERS_TO, not followed up', async () => {
    const rows = await readRows<{ type: string; label: string; stub: boolean }>(
      graph(),
      `MATCH (:Document {koopId: 'kst-36582-70'})-[r]->(x {koopId: 'kst-36582-2'}) RETURN type(r) AS type, labels(x)[0] AS label, x.stub AS stub`,
    );
    expect(rows).toEqual([{ type: 'REFERS_TO', label: 'Document', stub: true }]);
  });

  it("the motion's own title survives its Tweede Kamer case, whichever comes last; the dossier title is kept apart", async () => {
    await write(ingestable('motions/2025D36659.xml'));
    await write(ingestable('zaak-documents/4ec47b25-fc09-4154-83a9-6fcc65c83d86.json'));
    await write(ingestable('zaak-documents/a73b3250-d957-4edb-99f6-a6cebd3e6856.json'));
    await write(ingestable('motions/2024D27368.xml'));
    const rows = await readRows<{ koopId: string; title: string; dossierTitle: string }>(
      graph(),
      `MATCH (m:Motion) WHERE m.koopId IN ['kst-29628-1292', 'kst-33997-183'] RETURN m.koopId AS koopId, m.title AS title, m.dossierTitle AS dossierTitle ORDER BY koopId`,
    );
    expect(rows).toEqual([
      { koopId: 'kst-29628-1292', title: 'Motie van het lid Mutluer over een betere aanpak van cold cases', dossierTitle: 'Politie' },
      // This XML names no documenttitel, only its heading: still the motion's own title, never the dossier's.
      { koopId: 'kst-33997-183', title: expect.stringMatching(/^motie van het lid paternotte c\.s\./i), dossierTitle: 'Vliegramp MH17' },
    ]);
  });
});
