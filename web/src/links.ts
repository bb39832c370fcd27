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
  if (node.type === 'Question' && typeof p.number === 'string' && !links.length)
    links.push({ text: `kv-tk-${p.number} (officielebekendmakingen.nl)`, href: koopUrl(`kv-tk-${p.number}`) });
  const url = safeUrl(p.url) ?? (node.type === 'Article' ? safeUrl((node.properties as { id?: unknown }).id) : undefined);
  if (url && node.type !== 'Source') links.push({ text: `${node.label || url}`, href: url });
  return links;
}
