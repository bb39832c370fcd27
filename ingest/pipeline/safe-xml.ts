import { load, type CheerioAPI } from 'cheerio';
import { ParseError, type RawDocument } from './format.js';

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^<>]*(?:\[[\s\S]*?\])?\s*>|</g;

function position(text: string, index: number): string {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return `line ${line}, column ${index - before.lastIndexOf('\n')}`;
}

/**
 * Decodes the bytes, refusing DTD entity declarations (entity expansion attacks). The size is
 * bounded where the document is read or fetched (GRAAFWERK_MAX_DOCUMENT_BYTES).
 */
function decodeDocument(doc: RawDocument): string {
  const text = doc.bytes.toString('utf8').replace(/^\uFEFF/, '');
  const entity = /<!ENTITY/i.exec(text);
  if (entity)
    throw new ParseError(`${doc.url}: DTD entity declarations are refused (possible entity expansion attack)`, position(text, entity.index));
  return text;
}

/**
 * Checks that the XML is well formed enough to trust: every element closed in order, one root.
 * htmlparser2 silently repairs broken markup, so without this a truncated file would parse as a shorter one.
 */
function checkWellFormed(text: string, url: string): void {
  const stack: string[] = [];
  let roots = 0;
  for (const m of text.matchAll(TAG)) {
    const [whole, closing, name, selfClosing] = m;
    if (name === undefined) {
      if (whole === '<') throw new ParseError(`${url}: malformed XML: stray "<"`, position(text, m.index));
      continue;
    }
    if (closing) {
      const open = stack.pop();
      if (open !== name)
        throw new ParseError(`${url}: malformed XML: </${name}> closes ${open ? `<${open}>` : 'nothing'}`, position(text, m.index));
    } else if (!selfClosing) {
      if (stack.length === 0) roots += 1;
      stack.push(name);
    } else if (stack.length === 0) roots += 1;
  }
  if (stack.length > 0) throw new ParseError(`${url}: malformed XML: <${stack.at(-1)}> is never closed`, position(text, text.length));
  if (roots !== 1) throw new ParseError(`${url}: malformed XML: expected one root element, found ${roots}`);
}

/** Loads a publication as XML (no entity expansion: htmlparser2 only decodes the predefined entities). */
export function loadXml(doc: RawDocument): CheerioAPI {
  const text = decodeDocument(doc);
  checkWellFormed(text, doc.url);
  return load(text, { xml: { xmlMode: true, decodeEntities: true } });
}

/** Loads an HTML page (lenient, as browsers are). */
export function loadHtml(doc: RawDocument): CheerioAPI {
  return load(decodeDocument(doc));
}

/** Collapses whitespace the way a reader sees the text. */
export function clean(text: string | undefined | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
