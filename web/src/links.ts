import type { GraphNode, Properties } from './api.js';

const KOOP = 'https://zoek.officielebekendmakingen.nl/';

/** The official publication page of a KOOP id (kv-tk-…, ah-tk-…, kst-…). */
export function koopUrl(koopId: string): string {
  return `${KOOP}${encodeURIComponent(koopId)}.html`;
}

/** Only http(s) links are ever rendered, so a stored `javascript:` URL cannot run. */
export function safeUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export interface DocumentLink {
  text: string;
  href: string;
}

/** The publications a node stands for: its KOOP text, the KOOP text of a question number, an article URL. */
export function documentLinks(node: Pick<GraphNode, 'type' | 'label' | 'properties'>): DocumentLink[] {
  const p: Properties = node.properties;
  const links: DocumentLink[] = [];
  if (typeof p.koopId === 'string') links.push({ text: `${p.koopId} (officielebekendmakingen.nl)`, href: koopUrl(p.koopId) });
  // A motion known from the Tweede Kamer open data alone: its page on tweedekamer.nl.
  if (node.type === 'Motion' && !links.length && typeof p.number === 'string' && typeof p.documentNumber === 'string')
    links.push({ text: `${p.number} (tweedekamer.nl)`, href: tkMotionUrl(p.number, p.documentNumber) });
  if (node.type === 'Question' && typeof p.number === 'string' && !links.length)
    links.push({ text: `kv-tk-${p.number} (officielebekendmakingen.nl)`, href: koopUrl(`kv-tk-${p.number}`) });
  const url = safeUrl(p.url) ?? (node.type === 'Article' ? safeUrl((node.properties as { id?: unknown }).id) : undefined);
  if (url && node.type !== 'Source') links.push({ text: `${node.label || url}`, href: url });
  return links;
}

/** The page of a motion on tweedekamer.nl, by its case number and document number. */
function tkMotionUrl(number: string, documentNumber: string): string {
  return `https://www.tweedekamer.nl/kamerstukken/moties/detail?${new URLSearchParams({ id: number, did: documentNumber })}`;
}

/** How a raw document is named on the page: its URL, or for a file read from disk only the file name. */
export function sourceName(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw === '') return undefined;
  if (safeUrl(raw)) return raw;
  return raw.replace(/^file:\/\//, '').split(/[\\/]/).filter(Boolean).at(-1);
}
