import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { GraphFragment } from '../../src/model/fragment.js';
import { sha256 } from '../../src/model/ids.js';
import { readRows } from '../../src/neo4j/driver.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { detectFormat } from '../../ingest/pipeline/registry.js';
import { fixturePath } from '../support/fixture-fragment.js';
import { useGraph } from '../support/graph.js';

/**
 * A vote is a Stemming row of its own, with its own GewijzigdOp: pages of the real Stemming
 * fixture, with one row revised, arrive out of order, as replayed or re-fetched pages do.
 */
const { graph } = useGraph();

const PAGE = JSON.parse(gunzipSync(readFileSync(fixturePath('tk/odata/stemming_page_1.json.gz'))).toString('utf8')) as { value: Record<string, unknown>[] };
const ROW = PAGE.value[0]!;
const VOTE = String(ROW.Id);

/** The page with its first row as `changes` make it, parsed by the format that claims it. */
function pageWith(changes: Record<string, unknown>): GraphFragment {
  const bytes = Buffer.from(JSON.stringify({ ...PAGE, value: [{ ...ROW, ...changes }, ...PAGE.value.slice(1)] }));
  const doc = { bytes, url: `test://stemming/${sha256(bytes)}` };
  const format = detectFormat(doc)!;
  return { source: { id: sha256(bytes), url: doc.url, fetchedAt: '2025-10-01T00:00:00Z', parser: format.name, parserVersion: format.version }, ...format.parse(doc).body };
}

const write = (f: GraphFragment) => new GraphWriter(graph(), { batchSize: 2000 }).write([f]);
const vote = async () => (await readRows<{ choice: string; version: string }>(graph(), `MATCH ()-[r:VOTED {key: $key}]->() RETURN r.choice AS choice, r.version AS version`, { key: VOTE }))[0] ?? null;

describe('an edge stated by a record of its own follows that record’s version (real Neo4j)', () => {
  it('takes a newer row, keeps its choice against an older one, ignores an older deletion, and is not brought back by rows older than its deletion', async () => {
    expect(ROW.Soort).toBe('Tegen');
    await write(pageWith({}));
    expect(await vote()).toEqual({ choice: 'against', version: '2024-10-16T09:34:18.673Z' });

    await write(pageWith({ Soort: 'Voor', GewijzigdOp: '2024-11-01T10:00:00+01:00' }));
    expect(await vote()).toEqual({ choice: 'for', version: '2024-11-01T09:00:00.000Z' });

    // The original page again (re-fetched, or replayed from the raw store): older, so it changes nothing.
    await write(pageWith({}));
    expect(await vote()).toEqual({ choice: 'for', version: '2024-11-01T09:00:00.000Z' });
    await write(pageWith({ Verwijderd: true }));
    expect(await vote()).toEqual({ choice: 'for', version: '2024-11-01T09:00:00.000Z' });

    // A newer deletion removes it.
    await write(pageWith({ Verwijderd: true, GewijzigdOp: '2024-12-01T10:00:00+01:00' }));
    expect(await vote()).toBeNull();

    // Older pages stating the vote, replayed after the deletion, do not bring it back; the deleting page itself neither.
    await write(pageWith({}));
    await write(pageWith({ Soort: 'Voor', GewijzigdOp: '2024-11-01T10:00:00+01:00' }));
    await write(pageWith({ GewijzigdOp: '2024-12-01T10:00:00+01:00' }));
    expect(await vote()).toBeNull();
    // A row newer than the deletion (the vote stated again upstream) does.
    await write(pageWith({ Soort: 'Voor', GewijzigdOp: '2025-01-01T10:00:00+01:00' }));
    expect(await vote()).toEqual({ choice: 'for', version: '2025-01-01T09:00:00.000Z' });
  });
});
