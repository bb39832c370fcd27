/** An encoding a byte order mark names, and the mark's length in bytes. */
export interface ByteOrderMark {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  length: number;
}

/** The decoder for an encoding name (strict: `fatal`, invalid bytes throw), or undefined when Node's TextDecoder does not know it. */
export function decoderFor(label: string, fatal = true): TextDecoder | undefined {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return undefined;
  }
}

/** The byte order mark a document starts with, if any. */
export function byteOrderMark(b: Uint8Array): ByteOrderMark | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** A document as text by its byte order mark (the mark dropped), else as UTF-8; bytes invalid there become U+FFFD. */
export function textOf(bytes: Uint8Array): string {
  const bom = byteOrderMark(bytes);
  return new TextDecoder(bom?.encoding ?? 'utf-8', { ignoreBOM: true }).decode(bytes.subarray(bom?.length ?? 0));
}

/** The start of a document as text (see textOf), to tell its format: a UTF-16 publication or a JSON page saved with a mark is recognised too. */
export const headOf = (bytes: Uint8Array, length = 4096): string => textOf(bytes.subarray(0, length));
