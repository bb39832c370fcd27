import { isStandIn, type GraphEdge, type GraphNode } from './api.js';
import { fill, h } from './dom.js';
import { documentLinks, safeUrl, sourceName } from './links.js';
import { lookOf } from './kinds.js';
import { sourceById } from './source-catalogue.js';
import { clip, formatValue, renderValue } from './values.js';

/** Provenance properties the writer stamps; shown apart from the node's own facts. */
const PROVENANCE = new Set(['sources', 'firstSeen', 'lastSeen', 'version', 'provisional', 'stub', 'deleted']);
/** Edge properties for machines (offsets, merge keys); the sentence and the confidence stay. */
const TECHNICAL = new Set(['key', 'start', 'end', 'offsets', 'field', 'matched', 'citations', 'rawChoice']);
/** Facts that name the node come first; the id last. */
const FIRST = ['name', 'fullName', 'title', 'abbreviation', 'number', 'subject', 'koopId'];
const rank = (k: string): number => (k === 'id' ? 99 : FIRST.includes(k) ? FIRST.indexOf(k) : 50);
const shown = (v: unknown): boolean => v !== null && v !== undefined && v !== '' && v !== false && !(Array.isArray(v) && v.length === 0);

/** Renders the details panel of one node: facts, publications, and every edge shown with its sources. */
export function renderDetails(panel: HTMLElement, node: GraphNode, edges: GraphEdge[], nameOf: (id: string) => GraphNode | undefined): void {
  const look = lookOf(node.type);
  const facts = Object.entries(node.properties)
    .filter(([k, v]) => !PROVENANCE.has(k) && shown(v))
    .sort(([a], [b]) => rank(a) - rank(b));
  const documents = [node, ...edges.map((e) => nameOf(e.source === node.id ? e.target : e.source)).filter((n): n is GraphNode => !!n)]
    .flatMap((n) => documentLinks(n).map((link) => ({ ...link, type: n.type })));
  fill(
    panel,
    h('h2', { id: 'details-title' }, node.label || node.id),
    h('p', { class: 'badge', style: `background:${look.colour}` }, node.type),
    isStandIn(node) ? h('p', { class: 'stand-in-note' }, standInText(node)) : null,
    h('h3', {}, 'Properties'),
    h('dl', { class: 'props', 'aria-label': 'Properties' }, ...facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, renderValue(v))])),
    h('h3', {}, 'Documents'),
    documents.length
      ? h('ul', { class: 'docs', 'aria-label': 'Documents' }, ...unique(documents).map((d) => h('li', {}, h('span', { class: 'small' }, `${d.type}: `), h('a', { href: d.href, target: '_blank', rel: 'noopener noreferrer' }, d.text))))
      : h('p', { class: 'muted' }, 'No publications linked.'),
    h('h3', {}, `Connections shown (${edges.length})`),
    voteSummary(edges),
    h('ul', { class: 'edges', 'aria-label': 'Connections and their sources' }, ...edges.map((e) => edgeItem(e, node, nameOf))),
    h('h3', {}, 'Provenance of this node'),
    sourcesBlock(node.properties.sources, node.properties.firstSeen, node.properties.lastSeen),
  );
}

/** For a decision: the votes shown, counted by choice ("52 for, 48 against"). */
function voteSummary(edges: GraphEdge[]): HTMLElement | null {
  const counts = new Map<string, number>();
  for (const e of edges) if (e.type === 'VOTED') counts.set(String(e.properties.choice ?? 'unknown'), (counts.get(String(e.properties.choice ?? 'unknown')) ?? 0) + 1);
  if (!counts.size) return null;
  return h('p', { class: 'vote-summary' }, `Votes shown: ${[...counts].map(([choice, n]) => `${n} ${choice}`).join(', ')}`);
}

function standInText(node: GraphNode): string {
  if (node.id.startsWith('name:')) return 'Known by name only, as a document wrote it; not yet matched to a Tweede Kamer person record.';
  if (node.properties.stub === true) return 'Only referred to: no source has described this node yet.';
  return 'A stand-in from a publication; not yet joined to its Tweede Kamer record (see SAME_AS connections).';
}

function edgeItem(e: GraphEdge, node: GraphNode, nameOf: (id: string) => GraphNode | undefined): HTMLElement {
  const outgoing = e.source === node.id;
  const other = nameOf(outgoing ? e.target : e.source);
  const extra = Object.entries(e.properties).filter(([k, v]) => !PROVENANCE.has(k) && !TECHNICAL.has(k) && shown(v));
  return h(
    'li',
    {},
    h('strong', {}, outgoing ? `${e.type} →` : `← ${e.type}`),
    ' ',
    other ? `${other.label} (${other.type})` : outgoing ? e.target : e.source,
    extra.length ? h('span', { class: 'small' }, ` · ${extra.map(([k, v]) => `${k}: ${clip(formatValue(v), 160)}`).join(', ')}`) : null,
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
    const raw = typeof s === 'object' && s ? (s as { url?: unknown }).url : known?.url;
    const url = safeUrl(raw) ?? safeUrl(s);
    const name = sourceName(raw);
    const tail = known ? ` (${[known.parser, known.fetchedAt && formatValue(known.fetchedAt)].filter(Boolean).join(', ')})` : '';
    const label = url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', title: id }, url) : h('code', { title: id }, name ?? (id.length > 16 ? `${id.slice(0, 12)}…` : id));
    return h('li', {}, label, tail);
  });
  const seen = [firstSeen && `first seen ${formatValue(firstSeen)}`, lastSeen && formatValue(lastSeen) !== formatValue(firstSeen) && `last seen ${formatValue(lastSeen)}`].filter(Boolean).join(', ');
  return h('div', { class: 'sources small' }, `Sources${seen ? ` (${seen})` : ''}:`, h('ul', {}, ...items));
}

function unique<T extends { href: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.href) && seen.add(i.href));
}
