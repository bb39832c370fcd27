import { byteOrderMark, decoderFor, headOf } from './byte-order-mark.js';
import { ParseError, position, type RawDocument } from './format.js';
import { fixWindows1252 } from './windows-1252.js';

const DECLARATION = /^<\?xml\s+version\s*=\s*(["'])[^"']*\1\s+encoding\s*=\s*(["'])([^"']*)\2/;


/**
 * The index in `text` (the lenient decoding) of the first U+FFFD that stands for bytes the encoding
 * cannot decode, skipping any U+FFFD the document really holds (only UTF-8 and UTF-16 can encode one).
 */
function firstInvalid(text: string, bytes: Buffer, encoding: string, skip: number): number {
  let offset = skip;
  let done = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', done)) {
    let literal = false;
    if (encoding === 'utf-8') {
      offset += Buffer.byteLength(text.slice(done, i));
      literal = bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd;
      offset += 3;
    } else if (encoding.startsWith('utf-16')) {
      const [hi, lo] = [bytes[skip + 2 * i], bytes[skip + 2 * i + 1]];
      literal = encoding === 'utf-16le' ? hi === 0xfd && lo === 0xff : hi === 0xff && lo === 0xfd;
    }
    if (!literal) return i;
    done = i + 1;
  }
  return text.length;
}

function decodeStrictly(doc: RawDocument, decoder: TextDecoder, skip: number): string {
  try {
    return fixWindows1252(decoder.decode(doc.bytes), decoder.encoding);
  } catch {
    const text = new TextDecoder(decoder.encoding).decode(doc.bytes);
    const at = firstInvalid(text, doc.bytes, decoder.encoding, skip);
    throw new ParseError(
      `${doc.url}: bytes that are not valid ${decoder.encoding} (declare the document's real encoding)`,
      position(text, at),
    );
  }
}

/**
 * Decodes an XML document by its byte order mark, else by the encoding its XML declaration names, else
 * as UTF-8, with any encoding Node's TextDecoder supports (UTF-8, UTF-16 with a BOM, ISO-8859-x,
 * windows-125x, …). Labels follow the WHATWG Encoding standard, as browsers do: ISO-8859-1, Latin-1
 * and US-ASCII decode as windows-1252, which differs only in the C1 controls 0x80–0x9F.
 * Bytes that are invalid in that encoding are refused, not replaced by U+FFFD: a replaced character
 * would be stored silently (a name that no longer matches its person, a search that misses), and such
 * bytes almost always mean the declaration is wrong (Latin-1 labelled or defaulting to UTF-8), which the
 * publisher must fix; the raw bytes stay in the raw store, so the document can be parsed again.
 */
export function decodeXml(doc: RawDocument): string {
  const { bytes, url } = doc;
  const bom = byteOrderMark(bytes);
  if (!bom && (bytes[0] === 0 || bytes[1] === 0))
    throw new ParseError(`${url}: UTF-16 or UTF-32 without a byte order mark is not supported`, 'line 1, column 1');
  const head = bom ? headOf(bytes, 512) : bytes.subarray(0, 512).toString('latin1');
  const declaration = DECLARATION.exec(head);
  const declared = declaration?.[3];
  const where = declaration ? `line 1, column ${declaration[0].length - declared!.length}` : undefined;
  const named = declared === undefined ? undefined : decoderFor(declared);
  if (declared !== undefined && !named) throw new ParseError(`${url}: unsupported encoding "${declared}" in the XML declaration`, where);
  if (bom) {
    const family = (e: string) => e.replace(/(?<=^utf-16).*/, '');
    if (named && family(named.encoding) !== family(bom.encoding))
      throw new ParseError(`${url}: the XML declaration names ${declared} but the byte order mark is ${bom.encoding}`, where);
    return decodeStrictly(doc, new TextDecoder(bom.encoding, { fatal: true }), bom.length);
  }
  if (named?.encoding.startsWith('utf-16'))
    throw new ParseError(`${url}: the XML declaration names ${declared} but there is no byte order mark (the bytes are not UTF-16)`, where);
  return decodeStrictly(doc, named ?? new TextDecoder('utf-8', { fatal: true }), 0);
}
