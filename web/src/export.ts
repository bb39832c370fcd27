import type cytoscape from 'cytoscape';
import { ApiError, send } from './api.js';
import { lookOf } from './kinds.js';
import { escapeXml } from '../../src/export/xml.js';

/** The API's export formats (`/export/<neighborhood|paths>.<format>`). */
export type ExportFormat = 'graphml' | 'gexf' | 'cytoscape.json' | 'nodes.csv' | 'edges.csv';

/** The API's export URL for the neighbourhood of a node in one format. */
function exportUrl(format: ExportFormat, id: string, depth: number, limit: number): string {
  const query = new URLSearchParams({ id, depth: String(depth), limit: String(limit) });
  return `/export/neighborhood.${format}?${query}`;
}

/** Fetches the neighbourhood of a node in one format, with the file name the API gives it; an error answer throws with its message. */
export async function fetchExport(format: ExportFormat, id: string, depth: number, limit: number): Promise<{ blob: Blob; name: string }> {
  const response = await send(exportUrl(format, id, depth, limit));
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new ApiError(body?.error ?? `the API answered ${response.status}`);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `neighborhood.${format}`;
  return { blob: await response.blob(), name };
}

/** Saves a blob under a file name through a temporary link. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A PNG of the whole view at twice the screen resolution. */
export function toPng(cy: cytoscape.Core): Blob {
  return cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
}


/** An SVG of the current positions: edges as lines with their type, nodes as coloured circles with their label. */
export function toSvg(cy: cytoscape.Core): string {
  const box = cy.elements().boundingBox({});
  const pad = 40;
  const [x0, y0] = [box.x1 - pad, box.y1 - pad];
  const [w, h] = [Math.max(box.w + 2 * pad, 1), Math.max(box.h + 2 * pad, 1)];
  const edges = cy.edges().map((e) => {
    const s = e.source().position();
    const t = e.target().position();
    const [mx, my] = [(s.x + t.x) / 2, (s.y + t.y) / 2];
    return `<line x1="${s.x}" y1="${s.y}" x2="${t.x}" y2="${t.y}" stroke="#9e9e9e" stroke-width="1.5" marker-end="url(#arrow)"/>` +
      `<text x="${mx}" y="${my}" font-size="8" fill="#444" text-anchor="middle">${escapeXml(String(e.data('caption') ?? e.data('type')))}</text>`;
  });
  const nodes = cy.nodes().map((n) => {
    const p = n.position();
    const colour = lookOf(String(n.data('type'))).colour;
    return `<g><title>${escapeXml(`${n.data('type')}: ${n.data('label')}`)}</title><circle cx="${p.x}" cy="${p.y}" r="13" fill="${colour}" stroke="#fff" stroke-width="2"/>` +
      `<text x="${p.x}" y="${p.y + 26}" font-size="11" fill="#1a1a1a" text-anchor="middle">${escapeXml(String(n.data('short') ?? n.data('label')))}</text></g>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x0} ${y0} ${w} ${h}" width="${w}" height="${h}" font-family="sans-serif">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="22" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#9e9e9e"/></marker></defs>',
    `<rect x="${x0}" y="${y0}" width="${w}" height="${h}" fill="#fff"/>`,
    ...edges,
    ...nodes,
    '</svg>',
  ].join('\n');
}
