import { ParseError, position } from './format.js';

/**
 * The deepest element nesting accepted. The corpus (747 KOOP motions, SRU) nests at most 10 levels and
 * libxml2 refuses beyond 256 by default. Past the check the cost grows with depth: htmlparser2 keeps its
 * open elements with Array.unshift (time quadratic in depth: 100,000 levels took 6 s) and domutils'
 * textContent recurses three frames per level (the stack ran out near 2,500 levels), so the bound
 * also keeps every parser after the check far from the end of the stack.
 */
export const MAX_ELEMENT_DEPTH = 256;

const LITERAL = `(?:"[^"]*"|'[^']*')`;
const TOKEN = new RegExp(
  `<(\\/?)([A-Za-z_][\\w.:-]*)(?:\\s+[^\\s=/>]+\\s*=\\s*${LITERAL})*\\s*(\\/?)>|<!--[\\s\\S]*?-->|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|<\\?[\\s\\S]*?\\?>|<!DOCTYPE\\b|<`,
  'g',
);
const DOCTYPE_HEAD = new RegExp(`<!DOCTYPE\\s+[^\\s[>]+(?:\\s+(?:SYSTEM\\s+${LITERAL}|PUBLIC\\s+${LITERAL}\\s+${LITERAL}))?\\s*`, 'y');
// One item of a DTD internal subset: white space, a parameter-entity reference, a comment, a processing
// instruction or a markup declaration, whose quoted literals may hold ">" and "]".
const SUBSET_ITEM = new RegExp(`\\s+|%[^;\\s]+;|<!--[\\s\\S]*?-->|<\\?[\\s\\S]*?\\?>|<![A-Z]+(?:[^"'>]|${LITERAL})*>`, 'y');
const SUBSET_END = /\]\s*>/y;
const ENTITY = /<!ENTITY/i;

/** Refuses a document holding a DTD entity declaration at `at`. */
export function refuseEntity(text: string, url: string, at: number): never {
  throw new ParseError(`${url}: DTD entity declarations are refused (possible entity expansion attack)`, position(text, at));
}

/** Refuses a token holding "<!ENTITY" (a declaration, or one hidden where no XML may hold it). */
function refuseEntityIn(token: string, text: string, url: string, start: number): void {
  const entity = ENTITY.exec(token);
  if (entity) refuseEntity(text, url, start + entity.index);
}

/**
 * The end of the DOCTYPE declaration starting at `start`. The internal subset is read by the XML grammar
 * (quoted literals, comments), so a "]>" inside a literal cannot end it early and hide what follows.
 */
function readDoctype(text: string, url: string, start: number): number {
  const unreadable = (at: number): never => {
    refuseEntityIn(text.slice(start), text, url, start);
    throw new ParseError(`${url}: malformed XML: unreadable <!DOCTYPE> declaration`, position(text, at));
  };
  DOCTYPE_HEAD.lastIndex = start;
  if (!DOCTYPE_HEAD.test(text)) unreadable(start);
  let at = DOCTYPE_HEAD.lastIndex;
  if (text[at] === '>') return at + 1;
  if (text[at] !== '[') unreadable(at);
  for (at += 1; ; at = SUBSET_ITEM.lastIndex) {
    SUBSET_END.lastIndex = at;
    if (SUBSET_END.test(text)) break;
    SUBSET_ITEM.lastIndex = at;
    if (!SUBSET_ITEM.test(text)) unreadable(at);
  }
  // Refused wherever it stands in the DTD, even in a comment there, as before.
  refuseEntityIn(text.slice(start, SUBSET_END.lastIndex), text, url, start);
  return SUBSET_END.lastIndex;
}

/**
 * Checks that the XML is well formed enough to trust: every element closed in order, one root, elements
 * nested at most MAX_ELEMENT_DEPTH deep, no DTD entity declarations (entity expansion attacks, XXE).
 * htmlparser2 silently repairs broken markup, so without this a truncated file would parse as a shorter one.
 * Comments and CDATA sections are content: "<!ENTITY" written there declares nothing.
 */
export function checkWellFormed(text: string, url: string): void {
  const open: string[] = [];
  let roots = 0;
  const token = new RegExp(TOKEN);
  for (let m = token.exec(text); m; m = token.exec(text)) {
    const [whole, closing, name, selfClosing] = m;
    if (name === undefined) {
      if (whole === '<!DOCTYPE') token.lastIndex = readDoctype(text, url, m.index);
      else if (whole === '<') {
        if (ENTITY.test(text.slice(m.index, m.index + 8))) refuseEntity(text, url, m.index);
        throw new ParseError(`${url}: malformed XML: stray "<"`, position(text, m.index));
      } else if (whole.startsWith('<?')) refuseEntityIn(whole, text, url, m.index);
      continue;
    }
    refuseEntityIn(whole, text, url, m.index);
    if (closing) {
      const last = open.pop();
      if (last !== name)
        throw new ParseError(`${url}: malformed XML: </${name}> closes ${last ? `<${last}>` : 'nothing'}`, position(text, m.index));
      continue;
    }
    if (open.length === 0) roots += 1;
    if (selfClosing) continue;
    if (open.length === MAX_ELEMENT_DEPTH)
      throw new ParseError(
        `${url}: XML nested too deep: <${name}> would be element level ${MAX_ELEMENT_DEPTH + 1}, the limit is ${MAX_ELEMENT_DEPTH} (refused as a possible denial of service)`,
        position(text, m.index),
      );
    open.push(name);
  }
  if (open.length > 0) throw new ParseError(`${url}: malformed XML: <${open.at(-1)}> is never closed`, position(text, text.length));
  if (roots !== 1) throw new ParseError(`${url}: malformed XML: expected one root element, found ${roots}`);
}
