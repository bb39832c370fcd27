import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { validateFragment, type FragmentBody, type GraphFragment } from '../../src/model/fragment.js';
import { headOf } from './byte-order-mark.js';
import { NotRetryableError } from './errors.js';
import type { IngestedSources } from './ingested-sources.js';
import { ParseError, type Format, type ParseResult, type RawDocument } from './format.js';
import type { RawStore } from './raw-store.js';
import { detectFormat, formatByName } from './registry.js';

/** Adds what needs the graph (mentions, resolved names) to a parsed fragment before it is written. */
export type Enricher = (body: FragmentBody) => FragmentBody;

/** Enriches and validates a parsed fragment; a model violation rejects the document. */
export function finishFragment(fragment: GraphFragment, enrich?: Enricher): GraphFragment {
  const body = enrich ? enrich(fragment) : fragment;
  const out: GraphFragment = { source: fragment.source, nodes: body.nodes, edges: body.edges, tombstones: body.tombstones };
  validateFragment(out);
  return out;
}

export interface ParsedDocument {
  fragment: GraphFragment;
  result: ParseResult;
  /** True when these bytes were already ingested with this parser version. */
  unchanged: boolean;
}

/**
 * Reads a local file (unpacking gzip bytes, as a fetched document's are), refusing one over the size limit. The reading itself
 * stops at the limit: a pipe or device has no size to check beforehand, and a file may grow.
 */
export async function readDocument(path: string, maxBytes: number): Promise<{ doc: RawDocument; fetchedAt: string }> {
  const info = await stat(path);
  if (info.size > maxBytes) throw tooLarge(`${info.size} bytes`, maxBytes);
  let bytes = await readUpTo(path, maxBytes);
  if (!bytes) throw tooLarge(`more than ${maxBytes} bytes`, maxBytes);
  bytes = unpackGzip(bytes, maxBytes);
  return { doc: { bytes, url: displayPath(path) }, fetchedAt: info.mtime.toISOString() };
}

/**
 * Unpacks gzip bytes, told by their start (RFC 1952: 1f 8b), not by a file name; other bytes are
 * returned as they are. What unpacks to more than `maxBytes` is refused: the size limit holds for what
 * the parsers get, not only for what was read or fetched.
 */
export function unpackGzip(bytes: Buffer, maxBytes: number): Buffer {
  if (!(bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b)) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(`unpacked, more than ${maxBytes} bytes`, maxBytes);
    throw new ParseError(`not a readable gzip file: ${(error as Error).message}`);
  }
}

function tooLarge(size: string, maxBytes: number): NotRetryableError {
  return new NotRetryableError(`${size} is over the limit of ${maxBytes} (GRAAFWERK_MAX_DOCUMENT_BYTES)`);
}

/** The bytes of a file, or undefined as soon as there are more than `maxBytes` of them. */
async function readUpTo(path: string, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Leaving the loop early closes the stream, so no more is read.
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > maxBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** A file's name as Source nodes keep it: relative to the working folder when inside it, so no machine's layout leaks into the graph. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** What a document no format claims looks like, so its rejection says more than that. */
function lookOf(doc: RawDocument): string {
  const head = headOf(doc.bytes).trimStart();
  if (head === '') return 'an empty document';
  if (/^[{[]/.test(head)) return 'JSON, but not a Tweede Kamer OData page or entity';
  const root = /^(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([A-Za-z_][\w.:-]*)/i.exec(head)?.[1];
  if (root) return `markup with root element <${root.slice(0, 60)}>, which no format reads`;
  return 'neither JSON nor XML nor HTML';
}

/** Chooses the format of a document: the forced one, or the first that claims it. */
export function chooseFormat(doc: RawDocument, forced?: string): Format {
  const format = forced ? formatByName(forced) : detectFormat(doc);
  if (!format) throw new ParseError(forced ? `unknown format ${JSON.stringify(forced)}` : `not a format graafwerk knows: ${lookOf(doc)} (use --format to force one)`);
  return format;
}

/**
 * Raw first: stores the bytes, then parses them (pure).
 * Parse errors carry their position; the raw document stays in the store either way.
 */
export async function parseDocument(
  doc: RawDocument,
  fetchedAt: string,
  deps: { ingested: IngestedSources; store: RawStore; format?: string; force?: boolean; needNext?: boolean },
): Promise<ParsedDocument> {
  const sourceId = await deps.store.put(doc.bytes);
  const format = chooseFormat(doc, deps.format);
  const unchanged = !deps.force && deps.ingested.has(sourceId, format);
  const source = {
    id: sourceId,
    url: doc.url,
    fetchedAt,
    parser: format.name,
    parserVersion: format.version,
    ...(doc.contentType ? { contentType: doc.contentType } : {}),
  };
  // An unchanged file is not parsed again; a feed page still is, for its link to the next page.
  if (unchanged && !deps.needNext)
    return { fragment: { source, nodes: [], edges: [], tombstones: [] }, result: { body: { nodes: [], edges: [], tombstones: [] }, records: 0, rejected: [] }, unchanged };
  let result: ParseResult;
  try {
    result = format.parse(doc);
  } catch (error) {
    if (error instanceof ParseError && error.where) {
      // The position goes first; the document is named once, by whoever reports the error.
      const message = error.message.startsWith(`${doc.url}: `) ? error.message.slice(doc.url.length + 2) : error.message;
      throw new ParseError(`${error.where}: ${message}`, error.where);
    }
    throw error;
  }
  return { fragment: { source, ...result.body }, result, unchanged };
}
