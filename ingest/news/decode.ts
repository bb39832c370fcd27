import { byteOrderMark } from '../pipeline/byte-order-mark.js';
import { ParseError } from '../pipeline/format.js';
import { fixWindows1252 } from '../pipeline/windows-1252.js';

/** The largest news page parsed; real article pages are well below 5 MB. */
export const MAX_ARTICLE_BYTES = 10 * 1024 * 1024;

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;

/** The charset a page declares: BOM, then Content-Type, then `<meta charset>` or `http-equiv` in its head. */
export function declaredCharset(bytes: Buffer, contentType?: string): string {
  const bom = byteOrderMark(bytes);
  if (bom) return bom.encoding;
  const fromHeader = /charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  const fromMeta = META_CHARSET.exec(bytes.subarray(0, 8192).toString('latin1'))?.[1];
  return (fromMeta ?? 'utf-8').toLowerCase();
}

/**
 * Decodes a news page to text in its declared charset (windows-1252, iso-8859-x, …); refuses
 * pages over the size bound and charsets the platform does not know, naming the document.
 */
export function decodeHtml(bytes: Buffer, url: string, contentType?: string): string {
  if (bytes.length > MAX_ARTICLE_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw new ParseError(`${url}: the page is ${mb(bytes.length)} MB, more than the ${mb(MAX_ARTICLE_BYTES)} MB a news article may be`);
  }
  const charset = declaredCharset(bytes, contentType);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    throw new ParseError(`${url}: the page declares an unknown charset ${JSON.stringify(charset)}`);
  }
  const text = decoder.decode(bytes);
  return fixWindows1252(text, decoder.encoding);
}
