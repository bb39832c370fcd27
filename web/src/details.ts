import type { GraphEdge, GraphNode } from './api.js';
import { fill, h } from './dom.js';
import { documentLinks, safeUrl } from './links.js';
import { lookOf } from './kinds.js';
import { sourceById } from './source-catalogue.js';

/** Provenance properties the writer stamps; shown apart from the node's own facts. */
const PROVENANCE = new Set(['sources', 'firstSeen', 'lastSeen', 'version', 'provisional', 'stub', 'deleted']);

/** Renders the details panel of one node: facts, publications, and every edge shown with its sources. */
export function renderDetails(panel: HTMLElement, node: GraphNode, edges: GraphEdge[], nameOf: (id: string) => GraphNode | undefined): void {
  const look = lookOf(node.type);
  const facts = Object.entries(node.properties).filter(([k, v]) => !PROVENANCE.has(k) && v !== null && v !== '');
  const documents = [node, ...edges.map((e) => nameOf(e.source === node.id ? e.target : e.source)).filter((n): n is GraphNode => !!n)]
    .flatMap((n) => documentLinks(n).map((link) => ({ ...link, type: n.type })));
  fill(
    panel,
    h('h2', { id: 'details-title' }, node.label || node.id),
    h('p', { class: 'badge', style: `background:${look.colour}` }, node.type),
    h('h3', {}, 'Properties'),
    h('dl', { class: 'props', 'aria-label': 'Properties' }, ...facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, formatValue(v))])),
    h('h3', {}, 'Documents'),
    documents.length
      ? h('ul', { class: 'docs', 'aria-label': 'Documents' }, ...unique(documents).map((d) => h('li', {}, h('span', { class: 'small' }, `${d.type}: `), h('a', { href: d.href, target: '_blank', rel: 'noopener noreferrer' }, d.text))))
      : h('p', { class: 'muted' }, 'No publications linked.'),
    h('h3', {}, `Connections shown (${edges.length})`),
    h('ul', { class: 'edges', 'aria-label': 'Connections and their sources' }, ...edges.map((e) => edgeItem(e, node, nameOf))),
    h('h3', {}, 'Provenance of this node'),
    sourcesBlock(node.properties.sources, node.properties.firstSeen, node.properties.lastSeen),
  );
}

function edgeItem(e: GraphEdge, node: GraphNode, nameOf: (id: string) => GraphNode | undefined): HTMLElement {
  const outgoing = e.source === node.id;
  const other = nameOf(outgoing ? e.target : e.source);
  const extra = Object.entries(e.properties).filter(([k, v]) => !PROVENANCE.has(k) && v !== null && v !== '');
  return h(
    'li',
    {},
    h('strong', {}, outgoing ? `${e.type} →` : `← ${e.type}`),
    ' ',
    other ? `${other.label} (${other.type})` : outgoing ? e.target : e.source,
    extra.length ? h('span', { class: 'small' }, ` · ${extra.map(([k, v]) => `${k}: ${formatValue(v)}`).join(', ')}`) : null,
    sourcesBlock(e.properties.sources, e.properties.firstSeen, e.properties.lastSeen),
  );
}

/** Sources are Source ids (sha256 of the raw document) or, when the API resolves them, objects with a URL. */
function sourcesBlock(sources: unknown, firstSeen: unknown, lastSeen: unknown): HTMLElement {
  const list = Array.isArray(sources) ? sources : sources ? [sources] : [];
  if (!list.length) return h('p', { class: 'small muted' }, 'Sources: none recorded');
  const items = list.map((s) => {
    const id = typeof s === 'object' && s ? String((s as { id?: unknown }).id ?? '') : String(s);
    const known = sourceById(id);
    const url = safeUrl(typeof s === 'object' && s ? (s as { url?: unknown }).url : known?.url) ?? safeUrl(s);
    const tail = known ? ` (${[known.parser, known.fetchedAt].filter(Boolean).join(', ')})` : '';
    return h('li', {}, url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', title: id }, url) : h('code', { title: id }, id.length > 16 ? `${id.slice(0, 12)}…` : id), tail);
  });
  const seen = [firstSeen && `first seen ${formatValue(firstSeen)}`, lastSeen && lastSeen !== firstSeen && `last seen ${formatValue(lastSeen)}`].filter(Boolean).join(', ');
  return h('div', { class: 'sources small' }, `Sources${seen ? ` (${seen})` : ''}:`, h('ul', {}, ...items));
}

function unique<T extends { href: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.href) && seen.add(i.href));
}

/** Formats a property value for reading: lists joined, ISO dates kept as they are. */
export function formatValue(v: unknown): string {
  if (Array.isArray(v)) return v.map((x) => formatValue(x)).join(', ');
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  return String(v);
}
