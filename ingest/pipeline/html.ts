import { load, type CheerioAPI } from 'cheerio';
import { byteOrderMark, decoderFor } from './byte-order-mark.js';
import { ParseError, type RawDocument } from './format.js';
import { checkHtmlDepth } from './html-depth.js';
import { fixWindows1252 } from './windows-1252.js';
import { refuseEntity } from './xml-well-formed.js';

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;

/** The charset a page declares: byte order mark, then Content-Type, then `<meta charset>` or `http-equiv` in its head; UTF-8 when none. */
function declaredCharset(bytes: Buffer, contentType?: string): string {
  const bom = byteOrderMark(bytes);
  if (bom) return bom.encoding;
  const fromHeader = /charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  const fromMeta = META_CHARSET.exec(bytes.subarray(0, 8192).toString('latin1'))?.[1];
  return (fromMeta ?? 'utf-8').toLowerCase();
}

/**
 * Decodes an HTML page in the charset it declares (windows-1252, iso-8859-x, …), naming the document
 * when the platform does not know that charset. Any text "<!ENTITY" is refused: HTML has no DTD, so
 * a page holding one is not what we expect. The size is bounded where the document is read or fetched.
 */
function decodeHtml(doc: RawDocument): string {
  const charset = declaredCharset(doc.bytes, doc.contentType);
  const decoder = decoderFor(charset, false);
  if (!decoder) throw new ParseError(`${doc.url}: the page declares an unknown charset ${JSON.stringify(charset)}`);
  const text = fixWindows1252(decoder.decode(doc.bytes), decoder.encoding);
  const entity = /<!ENTITY/i.exec(text);
  if (entity) refuseEntity(text, doc.url, entity.index);
  return text;
}

/** Loads an HTML page (lenient, as browsers are, scripts not run): decoded by its charset, its nesting bounded first (checkHtmlDepth). */
export function loadHtml(doc: RawDocument): CheerioAPI {
  const text = decodeHtml(doc);
  checkHtmlDepth(text, doc.url);
  return load(text, { scriptingEnabled: false });
}
