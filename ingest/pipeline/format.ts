import type { FragmentBody } from '../../src/model/fragment.js';

/** One raw document as the pipeline hands it to a parser. */
export interface RawDocument {
  /** The raw bytes, exactly as fetched or read; at most GRAAFWERK_MAX_DOCUMENT_BYTES (checked there). */
  bytes: Buffer;
  /** Where it came from: an http(s) URL or a file path. Used in every error message. */
  url: string;
  /** The HTTP Content-Type, when fetched. */
  contentType?: string;
}

/** A row or part of a document that a parser could not use; the rest of the document still counts. */
export interface Rejection {
  /** Where in the document: e.g. "row 17 (Id 1f03…)" or "line 12, column 4". */
  where: string;
  reason: string;
}

/** What a parser makes of one document. */
export interface ParseResult {
  body: FragmentBody;
  /** How many source records (rows, entries, publications) the document held. */
  records: number;
  /** Rows or parts left out, each with its reason. */
  rejected: Rejection[];
  /** The next page to fetch (OData @odata.nextLink, SyncFeed next link), for incremental sync. */
  next?: string;
}

/**
 * A document format: a cheap detector and a pure parser (bytes in, fragment out; no I/O, no
 * Neo4j). A parser throws ParseError when the whole document is unusable.
 */
export interface Format {
  /** Stable name, used by `--format` and stored on Source nodes: e.g. "tk-odata". */
  name: string;
  /** Bump when the output changes, so stored documents are parsed again. */
  version: string;
  /** Whether this format claims the document; `head` is its first 4 KiB as text (see headOf). */
  detect(doc: RawDocument, head: string): boolean;
  parse(doc: RawDocument): ParseResult;
}

/** "line L, column C" of a character index in a document's text, for ParseError's `where`. */
export function position(text: string, index: number): string {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return `line ${line}, column ${index - before.lastIndexOf('\n')}`;
}

/** The whole document is unusable: malformed, not of the format, or of an unsupported kind. */
export class ParseError extends Error {
  override name = 'ParseError';
  constructor(
    message: string,
    /** Where in the document, when known: "line 3, column 9", "row 12". */
    readonly where?: string,
  ) {
    super(message);
  }
}
