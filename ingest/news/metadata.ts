import type { CheerioAPI } from 'cheerio';
import { dutchDateTime } from '../../src/analysis/dutch-time.js';
import { dereference, isArticleObject, parseJsonLd, textsOf, type JsonLdObject } from './json-ld.js';

/** What a news page says about itself. */
export interface ArticleMeta {
  canonical?: string;
  title?: string;
  description?: string;
  publishedAt?: string;
  modifiedAt?: string;
  authors: string[];
  language?: string;
  publisherName?: string;
  section?: string;
  keywords: string[];
  image?: string;
  text?: string;
  /** Why the page counts as an article (og:type, JSON-LD type, …); empty when it does not. */
  articleSignals: string[];
  invalidJsonLd: number;
}

const MAX_TEXT = 200_000;
const squash = (s: string | undefined): string | undefined => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
};

/** An ISO date-time in Dutch local time (see dutchDateTime) or a date, for a date string a page gives; undefined when it is not a date. */
function toIsoDateTime(raw: string | undefined): string | undefined {
  const s = raw?.trim();
  if (!s) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return undefined;
  const year = new Date(ms).getUTCFullYear();
  return year >= 1800 && year <= 2200 ? dutchDateTime(ms) : undefined;
}

const meta = ($: CheerioAPI, ...names: string[]): string | undefined => {
  for (const name of names) {
    const found = $(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`).first().attr('content');
    if (squash(found)) return squash(found);
  }
  return undefined;
};

const first = (...values: (string | undefined)[]): string | undefined => values.find((v) => v !== undefined && v !== '');

function bodyText($: CheerioAPI, ld: JsonLdObject | undefined): string | undefined {
  const fromLd = typeof ld?.articleBody === 'string' ? ld.articleBody : undefined;
  // Broken markup can close <article> early: fall back to <main>, then the whole body.
  const roots = [$('article').first(), $('main').first(), $('body')].filter((r) => r.find('p').length > 0);
  const paragraphs = (roots[0]?.find('p').toArray() ?? []).map((p) => squash($(p).text())).filter(Boolean);
  const text = squash(fromLd) ?? (paragraphs.length ? paragraphs.join('\n\n') : undefined);
  return text?.slice(0, MAX_TEXT);
}

function authorsOf($: CheerioAPI, ld: JsonLdObject | undefined, objects: JsonLdObject[]): string[] {
  const fromLd = ld ? textsOf(ld.author, objects) : [];
  const fromMeta = [meta($, 'author'), meta($, 'article:author'), meta($, 'dc.creator', 'DC.creator')].filter((a): a is string => !!a && !/^https?:/.test(a));
  const fromByline = $('[rel="author"], [itemprop="author"] [itemprop="name"], .byline__author, .author-name').toArray().map((e) => squash($(e).text())).filter((a): a is string => !!a);
  const all = fromLd.length ? fromLd : fromMeta.length ? fromMeta : fromByline;
  return [...new Set(all.map((a) => a.replace(/\s+/g, ' ').trim()))].slice(0, 20);
}

/** Reads the metadata of a news page from Open Graph, JSON-LD, `<meta>`, `<time>` and `<link rel=canonical>`. */
export function extractArticleMeta($: CheerioAPI): ArticleMeta {
  const { objects, invalid } = parseJsonLd($('script[type="application/ld+json"]').toArray().map((s) => $(s).text()));
  const ld = objects.find(isArticleObject);
  const ldText = (key: string) => (ld ? textsOf(ld[key], objects)[0] : undefined);
  const publisher = ld ? dereference(ld.publisher, objects) : undefined;
  const ogType = meta($, 'og:type')?.toLowerCase();
  const timeEl = $('article time[datetime], time[itemprop="datePublished"], time[pubdate], time[datetime]').first().attr('datetime');
  const mainEntity = ld ? dereference(ld.mainEntityOfPage, objects) : undefined;
  const ldUrl = typeof ld?.url === 'string' ? ld.url : typeof mainEntity === 'string' ? mainEntity : (mainEntity as JsonLdObject | undefined)?.['@id'];

  const publishedAt = toIsoDateTime(first(meta($, 'article:published_time'), ldText('datePublished'), meta($, 'pubdate', 'publishdate', 'date', 'DC.date.issued', 'dcterms.created', 'parsely-pub-date', 'datePublished'), timeEl));
  const signals: string[] = [];
  if (ld) signals.push(`JSON-LD ${String(ld['@type'])}`);
  if (ogType === 'article') signals.push('og:type article');
  if (meta($, 'article:published_time')) signals.push('article:published_time');
  if ($('article').length > 0 && publishedAt) signals.push('<article> with a date');

  return {
    canonical: first($('link[rel="canonical"]').first().attr('href')?.trim(), meta($, 'og:url'), typeof ldUrl === 'string' ? ldUrl : undefined),
    title: first(meta($, 'og:title'), ldText('headline'), meta($, 'twitter:title', 'title'), squash($('article h1, h1').first().text()), squash($('title').first().text())),
    description: first(meta($, 'og:description'), meta($, 'description'), ldText('description'), meta($, 'twitter:description')),
    publishedAt,
    modifiedAt: toIsoDateTime(first(meta($, 'article:modified_time'), ldText('dateModified'), meta($, 'og:updated_time'))),
    authors: authorsOf($, ld, objects),
    language: normalizeLanguage(first($('html').attr('lang'), meta($, 'og:locale'), ldText('inLanguage'), $('meta[http-equiv="content-language" i]').attr('content'))),
    publisherName: first(meta($, 'og:site_name'), textsOf(publisher, objects)[0], meta($, 'application-name')),
    section: first(meta($, 'article:section'), ldText('articleSection')),
    keywords: [...new Set((first(meta($, 'news_keywords'), meta($, 'keywords'), ld ? textsOf(ld.keywords, objects).join(',') : undefined) ?? '').split(',').map((k) => k.trim()).filter(Boolean))].slice(0, 50),
    image: first(meta($, 'og:image'), typeof ld?.image === 'string' ? ld.image : undefined),
    text: bodyText($, ld),
    articleSignals: signals,
    invalidJsonLd: invalid,
  };
}

/** "nl-NL", "nl_NL" and "NL" all become "nl". */
function normalizeLanguage(raw: string | undefined): string | undefined {
  const primary = raw?.trim().split(/[-_,;\s]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}
