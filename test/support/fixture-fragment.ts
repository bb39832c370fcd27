import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GraphFragment } from '../../src/model/fragment.js';
import { sha256 } from '../../src/model/ids.js';
import { detectFormat } from '../../ingest/pipeline/registry.js';

/** The path of a fixture file under test/fixtures/. */
export const fixturePath = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** Parses a fixture with whatever format claims it, as a fragment ready for the GraphWriter. */
export function fixtureFragment(name: string): GraphFragment {
  return bytesFragment(readFileSync(fixturePath(name)), fixturePath(name));
}

/** Parses a document (bytes as a source sends them) with whatever format claims it, as a fragment ready for the GraphWriter. */
export function bytesFragment(bytes: Buffer, url: string, fetchedAt = '2025-10-01T00:00:00Z'): GraphFragment {
  const doc = { bytes, url };
  const format = detectFormat(doc);
  if (!format) throw new Error(`no format for ${url}`);
  const { body } = format.parse(doc);
  return { source: { id: sha256(bytes), url, fetchedAt, parser: format.name, parserVersion: format.version }, ...body };
}
