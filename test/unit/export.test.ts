import cytoscape from 'cytoscape';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { toExport, withSourceUrls } from '../../src/export/index.js';
import { csvCell } from '../../src/export/csv.js';
import type { Subgraph } from '../../src/graphql/resolvers/subgraph.js';

const graph: Subgraph = {
  truncated: false,
  nodes: [
    { id: 'f-d66', label: 'D66', type: 'Party', properties: { id: 'f-d66', abbreviation: 'D66', sources: ['s1'], firstSeen: '2024-01-01' } },
    { id: 'p<&>"', label: 'Name, with "quotes"\nand a line', type: 'Person', properties: { id: 'p<&>"', name: '=HYPERLINK("x")', sources: ['s1', 's2'] } },
  ],
  edges: [{ id: 'MEMBER_OF:p<&>"->f-d66', type: 'MEMBER_OF', source: 'p<&>"', target: 'f-d66', properties: { from: '2021-03-31', sources: ['s2'], key: '' } }],
};

const withUrls = () => withSourceUrls(graph, async (ids) => new Map(ids.map((id) => [id, `https://example.org/${id}`])));

describe('exports of a subgraph', () => {
  it('writes GraphML that parses as XML with every node, edge and provenance column', async () => {
    const { body, contentType } = toExport(await withUrls(), 'graphml');
    expect(contentType).toMatch(/graphml/);
    const $ = cheerio.load(body, { xml: true });
    expect($('node').length).toBe(2);
    expect($('edge').attr('source')).toBe('p<&>"');
    expect($('key[attr\\.name="sourceUrls"][for="edge"]').length).toBe(1);
    const keyId = $('key[attr\\.name="sourceUrls"][for="node"]').attr('id');
    expect($(`node[id="p<&>\\""] data[key="${keyId}"]`).text()).toBe('https://example.org/s1; https://example.org/s2');
  });

  it('writes GEXF with attributes declared and used', async () => {
    const $ = cheerio.load(toExport(await withUrls(), 'gexf').body, { xml: true });
    expect($('gexf').attr('version')).toBe('1.3');
    expect($('nodes > node').length).toBe(2);
    const sourcesId = $('attributes[class="edge"] attribute[title="sources"]').attr('id');
    expect($(`edge attvalue[for="${sourcesId}"]`).attr('value')).toBe('s2');
  });

  it('writes Cytoscape JSON that cytoscape loads', async () => {
    const cy = cytoscape({ headless: true, elements: JSON.parse(toExport(await withUrls(), 'cytoscape.json').body).elements });
    expect(cy.nodes().length).toBe(2);
    expect(cy.edges()[0]!.data('sourceUrls')).toEqual(['https://example.org/s2']);
    expect(cy.getElementById('f-d66').degree(false)).toBe(1);
  });

  it('writes CSV nodes and edges with quoting and defused formulas', async () => {
    const g = await withUrls();
    const nodes = toExport(g, 'nodes.csv').body.split('\r\n');
    // A byte order mark first: spreadsheets read the file as UTF-8, not in the system's code page.
    expect(nodes[0]).toBe('\uFEFFid,type,label,firstSeen,lastSeen,sources,sourceUrls,abbreviation,name');
    expect(toExport(g, 'nodes.csv').body).toContain(`"Name, with ""quotes""\nand a line"`);
    expect(toExport(g, 'nodes.csv').body).toContain(`"'=HYPERLINK(""x"")"`);
    expect(toExport(g, 'edges.csv').body.split('\r\n')[1]).toBe('"MEMBER_OF:p<&>""->f-d66",p<&>",f-d66,MEMBER_OF,,,s2,https://example.org/s2,from'.replace(',from', ',2021-03-31').replace('p<&>",', '"p<&>""",'));
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-3')).toBe('-3');
  });

  /** A registry ownership (its evidence as the property `source`), a vote, and a node property `parent`. */
  const clashing: Subgraph = {
    truncated: true,
    nodes: [
      { id: 'cetc', label: 'CETC', type: 'Company', properties: { id: 'cetc', parent: 'x', founded: 1957, listed: true } },
      { id: 'hikvision', label: 'Hikvision', type: 'Company', properties: { id: 'hikvision', founded: 2001, listed: false } },
    ],
    edges: [
      { id: 'OWNS:cetc->hikvision', type: 'OWNS', source: 'cetc', target: 'hikvision', properties: { source: 'https://example.org/evidence', share: 0.42, sources: ['s1'] } },
      { id: 'MENTIONS:cetc->hikvision', type: 'MENTIONS', source: 'cetc', target: 'hikvision', properties: { confidence: 1, sources: ['s2'] } },
    ],
  };

  it('keeps a property named as a column of the format under property_<name>, in every format', () => {
    const $ = cheerio.load(toExport(clashing, 'graphml').body, { xml: true });
    const evidence = $('key[attr\\.name="property_source"][for="edge"]').attr('id');
    expect($(`edge[id="OWNS:cetc->hikvision"] data[key="${evidence}"]`).text()).toBe('https://example.org/evidence');
    expect($('edge[id="OWNS:cetc->hikvision"]').attr('source')).toBe('cetc');
    expect(toExport(clashing, 'edges.csv').body.split('\r\n')[0]).toContain(',property_source,');
    expect(toExport(clashing, 'edges.csv').body).toContain('https://example.org/evidence');
    // Cytoscape would make a node with `parent` a compound's child, and an edge's `source` its start.
    const cy = cytoscape({ headless: true, elements: JSON.parse(toExport(clashing, 'cytoscape.json').body).elements });
    expect(cy.getElementById('cetc').isChild()).toBe(false);
    expect(cy.getElementById('cetc').data('property_parent')).toBe('x');
    expect(cy.getElementById('OWNS:cetc->hikvision').data('property_source')).toBe('https://example.org/evidence');
  });

  it('types GraphML and GEXF columns by their values, gives GEXF edges their kind, and says when the subgraph was cut', () => {
    const $ = cheerio.load(toExport(clashing, 'graphml').body, { xml: true });
    const typeOf = (name: string, forWhat: string) => $(`key[attr\\.name="${name}"][for="${forWhat}"]`).attr('attr.type');
    // Whole or not, numbers are doubles: the driver gives a stored 1.0 as 1, and one property must have one type in every file.
    expect([typeOf('founded', 'node'), typeOf('listed', 'node'), typeOf('share', 'edge'), typeOf('confidence', 'edge'), typeOf('sources', 'edge')]).toEqual(['double', 'boolean', 'double', 'double', 'string']);
    expect($('graph > data[key="g_truncated"]').text()).toBe('true');
    expect(cheerio.load(toExport(graph, 'graphml').body, { xml: true })('graph > data[key="g_truncated"]').text()).toBe('false');
    const gexf = cheerio.load(toExport(clashing, 'gexf').body, { xml: true });
    expect(gexf('attributes[class="node"] attribute[title="founded"]').attr('type')).toBe('double');
    expect(gexf('edges > edge').map((_, e) => gexf(e).attr('kind')).get()).toEqual(['OWNS', 'MENTIONS']);
    expect(gexf('meta description').text()).toMatch(/^Cut at its size limit/);
    expect(cheerio.load(toExport(graph, 'gexf').body, { xml: true })('meta description').length).toBe(0);
  });
});
