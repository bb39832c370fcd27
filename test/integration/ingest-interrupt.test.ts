import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { readRows } from '../../src/neo4j/driver.js';
import { clearGraph } from '../../src/neo4j/schema.js';
import { STOPPING_NOTICE } from '../../ingest/cli/ingest.js';
import { runIngest } from '../../ingest/compose.js';
import { ingestInputs } from '../../ingest/pipeline/run.js';
import { formatSummary, RESUME_HINT } from '../../ingest/pipeline/summary.js';
import { useGraph } from '../support/graph.js';
import { graphFingerprint } from '../support/graph-lines.js';
import { abortAfter, freshConfig, ingestRuns } from '../support/ingest-runs.js';
import { startLocalServer, type LocalServer } from '../support/http-server.js';
import { createPipelineDirs, odataPage, readCheckpoints, runCli, startCli, startPageServer } from '../support/pipeline.js';

const { graph } = useGraph();

/** A motion that names Ingrid Michon-Derkzen in its title, the persons (her among them), and a motion of other members. */
const MOTION = 'test/fixtures/koop/motions/2024D26081.xml';
const PERSONS = 'test/fixtures/news/persons/persoon-rows.json';
const OTHER_MOTION = 'test/fixtures/koop/motions/2024D27368.xml';
const INPUTS = [MOTION, PERSONS, OTHER_MOTION];
const MICHON_DERKZEN = '973da897-66c7-4010-a98d-505e0e97a60c';

/** Two real OData pages, served as a feed. */
const FIRST_PAGE = 'odata/fractie_page_1.json';
const SECOND_PAGE = 'odata/fractiezetelpersoon_active_members.json';

/** The graph without the stamps of when a run wrote (two runs of the same files differ only there). */
const fingerprint = () => graphFingerprint(graph(), { ignore: ['firstSeen', 'lastSeen', 'deletedAt', 'fetchedAt'] });

/** The graph after one uninterrupted run over INPUTS into an empty graph. */
async function uninterruptedRun() {
  await ingestRuns(graph(), INPUTS);
  return fingerprint();
}

/** The documents in the graph, by URL (the Sources graafwerk derives itself left out). */
const documentSources = async () =>
  (await readRows<{ url: string }>(graph(), `MATCH (s:Source) WHERE NOT s.url STARTS WITH 'graafwerk:' RETURN s.url AS url ORDER BY url`)).map((r) => r.url);

const motionStatuses = () => readRows(graph(), 'MATCH (m:Motion) RETURN m.koopId AS motion, m.status AS status ORDER BY motion');

const titleMentionsOfMichonDerkzen = () =>
  readRows(graph(), `MATCH (:Motion {koopId: 'kst-36560-VI-15'})-[r:MENTIONS {key: 'title'}]->(:Person {id: $id}) RETURN r.matched AS matched`, { id: MICHON_DERKZEN });

describe('an ingest interrupted through its signal', () => {
  it('stops before the next input, writes what it took, skips the passes over the whole graph, and the next run ends as one uninterrupted run', async () => {
    await clearGraph(graph());
    const config = freshConfig('interrupt');
    const interrupted = await runIngest(graph(), config, INPUTS, abortAfter(1));
    expect(interrupted).toMatchObject({ inputs: 3, read: 1, parsed: 1, interrupted: true });
    expect(await documentSources()).toEqual([MOTION]);
    // deriveMotionStatus, the last of the passes, gives every motion a status; none has one yet.
    expect(await motionStatuses()).toEqual([{ motion: 'kst-36560-VI-15', status: null }]);
    const printed = formatSummary(interrupted);
    expect(printed.split('\n')[0]).toMatch(/^ingest summary \(\d+\.\d s, interrupted\)$/);
    expect(printed).toContain(RESUME_HINT);

    const resumed = await runIngest(graph(), config, INPUTS);
    expect(resumed).toMatchObject({ inputs: 3, read: 3, unchanged: 1, parsed: 2, interrupted: false });
    expect(formatSummary(resumed)).not.toContain('interrupted');
    expect(await documentSources()).toEqual([...INPUTS].sort());
    const afterResume = await fingerprint();
    expect(await uninterruptedRun()).toEqual(afterResume);
  });

  it('cut short in the first run, leaves the persons it wrote as new for the next run’s pass over the stored texts', async () => {
    await clearGraph(graph());
    const config = freshConfig('interrupt');
    expect(await runIngest(graph(), config, INPUTS, abortAfter(2))).toMatchObject({ parsed: 2, interrupted: true });
    expect(await documentSources()).toEqual([MOTION, PERSONS].sort());
    // The motion was written before the persons; the pass that adds its mentions of them did not run.
    expect(await titleMentionsOfMichonDerkzen()).toEqual([]);

    await runIngest(graph(), config, INPUTS);
    expect(await titleMentionsOfMichonDerkzen()).toEqual([{ matched: 'MICHON-DERKZEN' }]);
    const afterResume = await fingerprint();
    expect(await uninterruptedRun()).toEqual(afterResume);
  });

  it('stops a feed before its next page, the checkpoint on that page, where the next run goes on', async () => {
    await clearGraph(graph());
    const dirs = await createPipelineDirs();
    const server = await startPageServer();
    try {
      const controller = new AbortController();
      const feed = `${server.url}/feed`;
      // The signal comes while the first page is being fetched: that page is still written.
      server.pages.set('/feed', () => {
        controller.abort();
        return odataPage(FIRST_PAGE, `${feed}?page=2`);
      });
      server.pages.set('/feed?page=2', odataPage(SECOND_PAGE));
      const summary = await ingestInputs([feed], { graph: graph(), config: dirs.config, signal: controller.signal });
      expect(summary).toMatchObject({ parsed: 1, interrupted: true, checkpoints: [{ feed, before: null, after: `${feed}?page=2` }] });
      expect(server.pageRequests()).toEqual(['/feed']);
      expect(await readCheckpoints(dirs.state)).toEqual({ [feed]: `${feed}?page=2` });
      expect(await documentSources()).toEqual([feed]);

      const resumed = await ingestInputs([feed], { graph: graph(), config: dirs.config });
      expect(resumed).toMatchObject({ parsed: 1, interrupted: false });
      expect(server.pageRequests()).toEqual(['/feed', '/feed?page=2']);
      expect(await documentSources()).toEqual([feed, `${feed}?page=2`].sort());
    } finally {
      await server.close();
      await dirs.remove();
    }
  });
});

/** A real HTTP server with a feed of two real OData pages, whose first page is answered only when the test answers it. */
interface HeldFeed extends LocalServer {
  feed: string;
  /** The response to the first page's request, once the command asks for it. */
  firstPageAsked: Promise<ServerResponse>;
  answerFirstPage(res: ServerResponse): void;
}

async function startHeldFeed(): Promise<HeldFeed> {
  let asked!: (res: ServerResponse) => void;
  const firstPageAsked = new Promise<ServerResponse>((resolve) => (asked = resolve));
  const server = await startLocalServer((req, res) => {
    if (req.url === '/feed') return asked(res);
    if (req.url === '/feed?page=2') return void res.writeHead(200).end(odataPage(SECOND_PAGE));
    res.writeHead(404).end();
  });
  const feed = `${server.url}/feed`;
  return { ...server, feed, firstPageAsked, answerFirstPage: (res) => void res.writeHead(200).end(odataPage(FIRST_PAGE, `${feed}?page=2`)) };
}

/**
 * The command ingests MOTION, then asks for the feed's first page; while it waits for the answer
 * (MOTION written: a feed writes what is pending first), the test sends the signal and answers the
 * page once the command has printed its notice. So the signal always arrives during the same
 * document, with no sleeps or timing.
 */
async function signalDuringFeed(signal: NodeJS.Signals, extraArgs: string[] = []) {
  const dirs = await createPipelineDirs();
  const server = await startHeldFeed();
  const args = ['ingest', ...extraArgs, MOTION, server.feed, OTHER_MOTION];
  const cli = startCli(args, dirs.env);
  const page = await server.firstPageAsked;
  const sourcesAtSignal = await documentSources();
  cli.child.kill(signal);
  await cli.stderrContains(STOPPING_NOTICE);
  server.answerFirstPage(page);
  return { dirs, server, args, sourcesAtSignal, result: await cli.result };
}

describe('graafwerk ingest and signals', () => {
  it('on SIGINT finishes the document in hand, prints the summary marked interrupted, exits 130; the same command goes on', async () => {
    await clearGraph(graph());
    const { dirs, server, args, sourcesAtSignal, result } = await signalDuringFeed('SIGINT');
    try {
      expect(sourcesAtSignal).toEqual([MOTION]);
      expect(result.code).toBe(130);
      const lines = result.stderr.split('\n');
      expect(lines).toContain(STOPPING_NOTICE);
      expect(lines).toContainEqual(expect.stringMatching(/^ingest summary \(\d+\.\d s, interrupted\)$/));
      expect(result.stderr).toContain(RESUME_HINT);
      expect(await documentSources()).toEqual([MOTION, server.feed].sort());
      expect(await motionStatuses()).toEqual([{ motion: 'kst-36560-VI-15', status: null }]);
      expect(server.requests.filter((p) => p !== '/robots.txt')).toEqual(['/feed']);

      const again = await runCli(args, dirs.env);
      expect(again.code).toBe(0);
      expect(again.stderr).not.toContain('interrupted');
      expect(server.requests.filter((p) => p !== '/robots.txt')).toEqual(['/feed', '/feed?page=2']);
      expect(await documentSources()).toEqual([MOTION, OTHER_MOTION, server.feed, `${server.feed}?page=2`].sort());
      expect(await motionStatuses()).toEqual([
        { motion: 'kst-33997-183', status: 'pending' },
        { motion: 'kst-36560-VI-15', status: 'pending' },
      ]);
    } finally {
      await server.close();
      await dirs.remove();
    }
  });

  it('on SIGTERM with --json prints "interrupted": true and exits 143', async () => {
    await clearGraph(graph());
    const { dirs, server, result } = await signalDuringFeed('SIGTERM', ['--json']);
    try {
      expect(result.code).toBe(143);
      expect(JSON.parse(result.stdout)).toMatchObject({ read: 1, fetched: 1, parsed: 2, interrupted: true });
    } finally {
      await server.close();
      await dirs.remove();
    }
  });

  it('on a second SIGINT stops at once, with status 130 and no summary', async () => {
    await clearGraph(graph());
    const dirs = await createPipelineDirs();
    const server = await startHeldFeed();
    try {
      const cli = startCli(['ingest', MOTION, server.feed, OTHER_MOTION], dirs.env);
      const page = await server.firstPageAsked;
      cli.child.kill('SIGINT');
      await cli.stderrContains(STOPPING_NOTICE);
      cli.child.kill('SIGINT');
      const result = await cli.result;
      page.destroy();
      expect(result.code).toBe(130);
      expect(result.stderr).not.toContain('ingest summary');
      expect(await documentSources()).toEqual([MOTION]);
    } finally {
      await server.close();
      await dirs.remove();
    }
  });
});
