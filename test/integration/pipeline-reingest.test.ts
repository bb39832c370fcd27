import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../ingest/compose.js';
import type { IngestSummary } from '../../ingest/pipeline/summary.js';
import { useGraph } from '../support/graph.js';
import { graphFingerprint } from '../support/graph-lines.js';
import { createPipelineDirs, type PipelineDirs } from '../support/pipeline.js';

/**
 * The whole Tweede Kamer fixture folder, ingested twice as the command line does it. A file's
 * fetchedAt is its modification time, so even firstSeen and lastSeen must come out the same.
 */
const { graph } = useGraph();
const FOLDER = fileURLToPath(new URL('../fixtures/tk', import.meta.url));
let dirs: PipelineDirs;
let first: IngestSummary;

beforeAll(async () => {
  dirs = await createPipelineDirs();
  first = await runIngest(graph(), dirs.config, [FOLDER]);
});
afterAll(() => dirs.remove());

async function documentCount(): Promise<number> {
  const entries = await readdir(FOLDER, { recursive: true });
  return entries.filter((e) => /\.(json|xml)(\.gz)?$/.test(e)).length;
}

describe('re-ingesting the same files', () => {
  it('ingests every fixture document the first time', async () => {
    expect(first.rejectedDocuments).toEqual([]);
    expect(first).toMatchObject({ read: await documentCount(), parsed: await documentCount(), unchanged: 0 });
    expect(first.written).toMatchObject({ nodes: expect.any(Number), edges: expect.any(Number) });
    expect(first.written.nodes * first.written.edges).toBeGreaterThan(0);
  });

  it('changes no node, edge or property, and reports every document unchanged', async () => {
    const before = await graphFingerprint(graph());
    const again = await runIngest(graph(), dirs.config, [FOLDER]);
    expect(again).toMatchObject({
      read: await documentCount(),
      unchanged: await documentCount(),
      parsed: 0,
      records: 0,
      rejectedDocuments: [],
    });
    expect(again.written).toEqual({ sources: 0, nodes: 0, edges: 0, tombstones: 0, sameAs: 0 });
    expect(await graphFingerprint(graph())).toEqual(before);
  });

  it('changes nothing either when every document is parsed and written again (--force)', async () => {
    // The first run finds mentions only of persons already written when a document was enriched
    // (the walk is alphabetical), so one forced run completes them; the next must change nothing.
    await runIngest(graph(), dirs.config, [FOLDER], { force: true });
    const before = await graphFingerprint(graph());
    const forced = await runIngest(graph(), dirs.config, [FOLDER], { force: true });
    expect(forced).toMatchObject({ parsed: await documentCount(), unchanged: 0, rejectedDocuments: [] });
    expect(await graphFingerprint(graph())).toEqual(before);
  });
});
