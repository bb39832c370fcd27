/** Folds a word for comparison: lower case, no diacritics ("Yeşilgöz" → "yesilgoz"), one kind of apostrophe. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u00b4`]/g, "'")
    .replace(/[\u2010-\u2014]/g, '-')
    .toLowerCase();
}

/** Whether a string has at least one letter and no lower-case letter. */
export function isAllCaps(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/** Whether the first letter of a word is upper case. */
export function startsUpper(word: string): boolean {
  const first = [...word].find((c) => /\p{L}/u.test(c));
  return first !== undefined && /\p{Lu}/u.test(first);
}
