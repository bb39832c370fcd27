import type { Format } from '../pipeline/format.js';
import { parseMetadataXml, parsePublicationHtml, parsePublicationXml } from './publication.js';
import { parseSruXml } from './sru.js';
import { koopIdFromUrl } from './urls.js';

// 2: Kamerstukken other than motions parse as Documents; citation edges keep every citation.
// 3: an answer's signature adds HOLDS (person to office, observed at the answer's date).
// 4: motions carry their dossier's title; a signature's closing full stop is dropped; names with a bracketed first name resolve.
// 5: a notice of delay gives its question the subject, askers and addressees its first sentence names.
// 6: an HTML page is read in the charset it declares, not always as UTF-8.
const VERSION = '6';

/** The formats of this source, in detection order. */
export const KOOP_FORMATS: Format[] = [
  {
    name: 'koop-xml',
    version: VERSION,
    detect: (_doc, head) => /<officiele-publicatie[\s>]/.test(head),
    parse: parsePublicationXml,
  },
  {
    name: 'koop-metadata',
    version: VERSION,
    detect: (_doc, head) => /<metadata_gegevens[\s>]/.test(head),
    parse: parseMetadataXml,
  },
  {
    name: 'koop-sru',
    version: VERSION,
    detect: (_doc, head) => /searchRetrieveResponse/.test(head) && /standaarden\.overheid\.nl|gzd/.test(head),
    parse: parseSruXml,
  },
  {
    name: 'koop-html',
    version: VERSION,
    // Only KOOP pages: news HTML is claimed by the news formats that follow.
    detect: (doc, head) =>
      /<html[\s>]/i.test(head) &&
      (/officielebekendmakingen\.nl/i.test(doc.url) ||
        /^(kv|ah)-/i.test(koopIdFromUrl(doc.url) ?? '') ||
        /name="(?:dcterms|DC)\.identifier"\s+content="(?:kv|ah)-/i.test(head) ||
        /kamervraagomschrijving/.test(head)),
    parse: parsePublicationHtml,
  },
];
