import { load, type CheerioAPI } from 'cheerio';
import type { RawDocument } from './format.js';
import { decodeXml } from './xml-encoding.js';
import { checkWellFormed } from './xml-well-formed.js';

/**
 * Loads a publication as XML, once it is decoded by its declared encoding and checked (well formed, depth
 * bounded, no DTD entity declarations). No entity expansion: htmlparser2 only decodes the predefined
 * entities and never reads a DTD. The size is bounded where the document is read or fetched.
 */
export function loadXml(doc: RawDocument): CheerioAPI {
  const text = decodeXml(doc);
  checkWellFormed(text, doc.url);
  return load(text, { xml: { xmlMode: true, decodeEntities: true } });
}

/** Collapses whitespace the way a reader sees the text. */
export function clean(text: string | undefined | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
