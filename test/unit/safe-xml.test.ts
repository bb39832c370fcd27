import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ParseError, type RawDocument } from '../../ingest/pipeline/format.js';
import { detectFormat, formatByName } from '../../ingest/pipeline/registry.js';
import { newsHtmlFormat } from '../../ingest/news/html-format.js';
import { loadHtml } from '../../ingest/pipeline/html.js';
import { loadXml } from '../../ingest/pipeline/safe-xml.js';
import { MAX_ELEMENT_DEPTH } from '../../ingest/pipeline/xml-well-formed.js';

const motion = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/koop/motions/${name}`, import.meta.url)), 'utf8');
const doc = (bytes: Buffer, url = 'test://variant.xml'): RawDocument => ({ bytes, url });
const parse = (d: RawDocument) => formatByName('koop-xml')!.parse(d).body;

function parseError(d: RawDocument): ParseError {
  try {
    detectFormat(d)!.parse(d);
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
  throw new Error('parsed without error');
}

/** "line L, column C" of a character index, counted as the parser counts. */
function at(text: string, index: number): string {
  const lines = text.slice(0, index).split('\n');
  return `line ${lines.length}, column ${lines.at(-1)!.length + 1}`;
}

// 2023D48275: <officiele-publicatie><kamerstuk><stuk><algemeen><vrije-tekst><tekst><al> puts a paragraph at level 7.
const BASE = motion('2023D48275.xml');
const PARAGRAPH = '<al>gehoord de beraadslaging,</al>';
const NADRUK = '<nadruk type="vet">';
const nested = (levels: number) =>
  BASE.replace(PARAGRAPH, `<al>${NADRUK.repeat(levels)}gehoord de beraadslaging,${'</nadruk>'.repeat(levels)}</al>`);

describe('element depth is bounded during the well-formedness check', () => {
  it('a real motion with one paragraph in 5,000 <nadruk> levels is refused, naming the line, column and limit', () => {
    const text = nested(5000);
    const e = parseError(doc(Buffer.from(text)));
    expect(e.message).toMatch(/test:\/\/variant\.xml: XML nested too deep: <nadruk> would be element level 257, the limit is 256/);
    // The paragraph's first <nadruk> is level 8, so level 257 is the 250th.
    expect(e.where).toBe(at(text, text.indexOf(NADRUK) + (MAX_ELEMENT_DEPTH + 1 - 8) * NADRUK.length));
  });

  it('a document nested exactly to the limit still parses (the parsers after the check keep their stack)', () => {
    const text = nested(MAX_ELEMENT_DEPTH - 7);
    const body = parse(doc(Buffer.from(text)));
    expect(body.nodes.find((n) => n.label === 'Motion')?.props.text).toContain('gehoord de beraadslaging,');
    const deepTitle = BASE.replace(
      '<titel>MOTIE',
      `<titel>${'<nadruk>'.repeat(MAX_ELEMENT_DEPTH - 4)}x${'</nadruk>'.repeat(MAX_ELEMENT_DEPTH - 4)}MOTIE`,
    );
    expect(() => parse(doc(Buffer.from(deepTitle)))).not.toThrow();
    expect(() => parse(doc(Buffer.from(nested(MAX_ELEMENT_DEPTH - 6))))).toThrow(/the limit is 256/);
  });
});

describe('the declared encoding is honoured', () => {
  const original = parse(doc(Buffer.from(BASE)));

  it('an ISO-8859-1 motion with its declaration and Latin-1 bytes reads as the UTF-8 one ("nutriënten")', () => {
    const latin1 = Buffer.from(BASE.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1');
    expect(latin1.includes(Buffer.from('nutri\xebnten', 'latin1'))).toBe(true);
    const d = doc(latin1);
    expect(detectFormat(d)!.parse(d).body).toEqual(original);
  });

  it('a windows-1252 motion decodes its 0x80–0x9F bytes (the en dash 0x96)', () => {
    const text = motion('2025D18355.xml');
    const declared = text.replace('encoding="UTF-8"', 'encoding="windows-1252"');
    const bytes = Buffer.from([...declared].map((c) => (c === '–' ? 0x96 : c.charCodeAt(0))));
    expect(bytes.includes(0x96)).toBe(true);
    expect(parse(doc(bytes))).toEqual(parse(doc(Buffer.from(text))));
  });

  it('UTF-16 with a byte order mark, little and big endian', () => {
    const text = `\uFEFF${BASE.replace('encoding="UTF-8"', 'encoding="UTF-16"')}`;
    const le = Buffer.from(text, 'utf16le');
    expect(parse(doc(le))).toEqual(original);
    expect(parse(doc(Buffer.from(le).swap16()))).toEqual(original);
  });

  it('an unknown declared encoding is refused, naming it', () => {
    const e = parseError(doc(Buffer.from(BASE.replace('encoding="UTF-8"', 'encoding="EBCDIC-NL"'))));
    expect(e.message).toBe('test://variant.xml: unsupported encoding "EBCDIC-NL" in the XML declaration');
    expect(e.where).toBe('line 1, column 31');
  });

  it('Latin-1 bytes declared as (or defaulting to) UTF-8 are refused at the first bad byte, not replaced', () => {
    const bytes = Buffer.from(BASE, 'latin1');
    const e = parseError(doc(bytes));
    expect(e.message).toBe("test://variant.xml: bytes that are not valid utf-8 (declare the document's real encoding)");
    // The first byte above 0x7F is a no-break space (0xA0) in the <datumtekst>.
    expect(e.where).toBe(at(BASE, BASE.search(/[^\p{ASCII}]/u)));
    const undeclared = BASE.replace(/^<\?xml[^>]*\?>/, '');
    expect(parseError(doc(Buffer.from(undeclared, 'latin1'))).where).toBe(at(undeclared, undeclared.search(/[^\p{ASCII}]/u)));
  });

  it('a U+FFFD written in the document is kept; the bad byte after it is the one named', () => {
    const text = BASE.replace('De Kamer,', 'De Kamer \uFFFD,');
    expect(parse(doc(Buffer.from(text))).nodes.find((n) => n.label === 'Motion')?.props.text).toContain('De Kamer \uFFFD,');
    const bytes = Buffer.concat([
      Buffer.from(text.slice(0, text.indexOf('nutriënten'))),
      Buffer.from(text.slice(text.indexOf('nutriënten')), 'latin1'),
    ]);
    expect(parseError(doc(bytes)).where).toBe(at(text, text.indexOf('ë')));
  });

  it('a declaration that contradicts the byte order mark, or UTF-16 without one, is refused', () => {
    const bom8 = Buffer.from(`\uFEFF${BASE.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')}`);
    expect(parseError(doc(bom8)).message).toMatch(/names ISO-8859-1 but the byte order mark is utf-8/);
    expect(() => parse(doc(Buffer.from(BASE.replace('encoding="UTF-8"', 'encoding="UTF-16"'))))).toThrow(
      /names UTF-16 but there is no byte order mark/,
    );
    expect(() => parse(doc(Buffer.from(BASE, 'utf16le')))).toThrow(/UTF-16 or UTF-32 without a byte order mark/);
  });
});

describe('only a real DTD entity declaration is refused', () => {
  it('"<!ENTITY" in a comment or a CDATA section is content', () => {
    const text = BASE.replace(
      '<al>De Kamer,</al>',
      '<!-- <!ENTITY lol "lol"> --><al>De Kamer, <![CDATA[<!ENTITY x SYSTEM "file:///etc/passwd">]]></al>',
    );
    const m = parse(doc(Buffer.from(text))).nodes.find((n) => n.label === 'Motion');
    expect(m?.props.text).toContain('De Kamer, <!ENTITY x SYSTEM "file:///etc/passwd">');
  });

  const refused = (dtd: string, where?: string) => {
    const text = BASE.replace('<officiele-publicatie ', `${dtd}\n<officiele-publicatie `);
    const e = parseError(doc(Buffer.from(text)));
    expect(e.message).toBe('test://variant.xml: DTD entity declarations are refused (possible entity expansion attack)');
    if (where) expect(e.where).toBe(where);
  };

  it('external entities (XXE) and parameter entities are still refused, with their position', () => {
    refused('<!DOCTYPE officiele-publicatie [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>', 'line 3, column 3');
    refused('<!DOCTYPE officiele-publicatie [<!ENTITY % dtd SYSTEM "http://example.org/x.dtd"> %dtd;]>', 'line 2, column 33');
    refused('<!DOCTYPE officiele-publicatie SYSTEM "x.dtd" [<!-- <!ENTITY a "b"> -->]>');
  });

  it('an entity declaration cannot hide behind a "]>" in a literal or a comment that the DTD opens', () => {
    refused('<!DOCTYPE officiele-publicatie [<!ATTLIST al x CDATA "]><!--"> <!ENTITY b "c"> <!-- --> ]>');
    refused('<!DOCTYPE officiele-publicatie [<!ENTITY a "b"');
    refused('<!-- x --><!ENTITY a "b">');
    refused('<?pi <!ENTITY a "b"> ?>');
  });

  it('an external DTD is never read: its entities stay unexpanded', () => {
    const text = BASE.replace(
      '<officiele-publicatie ',
      '<!DOCTYPE officiele-publicatie SYSTEM "file:///etc/passwd">\n<officiele-publicatie ',
    ).replace('De Kamer,', 'De Kamer &xxe;');
    expect(
      loadXml(doc(Buffer.from(text)))('al')
        .first()
        .text(),
    ).toBe('De Kamer &xxe;');
  });
});

describe('HTML publications (the KOOP HTML fallback)', () => {
  it('refuses a page that declares an entity, KOOP page and news article alike, naming the document', () => {
    const page = '<!DOCTYPE html [<!ENTITY big "0123456789">]><html><head><meta property="og:type" content="article"><title>&big;</title></head><body></body></html>';
    expect(() => loadHtml({ bytes: Buffer.from(page), url: 'test://kv.html' })).toThrow(/^test:\/\/kv\.html: DTD entity declarations are refused/);
    expect(() => newsHtmlFormat.parse({ bytes: Buffer.from(page), url: 'https://news.example/a' })).toThrow(/^https:\/\/news\.example\/a: DTD entity declarations are refused/);
  });

  it('bounds the nesting before the parser sees the page, as for news pages', () => {
    const page = (n: number) => `<html><body><div class="vraag">${'<span>'.repeat(n)}Vraag 1${'</span>'.repeat(n)}</div></body></html>`;
    expect(() => loadHtml({ bytes: Buffer.from(page(50_000)), url: 'test://kv.html' })).toThrow(/^test:\/\/kv\.html: HTML nested too deep: <span> would be element level 513/);
    expect(loadHtml({ bytes: Buffer.from(page(500)), url: 'test://kv.html' })('.vraag').text()).toBe('Vraag 1');
  });
});

describe('a byte order mark decides how the start of a document is read when its format is told', () => {
  const fixture = (path: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)));
  const utf16 = (text: string, bigEndian: boolean) => {
    const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
    return bigEndian ? Buffer.from(le).swap16() : le;
  };

  it('a UTF-16 KOOP publication is recognised without --format, XML and HTML alike', () => {
    const xml = BASE.replace('encoding="UTF-8"', 'encoding="UTF-16"');
    for (const bigEndian of [false, true]) {
      const d = doc(utf16(xml, bigEndian));
      expect(detectFormat(d)?.name).toBe('koop-xml');
      expect(detectFormat(d)!.parse(d).body).toEqual(parse(doc(Buffer.from(BASE))));
    }
    const html = fixture('koop/kv-tk-2022Z04510.html');
    const plain = doc(html, 'test://kv-tk-2022Z04510.html');
    const wide = doc(utf16(html.toString('utf8'), false), 'test://kv-tk-2022Z04510.html');
    expect(detectFormat(wide)?.name).toBe(detectFormat(plain)!.name);
    expect(detectFormat(wide)!.parse(wide).body).toEqual(detectFormat(plain)!.parse(plain).body);
  });

  it('an OData page saved with a UTF-8 byte order mark is recognised and read as without it', () => {
    const page = fixture('tk/odata/fractie_page_1.json');
    const marked = doc(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), page]), 'test://fractie_page_1.json');
    expect(detectFormat(marked)?.name).toBe('tk-odata');
    const plain = doc(page, 'test://fractie_page_1.json');
    expect(detectFormat(marked)!.parse(marked)).toEqual(detectFormat(plain)!.parse(plain));
  });
});
