import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chooseFormat, parseDocument, readDocument } from '../../ingest/pipeline/document-step.js';
import type { IngestedSources } from '../../ingest/pipeline/ingested-sources.js';
import { expandInputs } from '../../ingest/pipeline/inputs.js';
import { RawStore } from '../../ingest/pipeline/raw-store.js';
import { tempDir } from '../support/temp-dir.js';

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));
const GOOD = fixture('tk/odata/fractie_page_1.json');

describe('inputs named on the command line', () => {
  it('reports a missing path by name and keeps the inputs around it', async () => {
    const dir = tempDir('inputs');
    const missing = join(dir, 'nonexistent.json');
    const { inputs, unreadable } = await expandInputs([GOOD, missing, 'https://example.org/feed']);
    expect(inputs).toEqual([
      { kind: 'file', path: GOOD },
      { kind: 'feed', url: 'https://example.org/feed' },
    ]);
    expect(unreadable).toEqual([{ path: missing, reason: expect.stringMatching(/no such file or folder/) }]);
  });

  it('follows symbolic links in a folder to files and folders, reports broken ones and walks a folder loop once', async () => {
    const dir = tempDir('links');
    mkdirSync(join(dir, 'sub'));
    copyFileSync(GOOD, join(dir, 'sub', 'real.json'));
    symlinkSync(GOOD, join(dir, 'link.json'));
    symlinkSync('nowhere.json', join(dir, 'broken.json'));
    symlinkSync('..', join(dir, 'sub', 'up'));
    const { inputs, ignored, unreadable } = await expandInputs([dir]);
    expect(inputs).toEqual([
      { kind: 'file', path: join(dir, 'link.json') },
      { kind: 'file', path: join(dir, 'sub', 'real.json') },
    ]);
    expect(ignored).toEqual([join(dir, 'sub', 'up')]);
    expect(unreadable).toEqual([{ path: join(dir, 'broken.json'), reason: expect.stringMatching(/no such file/) }]);
  });
});

describe('reading a document file', () => {
  it('stops reading a pipe at the size limit, with the message a large file gets', async () => {
    const dir = tempDir('pipe');
    const pipe = join(dir, 'pipe');
    await run('mkfifo', [pipe]);
    // The writer ends when the reader closes the pipe (SIGPIPE), however much it had left to write.
    const writer = run('sh', ['-c', 'head -c 5000000 /dev/zero | tr "\\0" a > "$0"', pipe]).catch(() => undefined);
    await expect(readDocument(pipe, 1000)).rejects.toThrow('more than 1000 bytes is over the limit of 1000 (GRAAFWERK_MAX_DOCUMENT_BYTES)');
    await writer;
  });

  it('refuses a large regular file by its size before reading it', async () => {
    const path = join(tempDir('large'), 'large.json');
    writeFileSync(path, 'a'.repeat(2000));
    await expect(readDocument(path, 1000)).rejects.toThrow('2000 bytes is over the limit of 1000 (GRAAFWERK_MAX_DOCUMENT_BYTES)');
  });
});

describe('a parse error', () => {
  it('names its position once and the document not at all (the rejection names it)', async () => {
    const url = 'bad/truncated.xml';
    const doc = { bytes: Buffer.from('<?xml version="1.0"?>\n<kamerstuk>\n  <stuk>< x</stuk>\n</kamerstuk>\n'), url };
    const deps = { ingested: { has: () => false } as unknown as IngestedSources, store: new RawStore(tempDir('raw')), format: 'koop-xml' };
    await expect(parseDocument(doc, '2024-01-01T00:00:00Z', deps)).rejects.toThrow(/^line 3, column 9: malformed XML: stray "<"$/);
  });
});

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`))));
  });
}

describe('a document no format claims', () => {
  const rejection = (text: string) => {
    try {
      chooseFormat({ bytes: Buffer.from(text), url: 'x' });
    } catch (error) {
      return (error as Error).message;
    }
    return 'claimed';
  };

  it('is rejected with what it looks like', () => {
    expect(rejection('')).toBe('not a format graafwerk knows: an empty document (use --format to force one)');
    expect(rejection(' \n ')).toContain(': an empty document');
    expect(rejection('{"items": []}')).toContain(': JSON, but not a Tweede Kamer OData page or entity');
    expect(rejection('<?xml version="1.0"?>\n<!-- x --><rss version="2.0"></rss>')).toContain(': markup with root element <rss>, which no format reads');
    expect(rejection('PK\u0003\u0004binary')).toContain(': neither JSON nor XML nor HTML');
  });
});
