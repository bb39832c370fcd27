import { FragmentBuilder, type FragmentBody } from '../../src/model/fragment.js';
import { publisherDomain } from '../../src/model/canonical-url.js';
import type { ArticleMeta } from './metadata.js';

/** An article's metadata as an Article node (id = canonical URL), its Publisher (id = domain) and PUBLISHED_BY. */
export function toArticleFragment(url: string, meta: ArticleMeta): FragmentBody {
  const b = new FragmentBuilder();
  const domain = publisherDomain(url);
  const article = b.node('Article', url, {
    url,
    title: meta.title,
    description: meta.description,
    publishedAt: meta.publishedAt,
    modifiedAt: meta.modifiedAt,
    authors: meta.authors,
    language: meta.language,
    publisherName: meta.publisherName,
    section: meta.section,
    keywords: meta.keywords,
    image: meta.image,
    text: meta.text,
  });
  const publisher = b.node('Publisher', domain, { name: meta.publisherName, domain });
  b.edge('PUBLISHED_BY', article, publisher);
  return b.build();
}
