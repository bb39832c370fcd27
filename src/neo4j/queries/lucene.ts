/**
 * A word as the full-text index's standard tokenizer cuts text: letters and digits, with an
 * apostrophe or a dot inside a word kept (camera's, zo'n, B.V. as b.v); ’ is folded to '.
 */
const WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu;

/**
 * The words the index's analyzer (`standard-folding`) drops, in index and query alike: Lucene's
 * English stop words, as Neo4j lists them (db.index.fulltext.listAvailableAnalyzers; a test checks).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(' '),
);

/** Letters that Unicode does not decompose but Lucene's ASCIIFoldingFilter folds all the same. */
const UNDECOMPOSED: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D',
  þ: 'th', Þ: 'TH', ı: 'i', ħ: 'h', Ħ: 'H', ŧ: 't', Ŧ: 'T', ŋ: 'n', Ŋ: 'N', ĸ: 'q', ſ: 's', ŀ: 'l', Ŀ: 'L', ƒ: 'f', '’': "'",
};

/** The Latin letters, ligatures and full-width forms the folding filter covers; other scripts stay as they are, as in the index. */
const FOLDABLE = /[\u00C0-\u024F\u1E00-\u1EFF\u2019\u2C60-\u2C7F\uA720-\uA7FF\uFB00-\uFB06\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/gu;

/** Folds text to ASCII as the index's `standard-folding` analyzer does (ş to s, ö to o, ĳ to ij), which Lucene skips for fuzzy and prefix terms. */
export function foldToAscii(text: string): string {
  return text.replace(FOLDABLE, (c) => {
    const plain = UNDECOMPOSED[c] ?? c.normalize('NFKD').replace(/\p{M}/gu, '');
    return /^[\x20-\x7E]+$/.test(plain) ? plain : c;
  });
}

/** The words of a search that count; more are left out. */
const MAX_WORDS = 8;

/** The words of free text as the index holds them (folded, lower case), at most MAX_WORDS. */
export function toWords(text: string): string[] {
  return (foldToAscii(text.normalize('NFC')).toLowerCase().match(WORD) ?? []).slice(0, MAX_WORDS);
}

/** Boost of the clause that every word matches, so that hits with all words rank before hits with some. */
const ALL_WORDS_BOOST = 10;
/** Boost of the words as a phrase (stop words leave a gap, as in the index): the exact name of a thing on top. */
const PHRASE_BOOST = 2;

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * One word: exactly (boosted most), by prefix, with one typo (boosted) or, from seven characters
 * on, with two; a word under three characters only exactly. A word one edit away thus outranks the
 * many words two edits away (binnen for Ginnken).
 */
function wordClause(w: string): string {
  if (w.length < 3) return w;
  return w.length >= 7 ? `(${w}^3 OR ${w}* OR ${w}~1^2 OR ${w}~2)` : `(${w}^3 OR ${w}* OR ${w}~1)`;
}

/** A clause in the given fields only (null: every field of the index). */
function inFields(clause: string, fields: readonly string[] | null): string {
  if (fields === null) return clause;
  return `(${fields.map((f) => `${f}:${clause}`).join(' OR ')})`;
}

/** Whether a word counts on its own: one or two letters (dots aside: b.v) match too much or nothing, so they count only with the others. */
const standsAlone = (w: string): boolean => w.replaceAll('.', '').length > 2;

/**
 * Turns free text into a safe Lucene query for the full-text index: the input is cut into words
 * (letters, digits and inner apostrophes and dots only, so no Lucene syntax survives) and folded as
 * the index folds them. Words the analyzer drops (stop words) are left out, unless there is nothing
 * else. One word gives its clause; several give a clause that needs them all, each with its typo
 * tolerance (boosted most, so hits with all words come first), the words as a phrase (boosted: an
 * exact name on top) and each word of three or more letters exactly on its own, so that a word
 * found nowhere (bv) leaves the rest to be found; alone they are plain terms, cheap for common
 * words. `fields` restricts every clause to those fields (null: all).
 */
export function toLuceneQuery(text: string, fields: readonly string[] | null = null): string | null {
  const words = toWords(text);
  if (fields !== null && (fields.length === 0 || !fields.every((f) => FIELD.test(f)))) throw new Error(`not a list of field names: ${JSON.stringify(fields)}`);
  const content = [...new Set(words.filter((w) => !STOP_WORDS.has(w)))];
  const searched = content.length > 0 ? content : [...new Set(words)];
  if (searched.length === 0) return null;
  if (searched.length === 1) return inFields(wordClause(searched[0]!), fields);
  const all = `(${searched.map((w) => inFields(wordClause(w), fields)).join(' AND ')})^${ALL_WORDS_BOOST}`;
  const phrase = `${inFields(`"${words.join(' ')}"`, fields)}^${PHRASE_BOOST}`;
  return [all, phrase, ...searched.filter(standsAlone).map((w) => inFields(w, fields))].join(' OR ');
}
