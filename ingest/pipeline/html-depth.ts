import { ParseError, position } from './format.js';

/**
 * How deep an HTML page's elements may nest: Blink's HTML parser stops nesting at 512 as well. Past
 * some thousands of levels, cheerio's parsers overflow the stack, after a time that grows with the
 * square of the depth (100,000 nested <div> took 68 s to fail); a real news page nests well below 100.
 */
const MAX_HTML_DEPTH = 512;

/** Elements that never hold others: no end tag to wait for. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'basefont', 'bgsound', 'frame', 'keygen']);

/** Elements a sibling of their kind closes without an end tag (a <p> in a <p> starts the next one): left uncounted, so sloppy pages are not refused. */
const IMPLIED_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp', 'rtc']);

/** Elements whose content is text, not markup: skipped to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);

const NAME = /^<(\/?)([a-zA-Z][^\s/>]*)/;

/**
 * Refuses an HTML page whose elements nest deeper than MAX_HTML_DEPTH, naming the line and column,
 * in one linear pass over the text before any parser sees it (each step jumps to the next "<" or
 * ">" by indexOf, so no input makes it slow). An end tag closes what it names and every element
 * opened after it, as the parsers do; elements that close by themselves are not counted.
 */
export function checkHtmlDepth(text: string, url: string): void {
  const open: string[] = [];
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
    if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      if (end < 0) return;
      at = end + 2;
      continue;
    }
    const m = NAME.exec(text.slice(at, at + 256));
    if (!m) continue;
    const end = text.indexOf('>', at);
    if (end < 0) return;
    const name = m[2]!.toLowerCase();
    if (m[1]) {
      const i = open.lastIndexOf(name);
      if (i >= 0) open.length = i;
    } else if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}`, 'ig');
      close.lastIndex = end;
      const found = close.exec(text);
      if (!found) return;
      at = found.index;
      continue;
    } else if (text[end - 1] !== '/' && !VOID.has(name) && !IMPLIED_END.has(name)) {
      open.push(name);
      if (open.length > MAX_HTML_DEPTH)
        throw new ParseError(`${url}: HTML nested too deep: <${name}> would be element level ${open.length}, the limit is ${MAX_HTML_DEPTH} (refused as a possible denial of service)`, position(text, at));
    }
    at = end;
  }
}
