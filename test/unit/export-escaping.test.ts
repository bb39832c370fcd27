import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/export/csv.js';
import { toExport } from '../../src/export/index.js';
import type { Subgraph } from '../../src/graphql/resolvers/subgraph.js';

const TEXT = 'first line\nsecond\tcolumn\r\nthird';
const graph: Subgraph = {
  truncated: false,
  nodes: [{ id: 'q1', label: 'Q1', type: 'Question', properties: { id: 'q1', subject: TEXT } }],
  edges: [],
};

describe('line breaks and tabs in XML exports', () => {
  it('GEXF writes them as character references in attribute values, which XML parsers would otherwise turn into spaces', () => {
    const body = toExport(graph, 'gexf').body;
    expect(body).toContain('value="first line&#10;second&#9;column&#13;&#10;third"');
    const $ = cheerio.load(body, { xml: true });
    const subjectId = $('attributes[class="node"] attribute[title="subject"]').attr('id');
    expect($(`node attvalue[for="${subjectId}"]`).attr('value')).toBe(TEXT);
  });
});

describe('CSV cells that a spreadsheet would run as a formula', () => {
  it('defuses every leading formula character OWASP lists', () => {
    for (const text of ['=1+1', '+1', '-1+cmd|x', '-A1', '@SUM(A1)', '\tx', '\rx'])
      expect(csvCell(text).replace(/^"|"$/g, '')).toBe(`'${text}`);
  });

  it('leaves plain negative numbers as they are', () => {
    expect(csvCell('-3')).toBe('-3');
    expect(csvCell('-3.25')).toBe('-3.25');
  });
});
