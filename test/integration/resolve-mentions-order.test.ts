import { describe, expect, it } from 'vitest';
import { readRows } from '../../src/neo4j/driver.js';
import { runIngest } from '../../ingest/compose.js';
import { updateStoredMentions } from '../../ingest/resolve/mention-stored.js';
import { clearGraph } from '../../src/neo4j/schema.js';
import { useGraph } from '../support/graph.js';
import { abortAfter, freshConfig } from '../support/ingest-runs.js';
import { graphFingerprint } from '../support/graph-lines.js';

const { graph } = useGraph();
const config = freshConfig('mentions-order');

const MOTION = 'test/fixtures/koop/motions/2024D26081.xml';
const PERSONS = 'test/fixtures/news/persons/persoon-rows.json';
/** Ingrid Michon-Derkzen's Persoon id in the real rows. */
const MICHON_DERKZEN = '973da897-66c7-4010-a98d-505e0e97a60c';
const YESILGOZ = '9ab41898-332f-4c08-a834-d58b4669c990';

const personMentions = () =>
  readRows<{ person: string; field: string; matched: string; sources: string[]; motionSources: string[] }>(
    graph(),
    `MATCH (m:Motion {koopId: 'kst-36560-VI-15'})-[r:MENTIONS]->(p:Person)
     RETURN p.id AS person, r.field AS field, r.matched AS matched, r.sources AS sources, m.sources AS motionSources ORDER BY person, field`,
  );

describe('mentions of persons that arrive after the text that names them', () => {
  it('are added by the run that writes the persons, with the text’s own source, and only once', async () => {
    await runIngest(graph(), config, [MOTION]);
    expect(await personMentions()).toEqual([]);

    await runIngest(graph(), config, [PERSONS]);
    const mentions = await personMentions();
    expect(mentions.length).toBeGreaterThan(0);
    expect(new Set(mentions.map((m) => m.person))).toEqual(new Set([MICHON_DERKZEN]));
    expect(mentions.map((m) => m.field)).toContain('title');
    expect(mentions.find((m) => m.field === 'title')?.matched).toBe('MICHON-DERKZEN');
    // The edge's provenance is the motion's publication, whose Source node is left as it was.
    for (const m of mentions) expect(m.sources).toEqual(m.motionSources);
    const [source] = await readRows(graph(), `MATCH (s:Source {id: $id}) RETURN s.url AS url, s.parser AS parser`, {
      id: mentions[0]!.sources[0],
    });
    expect(source).toEqual({ url: expect.stringContaining('2024D26081.xml'), parser: 'koop-xml' });

    const settled = await graphFingerprint(graph());
    await runIngest(graph(), config, [MOTION, PERSONS]);
    expect(await graphFingerprint(graph())).toEqual(settled);
    // Even with every entity taken as new, the edges already there are left alone.
    expect(await updateStoredMentions(graph(), config, new Map())).toEqual({ added: 0, removed: 0 });
    expect(await graphFingerprint(graph())).toEqual(settled);
  });
});

describe('an answer signed by ministers, ingested after their persons', () => {
  it('connects each minister to the office and mentions the offices its own text names', async () => {
    await runIngest(graph(), config, ['test/fixtures/koop/ah-tk-20212022-3019.xml']);
    const holds = await readRows(
      graph(),
      `MATCH (p:Person)-[h:HOLDS]->(o:Office) RETURN p.id AS person, p.name AS name, o.id AS office, h.observedAt AS observedAt, h.key AS key ORDER BY office`,
    );
    expect(holds).toEqual([
      {
        person: 'name:bruins-slot',
        name: 'Bruins Slot',
        office: 'minister-van-binnenlandse-zaken-en-koninkrijksrelaties',
        observedAt: '2022-06-08',
        key: 'observed:2022-06-08',
      },
      {
        person: YESILGOZ,
        name: 'Dilan Yeşilgöz-Zegerius',
        office: 'minister-van-justitie-en-veiligheid',
        observedAt: '2022-06-08',
        key: 'observed:2022-06-08',
      },
    ]);
    // The offices are written with the answer, after its enrichment: the step after the run adds the mention.
    const mentions = await readRows(
      graph(),
      `MATCH (:Answer {koopId: 'ah-tk-20212022-3019'})-[r:MENTIONS]->(o:Office) RETURN o.id AS office, r.matched AS matched ORDER BY office`,
    );
    expect(mentions).toContainEqual({
      office: 'minister-van-binnenlandse-zaken-en-koninkrijksrelaties',
      matched: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties',
    });
  });
});

describe('a run cut short after writing persons and before its pass over the stored texts', () => {
  it('leaves their mentions in the texts stored before them to the next run', async () => {
    await clearGraph(graph());
    await runIngest(graph(), config, [MOTION]);
    // Stopped during its only input: that document written, the steps after the run left to the next.
    expect(await runIngest(graph(), config, [PERSONS], abortAfter(1))).toMatchObject({ parsed: 1, interrupted: true });
    expect(await personMentions()).toEqual([]);
    // The next run finds the persons' page unchanged, and still brings the motion in line with them.
    await runIngest(graph(), config, [PERSONS]);
    expect(new Set((await personMentions()).map((m) => m.person))).toEqual(new Set([MICHON_DERKZEN]));
  });
});
