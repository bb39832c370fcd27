import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRows } from '../../src/neo4j/driver.js';
import { ingestInputs } from '../../ingest/pipeline/run.js';
import { useGraph } from '../support/graph.js';
import { createPipelineDirs, startPageServer, syncFeedPage, type PageServer, type PipelineDirs } from '../support/pipeline.js';

/**
 * Updates arrive as later SyncFeed pages: each run resumes from the checkpoint (the last page) and
 * finds the next page the server has added since. The pages are the fixtures with one entity revised.
 */
const { graph } = useGraph();
let server: PageServer;
let dirs: PipelineDirs;

const QUESTION = '65c74760-dec5-43ae-a544-1f994a6154a9';
const PERSON = '9ba1fdd9-e6ac-4659-bd45-1ffc08aa6ed5';
const SUBJECT = 'Het gebruik van omstreden Chinese bewakingscamera’s door de Nederlandse overheid en politie';
const ZAAK_STAMP = 'tk:bijgewerkt="2024-02-19T09:59:02.3670000"';
const ZAAK_FEED = '/SyncFeed/2.0/Feed?category=Zaak';
const PERSON_FEED = '/SyncFeed/2.0/Feed?category=Persoon';
const token = (feed: string, n: number) => feed.replace('?', `?skiptoken=${n}&`);

/** The question's page with another change stamp and subject. */
const revisedZaak = (stamp: string, subject: string, next?: string) =>
  Buffer.from(
    syncFeedPage('syncfeed/zaak.xml', next).toString('utf8').replace(ZAAK_STAMP, `tk:bijgewerkt="${stamp}"`).replace(SUBJECT, subject),
  );
const ingest = () => ingestInputs([`${server.url}${ZAAK_FEED}`, `${server.url}${PERSON_FEED}`], { graph: graph(), config: dirs.config });
const question = async () =>
  (
    await readRows(graph(), 'MATCH (q:Question {id: $id}) RETURN q.subject AS subject, q.version AS version, q.deleted AS deleted', {
      id: QUESTION,
    })
  )[0];

beforeAll(async () => {
  server = await startPageServer();
  dirs = await createPipelineDirs();
  server.pages.set(ZAAK_FEED, syncFeedPage('syncfeed/zaak.xml'));
  server.pages.set(PERSON_FEED, syncFeedPage('syncfeed/persoon.xml'));
  const summary = await ingest();
  expect(summary.rejectedDocuments).toEqual([]);
});
afterAll(async () => {
  await server.close();
  await dirs.remove();
});

describe('updates and deletions from later feed pages', () => {
  it('overwrites a case with a page that carries a newer GewijzigdOp', async () => {
    expect(await question()).toMatchObject({ subject: SUBJECT, version: '2024-02-19T09:59:02.367Z' });
    server.pages.set(ZAAK_FEED, syncFeedPage('syncfeed/zaak.xml', `${server.url}${token(ZAAK_FEED, 2)}`));
    server.pages.set(token(ZAAK_FEED, 2), revisedZaak('2024-03-01T08:00:00.0000000', 'Nieuw onderwerp'));
    await ingest();
    expect(server.pageRequests().slice(-3)).toEqual([ZAAK_FEED, token(ZAAK_FEED, 2), PERSON_FEED]);
    expect(await question()).toEqual({ subject: 'Nieuw onderwerp', version: '2024-03-01T08:00:00.000Z', deleted: null });
  });

  it('leaves it as it is when a later page carries an older GewijzigdOp', async () => {
    server.pages.set(
      token(ZAAK_FEED, 2),
      revisedZaak('2024-03-01T08:00:00.0000000', 'Nieuw onderwerp', `${server.url}${token(ZAAK_FEED, 3)}`),
    );
    server.pages.set(token(ZAAK_FEED, 3), revisedZaak('2023-01-01T08:00:00.0000000', 'Verouderd onderwerp'));
    const summary = await ingest();
    expect(summary.rejectedDocuments).toEqual([]);
    expect(summary.checkpoints[0]!.after).toBe(`${server.url}${token(ZAAK_FEED, 3)}`);
    expect(await question()).toEqual({ subject: 'Nieuw onderwerp', version: '2024-03-01T08:00:00.000Z', deleted: null });
  });

  it('turns Verwijderd into a tombstone that keeps the node and its history', async () => {
    const deleted = syncFeedPage('syncfeed/persoon.xml')
      .toString('utf8')
      .replace(
        /<persoon ([^>]*) tk:bijgewerkt="[^"]*" tk:verwijderd="false">.*<\/persoon>/s,
        '<persoon $1 tk:bijgewerkt="2025-06-01T10:00:00.0000000" tk:verwijderd="true"/>',
      );
    server.pages.set(PERSON_FEED, syncFeedPage('syncfeed/persoon.xml', `${server.url}${token(PERSON_FEED, 2)}`));
    server.pages.set(token(PERSON_FEED, 2), Buffer.from(deleted));
    await ingest();
    const rows = await readRows(
      graph(),
      'MATCH (p:Person {id: $id}) RETURN p.name AS name, p.deleted AS deleted, p.version AS version, size(p.sources) AS sources',
      { id: PERSON },
    );
    // Three sources: the first page, the same page once it linked to the next, and the deletion.
    expect(rows).toEqual([{ name: 'Nicolien van Vroonhoven', deleted: true, version: '2025-06-01T10:00:00.000Z', sources: 3 }]);
  });
});
