import { foldText } from './text-fold.js';

/** A word of a text with its character offsets. */
export interface Token {
  text: string;
  folded: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Splits a text into words (runs of letters and digits) with their offsets. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) out.push({ text: m[0], folded: foldText(m[0]), start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * The separator between two words, reduced so that spellings compare equal: white space is
 * dropped ("H. Dekker" and "H.Dekker" both give "."), a bare space stays " ", dashes become "-".
 */
export function normalizeSeparator(raw: string): string {
  const s = raw.replace(/\s+/g, '').replace(/[\u2010-\u2014]/g, '-').replace(/[\u2018\u2019]/g, "'");
  return s === '' ? ' ' : s;
}

/** The words and separators of a name, as a lookup key. */
export function formKey(tokens: string[], separators: string[]): string {
  return tokens.map((t, i) => (i === 0 ? t : `${separators[i - 1]}${t}`)).join('');
}
