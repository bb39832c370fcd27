import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../ingest/pipeline/format.js';
import { tkODataFormat } from '../../ingest/tweedekamer/odata-format.js';
import { tkSyncFeedFormat } from '../../ingest/tweedekamer/syncfeed-format.js';
import { parseFixture } from '../fixtures/tk/fixtures.js';

const nodeOf = (result: ReturnType<typeof parseFixture>, id: string) => result.body.nodes.find((n) => n.id === id);
const feed = (xml: string) => tkSyncFeedFormat.parse({ bytes: Buffer.from(xml), url: 'feed.xml' });

describe('tk-syncfeed gives the same graph as tk-odata', () => {
  it('maps the Zaak 2022Z04510 entry to the identical Question node', () => {
    const sync = parseFixture(tkSyncFeedFormat, 'syncfeed/zaak.xml');
    const odata = parseFixture(tkODataFormat, 'odata/zaak_page_260.json.gz');
    const id = '65c74760-dec5-43ae-a544-1f994a6154a9';
    expect(nodeOf(sync, id)).toBeDefined();
    expect(nodeOf(sync, id)).toEqual(nodeOf(odata, id));
    expect(sync.next).toBe('https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/Feed?skiptoken=20127222&category=Zaak');
    expect(sync.records).toBe(2);
  });

  it('maps Persoon and Document entries to the identical nodes, deletions to the same tombstones', () => {
    const person = parseFixture(tkSyncFeedFormat, 'syncfeed/persoon.xml').body.nodes[0]!;
    expect(person.props.surname).toBe('van Vroonhoven');
    expect(person).toEqual(nodeOf(parseFixture(tkODataFormat, 'odata/active_members_detailed.json.gz'), person.id));
    const docs = parseFixture(tkSyncFeedFormat, 'syncfeed/document.xml');
    const odataDocs = parseFixture(tkODataFormat, 'odata/document_page_126.json.gz');
    for (const node of docs.body.nodes) expect(node).toEqual(nodeOf(odataDocs, node.id));
    expect(docs.body.nodes.map((n) => n.label).sort()).toEqual(['Answer', 'Postponement']);
    const gone = docs.body.tombstones[0]!;
    expect(gone.id).toBe('8c301383-8984-411f-b955-af4d99e50356');
    expect(odataDocs.body.tombstones).toContainEqual(gone);
  });

  it('keeps a decision the same apart from the case ids its refs name', () => {
    const sync = parseFixture(tkSyncFeedFormat, 'syncfeed/besluit.xml');
    const odata = parseFixture(tkODataFormat, 'odata/comprehensive_motion_93c64c34_20251002_192415.json.gz');
    const id = '93c64c34-fc1e-4de5-b812-66f5226cacde';
    const { caseIds, ...rest } = nodeOf(sync, id)!.props;
    expect(caseIds).toEqual(['0c9d200e-5da2-4ca5-af76-f7143d3676cc']);
    expect({ ...nodeOf(sync, id)!, props: rest }).toEqual(nodeOf(odata, id));
  });
});

describe('tk-syncfeed on bad input', () => {
  const NS = 'xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0" xmlns:tk="http://www.tweedekamer.nl/xsd/tkData/v1-0"';

  it('refuses XML that is not a feed and documents with a DOCTYPE', () => {
    expect(() => feed('<html><body>no</body></html>')).toThrow(/not an Atom feed/);
    expect(() => feed('<!DOCTYPE feed [<!ENTITY x "boom">]><feed xmlns="http://www.w3.org/2005/Atom"></feed>')).toThrow(ParseError);
  });

  it('refuses a truncated page instead of reading it as a shorter one', () => {
    const whole = parseFixture(tkSyncFeedFormat, 'syncfeed/document.xml');
    expect(whole.body.nodes.length).toBeGreaterThan(0);
    const text = readFileSync(new URL('../fixtures/tk/syncfeed/document.xml', import.meta.url), 'utf8');
    const cut = text.slice(0, text.lastIndexOf('</entry>'));
    expect(() => feed(cut)).toThrow(ParseError);
    expect(() => feed(cut)).toThrow(/malformed XML: <\S+> is never closed/);
  });

  it('rejects an entry without an entity or without an id, and reads the rest', () => {
    const result = feed(`<feed xmlns="http://www.w3.org/2005/Atom">
      <entry><content type="application/xml"></content></entry>
      <entry><content type="application/xml"><stemming ${NS} tk:bijgewerkt="2025-01-01T10:00:00" tk:verwijderd="false"><soort>Voor</soort></stemming></content></entry>
      <entry><content type="application/xml"><stemming ${NS} id="s1" tk:bijgewerkt="2025-01-01T10:00:00" tk:verwijderd="false"><besluit ref="b1"/><fractie ref="f1"/><soort>Tegen</soort><fractieGrootte>9</fractieGrootte><vergissing>false</vergissing></stemming></content></entry>
    </feed>`);
    expect(result.rejected).toEqual([
      { where: 'entry 2', reason: 'no Id (Stemming)' },
      { where: 'entry 1', reason: 'entry without an entity' },
    ]);
    expect(result.body.edges).toEqual([
      {
        type: 'VOTED',
        from: { label: 'Party', key: 'id', value: 'f1' },
        to: { label: 'Decision', key: 'id', value: 'b1' },
        key: 's1',
        props: { choice: 'against', rawChoice: 'Tegen', seats: 9, mistaken: false },
        // The row's tk:bijgewerkt: the vote is a record of its own.
        version: '2025-01-01T10:00:00.000Z',
        record: 's1',
      },
    ]);
  });

  it('does not expand entities and detects only Tweede Kamer feeds', () => {
    const result = feed(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="application/xml"><fractie ${NS} id="f1" tk:bijgewerkt="2025-01-01T10:00:00" tk:verwijderd="false"><afkorting>A&amp;B &#38; &foo;</afkorting></fractie></content></entry></feed>`);
    expect(result.body.nodes[0]!.props.abbreviation).toBe('A&B & &foo;');
    const detect = (s: string) => tkSyncFeedFormat.detect({ bytes: Buffer.from(s), url: 'x' }, s);
    expect(detect(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><content><zaak ${NS}/></content></entry></feed>`)).toBe(true);
    expect(detect('<feed xmlns="http://www.w3.org/2005/Atom"><title>blog</title></feed>')).toBe(false);
  });
});
