import { canonicalUrl } from '../../src/model/canonical-url.js';
import { ParseError, type Format, type RawDocument } from '../pipeline/format.js';
import { loadHtml } from '../pipeline/html.js';
import { extractArticleMeta } from './metadata.js';
import { toArticleFragment } from './to-fragment.js';

/** The largest news page parsed; real article pages are well below 5 MB. */
const MAX_ARTICLE_BYTES = 10 * 1024 * 1024;

const HTML_HEAD = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])/i;
const PARLIAMENTARY = /officielebekendmakingen\.nl|tweedekamer\.nl|OVERHEIDop\./i;

/** The web address to key the article on: the page's own canonical link, else the address it came from. */
function articleUrl(canonical: string | undefined, doc: RawDocument): string {
  for (const candidate of [canonical, doc.url]) {
    if (!candidate) continue;
    try {
      return canonicalUrl(new URL(candidate, /^https?:/i.test(doc.url) ? doc.url : undefined).href);
    } catch {
      // A relative canonical link on a page read from a file, or a file path: try the next.
    }
  }
  throw new ParseError(`${doc.url}: the article has no web address (no <link rel=canonical>, og:url or JSON-LD url, and it was not fetched from the web)`);
}

/** News article pages (HTML with Open Graph, JSON-LD, `<meta>`, `<time>`): Article, Publisher, PUBLISHED_BY. */
export const newsHtmlFormat: Format = {
  name: 'news-html',
  version: '2',
  detect(doc, head) {
    const looksHtml = HTML_HEAD.test(head) || /text\/html|application\/xhtml/i.test(doc.contentType ?? '');
    return looksHtml && !PARLIAMENTARY.test(head);
  },
  parse(doc) {
    if (doc.bytes.length > MAX_ARTICLE_BYTES) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      throw new ParseError(`${doc.url}: the page is ${mb(doc.bytes.length)} MB, more than the ${mb(MAX_ARTICLE_BYTES)} MB a news article may be`);
    }
    const $ = loadHtml(doc);
    const meta = extractArticleMeta($);
    if (meta.articleSignals.length === 0)
      throw new ParseError(`${doc.url}: an HTML page, but not a news article (no og:type article, no JSON-LD Article, no article:published_time, no <article> with a date)`);
    if (!meta.title) throw new ParseError(`${doc.url}: the article has no title (og:title, JSON-LD headline, <h1> or <title>)`);
    const url = articleUrl(meta.canonical, doc);
    const rejected = meta.invalidJsonLd > 0 ? [{ where: 'JSON-LD', reason: `${meta.invalidJsonLd} script(s) are not valid JSON and were skipped` }] : [];
    return { body: toArticleFragment(url, meta), records: 1, rejected };
  },
};
