import { describe, expect, it } from 'vitest';
import { readRows } from '../../src/neo4j/driver.js';
import { deriveMotionStatus } from '../../src/neo4j/derive-motion-status.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { tkODataFormat } from '../../ingest/tweedekamer/odata-format.js';
import { tkSyncFeedFormat } from '../../ingest/tweedekamer/syncfeed-format.js';
import { fixtureFragment, fixtureJson } from '../fixtures/tk/fixtures.js';
import { useGraph } from '../support/graph.js';
import { graphFingerprint } from '../support/graph-lines.js';

const { graph } = useGraph();

const ODATA = [
  'odata/fractie_page_1.json',
  'odata/active_members_detailed.json.gz',
  'odata/fractiezetelpersoon_active_members.json',
  'odata/zaak_page_260.json.gz',
  'odata/zaak-motie-zaakactor-document.json.gz',
  'odata/007e5f69-7260-4ef8-b981-66f42b1b0e32.json',
  'odata/d9576347-6e09-4eec-82c3-be4021bb3636.json',
  'odata/f81f29cc-b445-468b-9e98-40a8e0c85ea4.json',
  'odata/document_page_126.json.gz',
  'odata/besluit_page_305.json.gz',
  'odata/stemming_page_1.json.gz',
  'odata/comprehensive_motion_93c64c34_20251002_192415.json.gz',
];
const SYNCFEED = ['syncfeed/zaak.xml', 'syncfeed/persoon.xml', 'syncfeed/document.xml', 'syncfeed/besluit.xml'];
const MOTION_A = '0c9d200e-5da2-4ca5-af76-f7143d3676cc';
const MOTION_B = '54432b8c-9965-4248-94e5-0ae55907e37b';
const ROLL_CALL = '93c64c34-fc1e-4de5-b812-66f5226cacde';

async function writeAll(fetchedAt: string): Promise<void> {
  const writer = new GraphWriter(graph(), { batchSize: 2000 });
  for (const name of ODATA) await writer.write([fixtureFragment(tkODataFormat, name, fetchedAt)]);
  for (const name of SYNCFEED) await writer.write([fixtureFragment(tkSyncFeedFormat, name, fetchedAt)]);
  await deriveMotionStatus(graph());
}

/**
 * Counts per label and type, and a checksum over every property except the stamps of when a
 * write saw the data (firstSeen, lastSeen, and deletedAt, which the writer sets to the time of
 * the write that carried the tombstone).
 */
const SEEN_STAMPS = ['firstSeen', 'lastSeen', 'deletedAt'];

const fingerprint = () => graphFingerprint(graph(), { ignore: SEEN_STAMPS });

describe('Tweede Kamer ingest into the real Neo4j', () => {
  it('writes 2022Z04510 as a Question with its number, subject, date and status, once for OData and SyncFeed', async () => {
    await writeAll('2025-10-03T00:00:00Z');
    const rows = await readRows(
      graph(),
      `MATCH (q:Question {number: '2022Z04510'}) RETURN q.id AS id, q.subject AS subject, q.submittedAt AS submittedAt,
         q.closed AS closed, q.tkStatus AS tkStatus, size(q.sources) AS sources`,
    );
    expect(rows).toEqual([
      {
        id: '65c74760-dec5-43ae-a544-1f994a6154a9',
        subject: 'Het gebruik van omstreden Chinese bewakingscamera’s door de Nederlandse overheid en politie',
        submittedAt: '2022-03-10',
        closed: true,
        tkStatus: 'Vrijgegeven',
        sources: 2,
      },
    ]);
  });

  it('counts as many Question nodes as Zaak rows of Soort "Schriftelijke vragen"', async () => {
    const raw = fixtureJson<{ value: { Soort: string | null }[] }>('odata/zaak_page_260.json.gz').value;
    const expected = raw.filter((r) => r.Soort === 'Schriftelijke vragen').length;
    const [row] = await readRows<{ n: number }>(graph(), 'MATCH (q:Question) RETURN count(q) AS n');
    expect(row!.n).toBe(expected);
  });

  it('gives motions with decisions the status of their latest binding decision', async () => {
    const rows = await readRows<{ id: string; status: string; decidedAt: string | null }>(
      graph(),
      'MATCH (m:Motion) WHERE m.id IN $ids RETURN m.id AS id, m.status AS status, m.decidedAt AS decidedAt ORDER BY id',
      { ids: [MOTION_A, MOTION_B, '007e5f69-7260-4ef8-b981-66f42b1b0e32'] },
    );
    expect(rows).toEqual([
      { id: '007e5f69-7260-4ef8-b981-66f42b1b0e32', status: 'pending', decidedAt: null },
      { id: MOTION_A, status: 'rejected', decidedAt: '2025-10-01' },
      { id: MOTION_B, status: 'held', decidedAt: '2024-12-27' },
    ]);
  });

  it('yields one VOTED edge per roll-call vote with per-choice totals equal to the raw rows', async () => {
    const votes = fixtureJson<{ votes: { Id: string; Soort: string; Persoon_Id: string }[] }>(
      'odata/comprehensive_motion_93c64c34_20251002_192415.json.gz',
    ).votes;
    const rows = await readRows<{ raw: string; choice: string; n: number; people: number; seats: number }>(
      graph(),
      `MATCH (p:Person)-[v:VOTED]->(:Decision {id: $id}) RETURN v.rawChoice AS raw, v.choice AS choice, count(v) AS n, count(DISTINCT p) AS people, count(v.seats) AS seats ORDER BY raw`,
      { id: ROLL_CALL },
    );
    const tally = new Map<string, number>();
    for (const v of votes) tally.set(v.Soort, (tally.get(v.Soort) ?? 0) + 1);
    const expected = [...tally].map(([raw, n]) => ({ raw, n }));
    expect(rows.map(({ raw, n }) => ({ raw, n }))).toEqual(expected.sort((a, b) => a.raw.localeCompare(b.raw)));
    expect(rows.find((r) => r.raw === 'Voor')?.choice).toBe('for');
    expect(rows.reduce((s, r) => s + r.people, 0)).toBe(new Set(votes.map((v) => v.Persoon_Id)).size);
    // Seats belong to party votes; an MP's vote carries none (the row's FractieGrootte is the party's size).
    expect(rows.map((r) => r.seats)).toEqual(rows.map(() => 0));
  });

  it('links answers, submitters, dossiers and tombstones as the data relates them', async () => {
    const [row] = await readRows(
      graph(),
      `MATCH (m:Motion {id: '007e5f69-7260-4ef8-b981-66f42b1b0e32'})-[:PART_OF]->(d:Dossier)
       OPTIONAL MATCH (gone:Document {id: '8c301383-8984-411f-b955-af4d99e50356'})
       RETURN m.koopId AS koopId, d.id AS dossier, gone.deleted AS deleted,
         COUNT { (:Person)-[:SUBMITTED]->(:Motion) } AS submitted`,
    );
    expect(row).toMatchObject({ koopId: expect.stringMatching(/^kst-/), deleted: true, submitted: 188 });
    expect(row!.koopId).toContain(`kst-${row!.dossier}-`);
  });

  it('changes nothing when the same pages are written again', async () => {
    const before = await fingerprint();
    await writeAll('2025-10-04T00:00:00Z');
    expect(await fingerprint()).toEqual(before);
  });
});
