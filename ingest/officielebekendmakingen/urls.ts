import { isKoopId } from '../../src/model/koop-id.js';

const KOOP_BASE_URL = 'https://zoek.officielebekendmakingen.nl';

export interface KoopUrl {
  kind: 'xml' | 'html' | 'metadata';
  url: string;
}

/**
 * The URLs to try for a publication id, in order: the XML, the HTML page as fallback, then its
 * metadata.xml (which newer XML only references through OVERHEIDop.externMetadataRecord).
 */
export function koopDocumentUrls(id: string, baseUrl: string = KOOP_BASE_URL): KoopUrl[] {
  if (!isKoopId(id)) throw new TypeError(`not a KOOP publication id: ${JSON.stringify(id)}`);
  const base = baseUrl.replace(/\/+$/, '');
  return [
    { kind: 'xml', url: `${base}/${id}.xml` },
    { kind: 'html', url: `${base}/${id}.html` },
    { kind: 'metadata', url: `${base}/${id}/metadata.xml` },
  ];
}

/**
 * The publication id in a KOOP URL or file name ("…/kv-tk-2022Z04510.html", "…/kst-30821-84/metadata.xml",
 * "…/officielepublicaties/kst-30821-84/kst-30821-84.xml"), or a bare id; undefined when there is none.
 */
export function koopIdFromUrl(url: string): string | undefined {
  let path = url.trim();
  try {
    path = new URL(path).pathname;
  } catch {
    // not a URL: a file path or a bare id
  }
  const parts = path.split(/[\\/]/).filter((p) => p !== '');
  for (const part of parts.reverse()) {
    const name = decodeURIComponent(part).replace(/\.(xml|html?|pdf|odt)$/i, '');
    if (name !== 'metadata' && isKoopId(name) && /^(kv|ah|kst|h|blg|stb|stcrt|trb|gmb|prb|wsb|bgr)-/i.test(name)) return name;
  }
  return undefined;
}
