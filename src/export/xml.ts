/** Characters XML 1.0 cannot carry (it allows tab, line feed and carriage return of the controls). */
// eslint-disable-next-line no-control-regex -- the allowed control characters are the point of this pattern
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Escapes text for XML content and attributes, dropping characters XML 1.0 cannot carry. Tab, line
 * feed and carriage return are written as character references: a parser turns them into spaces
 * in an attribute value (GEXF keeps every value there) and a carriage return into a line feed in
 * content; as references they survive both.
 */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
