/**
 * A word as the full-text index cuts text: letters and digits, with an apostrophe inside a word
 * kept (camera's, zo'n), as the index's standard tokenizer keeps it; ’ is folded to '.
 */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/**
 * Turns free text into a safe Lucene query for the full-text index: the input is cut into words
 * (letters, digits and inner apostrophes only, so no Lucene syntax survives), each word matched
 * exactly (boosted most), by prefix, with one typo (boosted) or, from seven characters on, with two.
 * A word one edit away thus outranks the many words two edits away (binnen for Ginnken).
 */
export function toLuceneQuery(text: string, maxWords = 8): string | null {
  const words = (text.normalize('NFC').toLowerCase().match(WORD) ?? []).map((w) => w.replaceAll('’', "'")).slice(0, maxWords);
  if (words.length === 0) return null;
  return words
    .map((w) => {
      if (w.length < 3) return w;
      return w.length >= 7 ? `(${w}^3 OR ${w}* OR ${w}~1^2 OR ${w}~2)` : `(${w}^3 OR ${w}* OR ${w}~1)`;
    })
    .join(' AND ');
}
