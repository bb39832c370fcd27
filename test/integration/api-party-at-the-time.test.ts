import { beforeAll, describe, expect, it } from 'vitest';
import { FragmentBuilder, ref } from '../../src/model/fragment.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { createTestApi } from '../support/api-client.js';
import { useGraph } from '../support/graph.js';

const { graph } = useGraph();
let api: ReturnType<typeof createTestApi>;

/**
 * A member seen in two parties, as the corpus sees Suzanne Kröger: a vote of 2020 for GroenLinks,
 * and the GroenLinks-PvdA group from 2024 on, with no membership dates, only observations.
 */
beforeAll(async () => {
  const b = new FragmentBuilder();
  b.node('Party', 'f-gl', { abbreviation: 'GL', name: 'GroenLinks' });
  b.node('Party', 'f-glpvda', { abbreviation: 'GroenLinks-PvdA', name: 'GroenLinks-PvdA' });
  b.node('Person', 'p-kroger', { name: 'Suzanne Kröger', surname: 'Kröger' });
  const member = (party: string, observedAt: string, partyName: string) =>
    b.edge('MEMBER_OF', ref('Person', 'p-kroger'), ref('Party', party), { observedAt, partyName }, `observed:${observedAt}`);
  member('f-gl', '2020-06-01', 'GL');
  member('f-glpvda', '2024-05-01', 'GroenLinks-PvdA');
  const motion = (id: string, submittedAt: string, party?: string) => {
    b.node('Motion', id, { number: id, title: `Motie ${id}`, submittedAt });
    b.edge('SUBMITTED', ref('Person', 'p-kroger'), ref('Motion', id), { role: 'Indiener', party });
  };
  // The Kamer's ZaakActor names the group; a KOOP motion names none; one motion of the GroenLinks years.
  motion('m-named', '2025-03-01', 'GroenLinks-PvdA');
  motion('m-unnamed', '2025-04-01');
  motion('m-2020', '2020-07-01');
  b.node('Question', 'q-2025', { number: '2025Z00001', subject: 'Vraag', submittedAt: '2025-02-01' });
  b.edge('ASKED', ref('Person', 'p-kroger'), ref('Question', 'q-2025'), { role: 'Indiener' });
  const source = { id: 'src-kroger', url: 'test://kroger', fetchedAt: '2025-05-01T00:00:00Z', parser: 't', parserVersion: '1' };
  await new GraphWriter(graph(), { batchSize: 50 }).write([{ source, ...b.build() }]);
  api = createTestApi(graph(), {}, { bothEngines: true });
});

describe('a party "at the time", for a member seen in two parties', () => {
  it('filters motions and questions by the party of their submitters on their date, the one the asker shows', async () => {
    const r = await api.query(`{
      gl: motions(filter: { party: "GL" }) { nodes { id } } glpvda: motions(filter: { party: "GroenLinks-PvdA" }) { nodes { id } }
      qgl: questions(filter: { party: "GL" }) { totalCount } qglpvda: questions(filter: { party: "GroenLinks-PvdA" }) { nodes { askedBy { party { abbreviation } } } }
      then: party(id: "GL") { timeline { month count } } now: party(id: "GroenLinks-PvdA") { timeline { month count } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.gl.nodes).toEqual([{ id: 'm-2020' }]);
    expect(r.data!.glpvda.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['m-named', 'm-unnamed']);
    expect(r.data!.qgl.totalCount).toBe(0);
    expect(r.data!.qglpvda.nodes).toEqual([{ askedBy: [{ party: { abbreviation: 'GroenLinks-PvdA' } }] }]);
    expect(r.data!.then.timeline).toEqual([]);
    expect(r.data!.now.timeline).toEqual([{ month: '2025-02', count: 1 }]);
  });
});
