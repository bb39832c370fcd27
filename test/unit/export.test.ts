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
    expect(nodes[0]).toBe('id,type,label,firstSeen,lastSeen,sources,sourceUrls,abbreviation,name');
    expect(toExport(g, 'nodes.csv').body).toContain(`"Name, with ""quotes""\nand a line"`);
    expect(toExport(g, 'nodes.csv').body).toContain(`"'=HYPERLINK(""x"")"`);
    expect(toExport(g, 'edges.csv').body.split('\r\n')[1]).toBe('"MEMBER_OF:p<&>""->f-d66",p<&>",f-d66,MEMBER_OF,,,s2,https://example.org/s2,from'.replace(',from', ',2021-03-31').replace('p<&>",', '"p<&>""",'));
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-3')).toBe('-3');
  });
});
