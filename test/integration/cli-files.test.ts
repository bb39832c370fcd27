import { copyFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRows } from '../../src/neo4j/driver.js';
import { fixtureJson } from '../fixtures/tk/fixtures.js';
import { useGraph } from '../support/graph.js';
import { startLocalServer } from '../support/http-server.js';
import {
  createPipelineDirs,
  odataPage,
  readCheckpoints,
  runCli,
  startPageServer,
  type PageServer,
  type PipelineDirs,
} from '../support/pipeline.js';

const { graph } = useGraph();
const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));
let dirs: PipelineDirs;
let inputs: string;

const GOOD = ['tk/odata/fractie_page_1.json', 'tk/syncfeed/zaak.xml', 'tk/syncfeed/persoon.xml'];
const MORE_GOOD = ['tk/odata/active_members_detailed.json.gz', 'tk/syncfeed/document.xml'];
const PERSONS = fixtureJson<{ value: { Id: string }[] }>('odata/active_members_detailed.json.gz').value.map((r) => r.Id);
const FIFTY_MB = 50 * 1024 * 1024;

async function folderOf(name: string, files: string[]): Promise<string> {
  const dir = join(inputs, name);
  await mkdir(dir, { recursive: true });
  for (const f of files) await copyFile(fixture(f), join(dir, basename(f)));
  return dir;
}

/** A real OData page padded with repeats of its rows to 50 MB: valid, but over the default size limit. */
async function writeHugePage(path: string): Promise<void> {
  const page = fixtureJson<{ '@odata.context': string; value: unknown[] }>('odata/fractie_page_1.json');
  const rows = page.value.map((r) => JSON.stringify(r)).join(',');
  const copies = Math.ceil(FIFTY_MB / rows.length);
  await writeFile(path, `{"@odata.context":${JSON.stringify(page['@odata.context'])},"value":[${Array(copies).fill(rows).join(',')}]}`);
}

const snapshot = () => readRows(graph(), 'MATCH (n) WHERE n:Party OR n:Question RETURN n.id AS id, properties(n) AS props ORDER BY id');

beforeAll(async () => {
  dirs = await createPipelineDirs();
  inputs = await mkdtemp(join(tmpdir(), 'graafwerk-cli-'));
});
afterAll(async () => {
  await dirs.remove();
  await rm(inputs, { recursive: true, force: true });
});

describe('graafwerk ingest on files', () => {
  it('exits 0 when every file is good and prints the counts as JSON', async () => {
    const result = await runCli(['ingest', '--json', await folderOf('good', GOOD)], dirs.env);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ inputs: 3, read: 3, parsed: 3, unchanged: 0, rejectedDocuments: [], rejectedRows: [] });
    expect(summary.records).toBeGreaterThan(10);
    expect(summary.written).toMatchObject({ sources: 3, nodes: expect.any(Number) });
    const [row] = await readRows(graph(), "RETURN COUNT { (:Party) } AS parties, COUNT { (:Question {number: '2022Z04510'}) } AS question");
    expect(row).toEqual({ parties: 11, question: 1 });
  });

  it('exits 2 naming each bad file and row with its reason, ingests the good ones and keeps what was there', async () => {
    const before = await snapshot();
    const dir = await folderOf('mixed', [...MORE_GOOD, ...(await readdir(fixture('bad'))).map((f) => `bad/${f}`)]);
    await writeHugePage(join(dir, 'huge-page.json'));
    const { code, stderr } = await runCli(['ingest', dir], dirs.env);
    expect(code).toBe(2);
    const named = (file: string, reason: string) => expect(stderr).toContain(`${join(dir, file)}: ${reason}`);
    named('fractie-truncated.json', 'not valid JSON (');
    named('not-odata.json', 'not a format graafwerk knows: JSON, but not a Tweede Kamer OData page or entity');
    named('persoon-not-a-feed.xml', 'not a format graafwerk knows: markup with root element <persoon>, which no format reads');
    named(
      'huge-page.json',
      `${(await stat(join(dir, 'huge-page.json'))).size} bytes is over the limit of 20000000 (GRAAFWERK_MAX_DOCUMENT_BYTES)`,
    );
    named('zaak-unknown-soort.json', 'row 2 (Id 44898783-3ca1-40b9-83bf-1f8f5de111bc): unknown Zaak Soort "Vraag aan de maan"');
    named('zaak-row-without-id.json', 'row 2: no Id (Zaak)');
    expect(stderr).toMatch(/rejected documents 4 .*rejected rows 2/);

    const [row] = await readRows(
      graph(),
      `MATCH (p:Person) WHERE p.id IN $persons WITH count(p) AS persons
       RETURN persons, COUNT { (:Answer {id: 'f94ab98f-8b1f-44b4-b104-e269b2631eb5'}) } AS answer,
         COUNT { (:Case {id: 'f0ed98dc-4bae-436c-848e-1f8f4bed8b61'}) } AS goodRowOfBadSoort,
         COUNT { (:Motion {id: '8f2b082c-fb11-459e-beac-1f8ed9396ff9'}) } AS goodRowNextToNoId,
         COUNT { (n {id: '44898783-3ca1-40b9-83bf-1f8f5de111bc'}) } AS unknownSoort`,
      { persons: PERSONS },
    );
    expect(row).toEqual({ persons: PERSONS.length, answer: 1, goodRowOfBadSoort: 1, goodRowNextToNoId: 1, unknownSoort: 0 });
    expect(await snapshot()).toEqual(before);
  });
});

describe('graafwerk ingest with a path that is not there', () => {
  it('rejects that path by name, ingests the others and exits 2', async () => {
    const good = await folderOf('next-to-missing', ['tk/syncfeed/zaak.xml']);
    const missing = join(inputs, 'nonexistent.json');
    const { code, stdout } = await runCli(['ingest', '--json', good, missing], dirs.env);
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toMatchObject({
      inputs: 2,
      read: 1,
      rejectedDocuments: [{ document: missing, class: 'not-retryable', reason: expect.stringMatching(/^no such file or folder/) }],
    });
  });
});

describe('graafwerk ingest with a folder that holds no documents', () => {
  it('reports each such folder as rejected, naming it and why, ingests the other inputs and exits 2', async () => {
    const empty = await folderOf('empty', []);
    const notes = await folderOf('notes-only', []);
    await writeFile(join(notes, 'README.txt'), 'notes');
    await writeFile(join(notes, 'table.csv'), 'a,b\n1,2\n');
    const good = await folderOf('one-good', ['tk/syncfeed/zaak.xml']);
    const { code, stdout } = await runCli(['ingest', '--json', empty, good, notes], dirs.env);
    expect(code).toBe(2);
    const summary = JSON.parse(stdout);
    // Counted as inputs, as an unreadable path is.
    expect(summary).toMatchObject({ inputs: 3, read: 1, ignored: 2 });
    expect(summary.rejectedDocuments).toEqual([
      { document: empty, class: 'not-retryable', reason: expect.stringMatching(/^no documents in it/) },
      { document: notes, class: 'not-retryable', reason: expect.stringMatching(/^no documents in it/) },
    ]);
  });
});

describe('a command while no Neo4j runs', () => {
  it('exits 1 saying how to start one', async () => {
    const server = await startLocalServer(() => {});
    await server.close();
    const { code, stderr } = await runCli(['review', 'list'], { NEO4J_URI: `bolt://127.0.0.1:${new URL(server.url).port}` });
    expect(code).toBe(1);
    expect(stderr).toContain('is Neo4j running? `graafwerk db start` starts the local one');
  });
});

describe('graafwerk ingest with a wrong Neo4j password', () => {
  let server: PageServer;
  beforeAll(async () => {
    server = await startPageServer();
    server.pages.set('/odata/parties', odataPage('odata/fractie_page_1.json', `${server.url}/odata/parties?page=2`));
    server.pages.set('/odata/parties?page=2', odataPage('odata/active_members_detailed.json.gz'));
  });
  afterAll(() => server.close());

  it('exits 1 with a message naming the settings to fix, and advances no checkpoint', async () => {
    const feed = `${server.url}/odata/parties`;
    expect((await runCli(['ingest', '--max-pages', '1', feed], dirs.env)).code).toBe(0);
    const saved = await readCheckpoints(dirs.state);
    expect(saved).toEqual({ [feed]: `${feed}?page=2` });
    const requests = server.pageRequests().length;

    const { code, stderr } = await runCli(['ingest', feed], { ...dirs.env, NEO4J_PASSWORD: 'not-the-password' });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^graafwerk: Neo4j at bolt:\S+ refused user "neo4j": check NEO4J_USER and NEO4J_PASSWORD; nothing was ingested$/m,
    );
    expect(await readCheckpoints(dirs.state)).toEqual(saved);
    expect(server.pageRequests().length).toBe(requests);
  });
});
