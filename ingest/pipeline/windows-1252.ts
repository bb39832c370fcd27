/**
 * WHATWG index-windows-1252 for 0x80–0x9F. Node 20.18.3 and later decode windows-1252 (and so the
 * labels ISO-8859-1, Latin-1, US-ASCII) as Latin-1 there (nodejs/node#60888), turning "–" (0x96)
 * and "€" (0x80) into C1 controls.
 */
const C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Text a TextDecoder of `encoding` gave, with windows-1252's characters at 0x80–0x9F where it left C1 controls. */
export function fixWindows1252(text: string, encoding: string): string {
  return encoding === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, (c) => C1[c.charCodeAt(0) - 0x80]!) : text;
}
