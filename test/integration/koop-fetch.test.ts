import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { sha256 } from '../../src/model/ids.js';
import { readRows } from '../../src/neo4j/driver.js';
import { runIngest } from '../../ingest/compose.js';
import type { IngestSummary } from '../../ingest/pipeline/summary.js';
import { startLocalServer, type LocalServer } from '../support/http-server.js';
import { useGraph } from '../support/graph.js';

const { graph } = useGraph();
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/koop/${name}`, import.meta.url)));

/** zoek.officielebekendmakingen.nl as the fetcher sees it; the question's XML is missing on purpose, so its HTML page is the fallback. */
const SITE: Record<string, { type: string; body: Buffer }> = {
  '/robots.txt': { type: 'text/plain', body: Buffer.from('User-agent: *\nAllow: /\n') },
  '/kv-tk-2022Z04510.html': { type: 'text/html; charset=utf-8', body: fixture('kv-tk-2022Z04510.html') },
  '/kv-tk-2022Z04510/metadata.xml': { type: 'application/xml', body: fixture('kv-tk-2022Z04510/metadata.xml') },
  '/ah-tk-20212022-3019.xml': { type: 'application/xml', body: fixture('ah-tk-20212022-3019.xml') },
};
const MISSING = 'kst-99999-1';

describe('publications fetched by id through the pipeline (local HTTP server, real Neo4j)', () => {
  let server: LocalServer;
  let dir: string;
  let summary: IngestSummary;

  beforeAll(async () => {
    server = await startLocalServer((req, res) => {
      const page = SITE[new URL(req.url ?? '/', 'http://x').pathname];
      res.writeHead(page ? 200 : 404, { 'content-type': page?.type ?? 'text/plain' });
      res.end(page?.body ?? 'not found');
    });
    dir = await mkdtemp(join(tmpdir(), 'graafwerk-koop-fetch-'));
    const config = loadConfig({ ...process.env, GRAAFWERK_KOOP_BASE_URL: server.url, GRAAFWERK_RAW_STORE: join(dir, 'raw'), GRAAFWERK_STATE: join(dir, 'state'), GRAAFWERK_FETCH_RATE: '1000' });
    summary = await runIngest(graph(), config, ['kv-tk-2022Z04510', MISSING, 'ah-tk-20212022-3019']);
  });

  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('tries the XML first, falls back to the HTML page, and fetches the metadata', () => {
    const asked = server.requests.map((r) => new URL(r, 'http://x').pathname);
    const question = asked.filter((p) => p.startsWith('/kv-tk-2022Z04510'));
    expect(question).toEqual(['/kv-tk-2022Z04510.xml', '/kv-tk-2022Z04510.html', '/kv-tk-2022Z04510/metadata.xml']);
    expect(asked).toContain('/ah-tk-20212022-3019.xml');
    // The answer's XML answered, so its HTML page is never asked for.
    expect(asked).not.toContain('/ah-tk-20212022-3019.html');
  });

  it('puts the question (from its HTML page and metadata) and its answer in the graph', async () => {
    const [row] = await readRows<{ subs: number; askers: string[]; answer: string; receivedAt: string; answered: number }>(
      graph(),
      `MATCH (q:Question {number: '2022Z04510'})
       OPTIONAL MATCH (p:Person)-[:ASKED]->(q)
       WITH q, collect(DISTINCT p.id) AS askers
       MATCH (a:Answer)-[:ANSWERS]->(q)
       RETURN q.subQuestionCount AS subs, askers, a.koopId AS answer, a.receivedAt AS receivedAt, a.answeredCount AS answered`,
    );
    expect(row).toEqual({ subs: 15, askers: expect.arrayContaining([expect.stringMatching(/dekker-abdulaziz/), expect.stringMatching(/ginneken/)]), answer: 'ah-tk-20212022-3019', receivedAt: '2022-06-08', answered: 2 });
    const sources = await readRows<{ url: string; parser: string }>(graph(), 'MATCH (s:Source) WHERE s.url STARTS WITH $base RETURN s.url AS url, s.parser AS parser ORDER BY url', { base: server.url });
    expect(sources).toEqual([
      { url: `${server.url}/ah-tk-20212022-3019.xml`, parser: 'koop-xml' },
      { url: `${server.url}/kv-tk-2022Z04510.html`, parser: 'koop-html' },
      { url: `${server.url}/kv-tk-2022Z04510/metadata.xml`, parser: 'koop-metadata' },
    ]);
  });

  it('keeps every fetched document verbatim in the raw store', async () => {
    for (const path of ['/kv-tk-2022Z04510.html', '/kv-tk-2022Z04510/metadata.xml', '/ah-tk-20212022-3019.xml']) {
      const bytes = SITE[path]!.body;
      const stored = join(dir, 'raw', sha256(bytes).slice(0, 2), sha256(bytes));
      expect(existsSync(stored), path).toBe(true);
      expect((await readFile(stored)).equals(bytes), path).toBe(true);
    }
  });

  it('counts the fetched documents in the summary', () => {
    expect(summary.inputs).toBe(3);
    expect(summary.fetched).toBe(3);
    expect(summary.parsed).toBe(3);
    expect(summary.written.sources).toBeGreaterThanOrEqual(3);
  });

  it('rejects an id whose every URL is missing with a reason naming it, and goes on with the next id', () => {
    const missing = summary.rejectedDocuments.filter((r) => r.document === MISSING);
    expect(missing).toEqual([{ document: MISSING, class: 'not-retryable', reason: expect.stringMatching(new RegExp(`${MISSING}\\.xml: HTTP 404; .*${MISSING}\\.html: HTTP 404$`)) }]);
    // A publication that lacks a metadata.xml is complete without it: no rejection.
    expect(summary.rejectedDocuments).toHaveLength(1);
    expect(summary.rejectedDocuments.map((r) => r.document)).not.toContain('ah-tk-20212022-3019');
    expect(summary.rejectedDocuments.map((r) => r.document)).not.toContain('kv-tk-2022Z04510');
  });
});
