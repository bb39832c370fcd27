import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../ingest/pipeline/format.js';
import { detectFormat } from '../../ingest/pipeline/registry.js';

const path = (name: string) => fileURLToPath(new URL(`../fixtures/koop/${name}`, import.meta.url));
const raw = (name: string) => ({ bytes: readFileSync(path(name)), url: path(name) });

function parseError(name: string): ParseError {
  const doc = raw(name);
  const format = detectFormat(doc);
  if (!format) throw new Error(`no format claims ${name}`);
  try {
    const result = format.parse(doc);
    throw new Error(`parsed without error: ${JSON.stringify(result.body).slice(0, 200)}`);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    return e;
  }
}

describe('bad KOOP input gets a clear ParseError naming the document', () => {
  it('detects each kind of KOOP document', () => {
    const names = ['kv-tk-2022Z04510.xml', 'kv-tk-2022Z04510.html', 'kv-tk-2022Z04510/metadata.xml', 'sru-search-sample.xml', 'motions/2023D48275.xml'];
    expect(names.map((n) => detectFormat(raw(n))?.name)).toEqual(['koop-xml', 'koop-html', 'koop-metadata', 'koop-sru', 'koop-xml']);
  });

  it('malformed XML: names the element and the position', () => {
    const e = parseError('bad/malformed.xml');
    expect(e.message).toContain('bad/malformed.xml');
    expect(e.message).toMatch(/malformed XML: <\/kamerstuk> closes <stuk>/);
    expect(e.where).toBe('line 5, column 3');
  });

  it('a truncated document is malformed, not a shorter one', () => {
    const doc = raw('motions/2023D48275.xml');
    const cut = { bytes: doc.bytes.subarray(0, doc.bytes.length - 200), url: 'test://truncated.xml' };
    expect(() => detectFormat(cut)!.parse(cut)).toThrow(/test:\/\/truncated\.xml: malformed XML/);
  });

  it('billion laughs: refused before any expansion, and nothing expanded leaks out', () => {
    const e = parseError('bad/billion-laughs.xml');
    expect(e.message).toMatch(/billion-laughs\.xml: DTD entity declarations are refused/);
    expect(e.message.length).toBeLessThan(300);
    expect(e.message).not.toContain('lollol');
  });

  it('an unknown publication type is named; a Kamerstuk that is not a motion is no longer one', () => {
    expect(parseError('bad/unknown-type.xml').message).toMatch(/unknown-type\.xml: unsupported publication type <staatscourant>/);
    const letter = readFileSync(path('motions/2025D17688.xml'), 'utf8').replace('content="Motie"', 'content="Brief regering"').replace('MOTIE VAN HET LID SARIS C.S.', 'BRIEF VAN DE MINISTER');
    const doc = { bytes: Buffer.from(letter), url: 'test://letter.xml' };
    const { nodes } = detectFormat(doc)!.parse(doc).body;
    expect(nodes.map((n) => n.label)).not.toContain('Motion');
    expect(nodes.find((n) => n.label === 'Document')).toMatchObject({ id: 'kst-36582-58', props: { kind: 'Brief regering', government: true } });
  });

  it('a Kamerstuk that cannot be placed (no dossier, no ondernummer) is named', () => {
    const bare = '<officiele-publicatie><kamerstuk><stuk><titel>BRIEF VAN DE MINISTER VAN FINANCIËN</titel><algemeen><al>Tekst.</al></algemeen></stuk></kamerstuk></officiele-publicatie>';
    const doc = { bytes: Buffer.from(bare), url: 'test://bare-letter.xml' };
    expect(() => detectFormat(doc)!.parse(doc)).toThrow(/test:\/\/bare-letter\.xml: Kamerstuk without a dossier number and an ondernummer in its XML/);
  });

  it('an HTML page without the expected structure is named', () => {
    expect(parseError('bad/no-structure.html').message).toMatch(/no-structure\.html: HTML page without the expected structure/);
  });
});
