import { load, type CheerioAPI } from 'cheerio';
import { textOf } from './byte-order-mark.js';
import type { RawDocument } from './format.js';
import { checkHtmlDepth } from './html-depth.js';
import { decodeXml } from './xml-encoding.js';
import { checkWellFormed, refuseEntity } from './xml-well-formed.js';

/**
 * Decodes an HTML page as UTF-8, refusing any text "<!ENTITY" (HTML has no DTD; a page holding one is
 * not what we expect). The size is bounded where the document is read or fetched (GRAAFWERK_MAX_DOCUMENT_BYTES).
 */
function decodeHtml(doc: RawDocument): string {
  const text = textOf(doc.bytes);
  const entity = /<!ENTITY/i.exec(text);
  if (entity) refuseEntity(text, doc.url, entity.index);
  return text;
}

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

/** Loads an HTML page (lenient, as browsers are), its nesting bounded first (checkHtmlDepth). */
export function loadHtml(doc: RawDocument): CheerioAPI {
  const text = decodeHtml(doc);
  checkHtmlDepth(text, doc.url);
  return load(text);
}

/** Collapses whitespace the way a reader sees the text. */
export function clean(text: string | undefined | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
