import type { FragmentBuilder, NodeRef } from '../../src/model/fragment.js';
import { canonicalUrl, publisherDomain } from '../../src/model/canonical-url.js';
import { parseDutchDate } from './dates.js';
import type { Footnote } from './kamervragen-doc.js';

/** Hosts of parliamentary publications: cited documents, not news articles. */
const PARLIAMENTARY = /(^|\.)(officielebekendmakingen\.nl|tweedekamer\.nl|eerstekamer\.nl|overheid\.nl)$/i;

/** Reads "Follow the Money, 8 februari 2022 (https://…)" or "NOS, «Titel», 8 februari 2022, https://…". */
function describeFootnote(text: string): { publisherName?: string; citedTitle?: string; date?: string } {
  const withoutUrls = text.replace(/\(?https?:\/\/\S+\)?/g, '').trim();
  const title = /[«“"‘']([^«»“”"‘’']{3,300})[»”"’']/.exec(withoutUrls)?.[1]?.trim();
  const head = withoutUrls.split(/[,:]/)[0]?.trim() ?? '';
  const publisherName = head !== '' && head.length <= 60 && !/[«“"‘]/.test(head) && !/^\d/.test(head) && !/^(zie|bron|via)\b/i.test(head) ? head : undefined;
  return { publisherName, citedTitle: title, date: parseDutchDate(withoutUrls) };
}

/** Adds the news articles cited in footnotes: Article (canonical URL) CITES edge, PUBLISHED_BY Publisher (domain). */
export function addFootnoteArticles(b: FragmentBuilder, from: NodeRef, footnotes: Footnote[]): number {
  let added = 0;
  for (const note of footnotes) {
    const info = describeFootnote(note.text);
    for (const url of note.urls) {
      let id: string;
      try {
        id = canonicalUrl(url);
      } catch {
        continue;
      }
      const domain = publisherDomain(url);
      if (PARLIAMENTARY.test(domain)) continue;
      const article = b.node('Article', id, { url: id, citedTitle: info.citedTitle, publishedAt: info.date });
      const publisher = b.node('Publisher', domain, { name: info.publisherName });
      b.edge('PUBLISHED_BY', article, publisher);
      b.edge('CITES', from, article, { citation: note.text, footnote: note.number, urlAsWritten: url });
      added += 1;
    }
  }
  return added;
}
