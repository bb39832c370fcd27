/**
 * Turns free text into a safe Lucene query for the full-text index: the input is cut into words
 * (letters and digits only, so no Lucene syntax survives), each word matched exactly (boosted),
 * by prefix, or with a fuzzy edit distance for typos.
 */
export function toLuceneQuery(text: string, maxWords = 8): string | null {
  const words = (text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 0).slice(0, maxWords);
  if (words.length === 0) return null;
  return words
    .map((w) => {
      if (w.length < 3) return w;
      const edits = w.length >= 7 ? 2 : 1;
      return `(${w}^3 OR ${w}* OR ${w}~${edits})`;
    })
    .join(' AND ');
}
