import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readRows } from '../../src/neo4j/driver.js';
import { clearGraph } from '../../src/neo4j/schema.js';
import { ingestInputs } from '../../ingest/pipeline/run.js';
import { fixtureBytes, fixtureJson } from '../fixtures/tk/fixtures.js';
import { useGraph } from '../support/graph.js';
import { startLocalServer, type LocalServer } from '../support/http-server.js';
import {
  createPipelineDirs,
  inRawStore,
  odataPage,
  readCheckpoints,
  startPageServer,
  syncFeedPage,
  type PageServer,
  type PipelineDirs,
} from '../support/pipeline.js';

const { graph } = useGraph();
let server: PageServer;
/** Another origin (another port), holding pages a feed of `server` must not be led to. */
let elsewhere: PageServer;
/** Serves a fixture's `.json.gz` as stored, gzip bytes with a gzip content type and no Content-Encoding. */
let gzipServer: LocalServer;
let dirs: PipelineDirs;

const PARTIES = 'odata/fractie_page_1.json';
const PERSONS = 'odata/active_members_detailed.json.gz';
const CASES = 'odata/zaak_page_260.json.gz';
const idsOf = (name: string) => fixtureJson<{ value: { Id: string }[] }>(name).value.map((r) => r.Id);
const ingest = (url: string, maxPages?: number) =>
  ingestInputs([url], { graph: graph(), config: dirs.config, ...(maxPages ? { maxPages } : {}) });
const count = async (label: 'Party' | 'Person' | 'Question', ids: string[]) =>
  (await readRows<{ n: number }>(graph(), `MATCH (n:${label}) WHERE n.id IN $ids RETURN count(n) AS n`, { ids }))[0]!.n;
/** Runs `work` and returns the page requests it caused. */
async function requestsOf(work: () => Promise<unknown>): Promise<string[]> {
  const before = server.pageRequests().length;
  await work();
  return server.pageRequests().slice(before);
}

beforeAll(async () => {
  server = await startPageServer();
  elsewhere = await startPageServer();
  elsewhere.pages.set('/odata/members?page=2', odataPage(PERSONS));
  const gzipped = readFileSync(new URL(`../fixtures/tk/${PERSONS}`, import.meta.url));
  gzipServer = await startLocalServer((req, res) => {
    if (req.url !== '/odata/members.json.gz') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/gzip' }).end(gzipped);
  });
  const u = (path: string) => `${server.url}${path}`;
  server.pages.set('/odata/members', odataPage(PARTIES, u('/odata/members?page=2')));
  server.pages.set('/odata/members?page=2', odataPage(PERSONS, u('/odata/members?page=3')));
  server.pages.set('/odata/members?page=3', odataPage(CASES));
  const feed = (token: string) => u(`/SyncFeed/2.0/Feed?skiptoken=${token}&category=Zaak`);
  server.pages.set('/SyncFeed/2.0/Feed?category=Zaak', syncFeedPage('syncfeed/zaak.xml', feed('1')));
  server.pages.set('/SyncFeed/2.0/Feed?skiptoken=1&category=Zaak', syncFeedPage('syncfeed/persoon.xml', feed('2')));
  server.pages.set('/SyncFeed/2.0/Feed?skiptoken=2&category=Zaak', syncFeedPage('syncfeed/document.xml', feed('3')));
  server.pages.set('/SyncFeed/2.0/Feed?skiptoken=3&category=Zaak', syncFeedPage('syncfeed/besluit.xml'));
});
afterAll(() => Promise.all([server.close(), elsewhere.close(), gzipServer.close()]));
beforeEach(async () => {
  await clearGraph(graph());
  dirs = await createPipelineDirs();
});
afterEach(() => dirs.remove());

describe('incremental sync over HTTP', () => {
  it('follows @odata.nextLink, stores every page raw, checkpoints the last page and resumes from it', async () => {
    const start = `${server.url}/odata/members`;
    const summary = await ingest(start);
    expect(summary.rejectedDocuments).toEqual([]);
    expect(summary).toMatchObject({ fetched: 3, parsed: 3, checkpoints: [{ feed: start, before: null, after: `${start}?page=3` }] });
    for (const path of ['/odata/members', '/odata/members?page=2', '/odata/members?page=3'])
      expect(await inRawStore(dirs.raw, server.pages.get(path) as Buffer)).toBe(true);
    expect(await count('Party', idsOf(PARTIES))).toBe(idsOf(PARTIES).length);
    expect(await count('Person', idsOf(PERSONS))).toBe(idsOf(PERSONS).length);
    expect(await readCheckpoints(dirs.state)).toEqual({ [start]: `${start}?page=3` });

    const again = await requestsOf(async () => expect(await ingest(start)).toMatchObject({ fetched: 1, unchanged: 1, parsed: 0 }));
    expect(again).toEqual(['/odata/members?page=3']);
  });

  it('with maxPages 1 advances the checkpoint one page per run', async () => {
    const start = `${server.url}/odata/members`;
    expect(await requestsOf(() => ingest(start, 1))).toEqual(['/odata/members']);
    expect(await readCheckpoints(dirs.state)).toEqual({ [start]: `${start}?page=2` });
    expect(await count('Person', idsOf(PERSONS))).toBe(0);
    expect(await requestsOf(() => ingest(start, 1))).toEqual(['/odata/members?page=2']);
    expect(await readCheckpoints(dirs.state)).toEqual({ [start]: `${start}?page=3` });
    expect(await count('Person', idsOf(PERSONS))).toBe(idsOf(PERSONS).length);
    expect(await requestsOf(() => ingest(start, 1))).toEqual(['/odata/members?page=3']);
    expect(await readCheckpoints(dirs.state)).toEqual({ [start]: `${start}?page=3` });
  });

  it('follows the SyncFeed next links and resumes from the last page', async () => {
    const start = `${server.url}/SyncFeed/2.0/Feed?category=Zaak`;
    const last = `${server.url}/SyncFeed/2.0/Feed?skiptoken=3&category=Zaak`;
    const summary = await ingest(start);
    expect(summary).toMatchObject({ fetched: 4, parsed: 4, rejectedDocuments: [], checkpoints: [{ before: null, after: last }] });
    const [row] = await readRows(
      graph(),
      `RETURN COUNT { (:Question {number: '2022Z04510'}) } AS question, COUNT { (:Person {id: '9ba1fdd9-e6ac-4659-bd45-1ffc08aa6ed5'}) } AS person,
         COUNT { (:Decision {id: '93c64c34-fc1e-4de5-b812-66f5226cacde'}) } AS decision`,
    );
    expect(row).toEqual({ question: 1, person: 1, decision: 1 });
    expect(await readCheckpoints(dirs.state)).toEqual({ [start]: last });
    expect(await requestsOf(() => ingest(start))).toEqual(['/SyncFeed/2.0/Feed?skiptoken=3&category=Zaak']);
  });

  it('stops where the next-page links lead back to a page of the run, naming the repeated URL', async () => {
    const start = `${server.url}/cycle`;
    server.pages.set('/cycle', odataPage(PARTIES, `${start}?page=2`));
    server.pages.set('/cycle?page=2', odataPage(PERSONS, start));
    let summary;
    // The page limit only bounds the test should the cycle go unnoticed.
    expect(await requestsOf(async () => (summary = await ingest(start, 10)))).toEqual(['/cycle', '/cycle?page=2']);
    expect(summary).toMatchObject({
      parsed: 2,
      rejectedDocuments: [{ document: `${start}?page=2`, class: 'not-retryable', reason: expect.stringContaining(`next-page link ${start} repeats a page of this run`) }],
      checkpoints: [{ feed: start, before: null, after: `${start}?page=2` }],
    });
    expect(await count('Person', idsOf(PERSONS))).toBe(idsOf(PERSONS).length);
  });

  it('refuses a next-page link to another origin without following or checkpointing it, and goes on with the rest of the run', async () => {
    const start = `${server.url}/leaves`;
    const next = `${elsewhere.url}/odata/members?page=2`;
    const after = `${server.url}/after-the-feed-that-left`;
    server.pages.set('/leaves', odataPage(PARTIES, next));
    server.pages.set('/after-the-feed-that-left', odataPage(PERSONS));
    const summary = await ingestInputs([start, after], { graph: graph(), config: dirs.config });
    expect(elsewhere.pageRequests()).toEqual([]);
    expect(summary).toMatchObject({
      parsed: 2,
      rejectedDocuments: [
        { document: start, class: 'not-retryable', reason: `its next-page link ${next} leads to ${elsewhere.url}, another origin than its page's ${server.url}` },
      ],
      checkpoints: [
        { feed: start, before: null, after: start },
        { feed: after, before: null, after },
      ],
    });
    expect(await readCheckpoints(dirs.state)).toEqual({ [start]: start, [after]: after });
    expect(await count('Party', idsOf(PARTIES))).toBe(idsOf(PARTIES).length);
    expect(await count('Person', idsOf(PERSONS))).toBe(idsOf(PERSONS).length);
  });

  it('ends quietly at a page whose next-page link is the page itself (nothing newer yet)', async () => {
    const start = `${server.url}/caught-up`;
    server.pages.set('/caught-up', odataPage(PARTIES, start));
    let summary;
    expect(await requestsOf(async () => (summary = await ingest(start, 10)))).toEqual(['/caught-up']);
    expect(summary).toMatchObject({ parsed: 1, rejectedDocuments: [], checkpoints: [{ feed: start, before: null, after: start }] });
  });

  it('retries a page that answers 503 and then 200', async () => {
    let calls = 0;
    server.pages.set('/flaky', () => (++calls === 1 ? { status: 503 } : odataPage(PARTIES)));
    const summary = await ingest(`${server.url}/flaky`);
    expect(summary.rejectedDocuments).toEqual([]);
    expect(server.pageRequests().filter((p) => p === '/flaky')).toEqual(['/flaky', '/flaky']);
    expect(await count('Party', idsOf(PARTIES))).toBe(idsOf(PARTIES).length);
  });

  it('keeps the checkpoint at a page that cannot be parsed, reports it, and resumes there once it is fixed', async () => {
    const start = `${server.url}/broken`;
    const broken = odataPage(PERSONS).subarray(0, 5000);
    server.pages.set('/broken', odataPage(PARTIES, `${start}?page=2`));
    server.pages.set('/broken?page=2', broken);
    const summary = await ingest(start);
    expect(summary.rejectedDocuments).toEqual([
      { document: `${start}?page=2`, class: 'parse', reason: expect.stringMatching(/^not valid JSON/) },
    ]);
    expect(summary.checkpoints).toEqual([{ feed: start, before: null, after: `${start}?page=2` }]);
    expect(await readCheckpoints(dirs.state)).toEqual({ [start]: `${start}?page=2` });
    expect(await inRawStore(dirs.raw, broken)).toBe(true);
    expect(await count('Party', idsOf(PARTIES))).toBe(idsOf(PARTIES).length);
    expect(await count('Person', idsOf(PERSONS))).toBe(0);

    server.pages.set('/broken?page=2', odataPage(PERSONS, `${start}?page=3`));
    server.pages.set('/broken?page=3', odataPage(CASES));
    expect(await requestsOf(() => ingest(start))).toEqual(['/broken?page=2', '/broken?page=3']);
    expect(await readCheckpoints(dirs.state)).toEqual({ [start]: `${start}?page=3` });
    expect(await count('Person', idsOf(PERSONS))).toBe(idsOf(PERSONS).length);
  });

  it('unpacks a fetched gzip document (a .json.gz served as it is stored) as a local .gz file is', async () => {
    const url = `${gzipServer.url}/odata/members.json.gz`;
    const summary = await ingest(url);
    expect(summary).toMatchObject({ fetched: 1, parsed: 1, rejectedDocuments: [] });
    expect(await inRawStore(dirs.raw, fixtureBytes(PERSONS))).toBe(true);
    expect(await count('Person', idsOf(PERSONS))).toBe(idsOf(PERSONS).length);
  });

  it('refuses a fetched gzip document that unpacks to more than the size limit', async () => {
    const url = `${gzipServer.url}/odata/members.json.gz`;
    const summary = await ingestInputs([url], { graph: graph(), config: { ...dirs.config, maxDocumentBytes: 50_000 } });
    expect(summary.rejectedDocuments).toEqual([
      { document: url, class: 'not-retryable', reason: 'unpacked, more than 50000 bytes is over the limit of 50000 (GRAAFWERK_MAX_DOCUMENT_BYTES)' },
    ]);
    expect(await count('Person', idsOf(PERSONS))).toBe(0);
  });
});
