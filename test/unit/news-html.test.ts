import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newsHtmlFormat } from '../../ingest/news/html-format.js';
import { ParseError, type RawDocument } from '../../ingest/pipeline/format.js';
import { detectFormat } from '../../ingest/pipeline/registry.js';

const fixture = (name: string, url = `test/fixtures/news/${name}`): RawDocument => ({ bytes: readFileSync(new URL(`../fixtures/news/${name}`, import.meta.url)), url });
const parse = (doc: RawDocument) => {
  const result = newsHtmlFormat.parse(doc);
  const article = result.body.nodes.find((n) => n.label === 'Article')!;
  const publisher = result.body.nodes.find((n) => n.label === 'Publisher')!;
  return { result, article, publisher };
};

describe('news-html: metadata from the common page structures', () => {
  it('reads an Open Graph only page and canonicalises og:url', () => {
    const { article, publisher, result } = parse(fixture('og-only.html'));
    expect(article.id).toBe('https://voorbeeldblad.example/nieuws/2022/02/gemeenten-camera');
    expect(article.props).toMatchObject({
      title: "Gemeenten twijfelen over camera's van Chinese makers",
      publishedAt: '2022-02-08T06:30:00+01:00',
      modifiedAt: '2022-02-08T09:15:00+01:00',
      authors: ['Anna Jansen'],
      language: 'nl',
      section: 'Binnenland',
      publisherName: 'Het Voorbeeldblad',
    });
    expect(article.props.description).toContain('Hikvision en Dahua');
    expect(publisher).toMatchObject({ id: 'voorbeeldblad.example', props: { name: 'Het Voorbeeldblad' } });
    expect(result.body.edges).toEqual([expect.objectContaining({ type: 'PUBLISHED_BY', to: expect.objectContaining({ value: 'voorbeeldblad.example' }) })]);
  });

  it('reads a JSON-LD only page, skipping a broken JSON-LD script with a rejection', () => {
    const { article, publisher, result } = parse(fixture('jsonld-only.html'));
    expect(article.id).toBe('https://dagbladfictief.example/tech/12345/politie-camera-s');
    expect(article.props).toMatchObject({
      title: "Politie kocht honderden camera's via tussenpersoon",
      publishedAt: '2022-02-09T14:05:00+01:00',
      authors: ['Bram de Vries', 'Ceylan Yıldız'],
      language: 'nl',
      keywords: ['politie', "camera's", 'privacy'],
      section: 'Tech',
    });
    expect(article.props.text).toContain('Connection Systems');
    expect(publisher.props.name).toBe('Dagblad Fictief');
    expect(result.rejected).toEqual([{ where: 'JSON-LD', reason: expect.stringContaining('not valid JSON') }]);
  });

  it('reads a JSON-LD @graph, following @id references to the author and the publisher', () => {
    const { article, publisher } = parse(fixture('jsonld-graph.html'));
    expect(article.id).toBe('https://onderzoek.example/artikelen/ministeries-zonder-overzicht');
    expect(article.props).toMatchObject({ title: "Ministeries zonder overzicht van camera's", authors: ['Daan Visser'], publishedAt: '2022-02-08T06:00:00+01:00', language: 'nl' });
    expect(publisher.props.name).toBe('Onderzoeksplatform Voorbeeld');
  });

  it('reads a bare HTML page from <title>, <meta>, <article> and <time>', () => {
    const { article, publisher } = parse(fixture('bare.html'));
    expect(article.id).toBe('https://lokaalnieuws.example/politiek/kamer-wil-cameras-weg');
    expect(article.props).toMatchObject({ title: "Kamer wil Chinese camera's weg", publishedAt: '2022-06-14', authors: ['Eva Bakker'] });
    expect(article.props.description).toMatch(/^Een meerderheid/);
    expect(publisher.id).toBe('lokaalnieuws.example');
    expect(publisher.props.name).toBeUndefined();
  });

  it('keeps a publication time in Dutch time, so that one just after midnight there is on that Dutch day', () => {
    const page = (published: string) =>
      parse({
        url: 'https://voorbeeldblad.example/nieuws/nacht',
        bytes: Buffer.from(`<!doctype html><html lang="nl"><head><title>Nacht</title><meta property="og:url" content="https://voorbeeldblad.example/nieuws/nacht"><meta property="article:published_time" content="${published}"></head><body><article><p>Tekst</p></article></body></html>`),
      }).article.props.publishedAt;
    expect(page('2022-03-10T23:30:00Z')).toBe('2022-03-11T00:30:00+01:00');
    expect(page('2022-06-30T22:15:00.000Z')).toBe('2022-07-01T00:15:00+02:00');
    expect(page('2022-03-11T00:30:00+01:00')).toBe('2022-03-11T00:30:00+01:00');
    expect(page('2022-03-11')).toBe('2022-03-11');
  });

  it('still parses broken markup', () => {
    const { article } = parse(fixture('broken.html'));
    expect(article.id).toBe('https://treinnieuws.example/artikel/camera-s-in-treinen');
    expect(article.props.title).toBe("Spoorbedrijf koopt camera's voor treinen");
    expect(article.props.text).toContain('Hikvision en Dahua');
  });

  it('refuses a page nested deeper than the limit at once, naming where; unclosed paragraphs, scripts and void elements do not count', () => {
    const page = readFileSync(new URL('../fixtures/news/og-only.html', import.meta.url), 'utf8');
    const nest = (n: number, inner: string) => page.replace(/<body[^>]*>/i, (body) => `${body}${'<div>'.repeat(n)}${inner}${'</div>'.repeat(n)}`);
    const doc = (html: string): RawDocument => ({ bytes: Buffer.from(html), url: 'test://deep.html' });
    // 100,000 levels took 68 s to fail with a stack overflow inside the parser.
    const error = (() => {
      try {
        newsHtmlFormat.parse(doc(nest(100_000, 'x')));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ParseError);
    expect(String((error as ParseError).message)).toMatch(/^test:\/\/deep\.html: HTML nested too deep: <div> would be element level 513, the limit is 512/);
    expect((error as ParseError).where).toMatch(/^line \d+, column \d+$/);
    const sloppy = `${'<p>a'.repeat(2000)}${'<li>b'.repeat(2000)}<script>${'<div>'.repeat(2000)}</script>${'<br><img src=x>'.repeat(2000)}`;
    expect(parse(doc(nest(500, sloppy))).article.props.title).toBeTruthy();
  });

  it('decodes a windows-1252 page by its <meta charset>', () => {
    const { article } = parse(fixture('windows-1252.html'));
    expect(article.props.title).toBe('Café-eigenaar: “Camera’s kosten € 300”');
    expect(article.props.description).toContain('Zoë’s');
    expect(readFileSync(new URL('../fixtures/news/windows-1252.html', import.meta.url)).includes(Buffer.from('é'))).toBe(false);
  });

  it('honours the charset of the Content-Type over the page', () => {
    const bytes = Buffer.from('<html><head><meta property="og:type" content="article"><meta property="og:title" content="Caf\xe9" ><link rel="canonical" href="https://x.example/a"></head></html>', 'latin1');
    const { article } = parse({ bytes, url: 'https://x.example/a', contentType: 'text/html; charset=ISO-8859-1' });
    expect(article.props.title).toBe('Café');
  });
});

describe('news-html: what is not an article', () => {
  it('refuses an HTML page that is not an article, naming the document', () => {
    expect(() => newsHtmlFormat.parse(fixture('not-article.html'))).toThrow(ParseError);
    expect(() => newsHtmlFormat.parse(fixture('not-article.html'))).toThrow(/not-article\.html: an HTML page, but not a news article/);
  });

  it('refuses a 20 MB page before parsing it', () => {
    const head = '<!doctype html><html><head><meta property="og:type" content="article"><title>x</title></head><body><p>';
    const bytes = Buffer.concat([Buffer.from(head), Buffer.alloc(20 * 1024 * 1024, 'a')]);
    expect(() => newsHtmlFormat.parse({ bytes, url: 'https://big.example/page' })).toThrow(/big\.example\/page: the page is 20\.0 MB, more than the 10\.0 MB/);
  });

  it('refuses an unknown charset and an article without a web address', () => {
    const bad = Buffer.from('<html><head><meta charset="x-unknown-9"><meta property="og:type" content="article"><title>t</title></head></html>');
    expect(() => newsHtmlFormat.parse({ bytes: bad, url: 'a.html' })).toThrow(/unknown charset "x-unknown-9"/);
    const noUrl = Buffer.from('<html><head><meta property="og:type" content="article"><title>t</title></head></html>');
    expect(() => newsHtmlFormat.parse({ bytes: noUrl, url: 'local/a.html' })).toThrow(/local\/a\.html: the article has no web address/);
    const fetched = newsHtmlFormat.parse({ bytes: noUrl, url: 'https://WWW.site.example/a/?fbclid=1' });
    expect(fetched.body.nodes[0]?.id).toBe('https://site.example/a');
  });

  it('is detected for HTML pages and not for XML or JSON', () => {
    const det = (text: string, contentType?: string) => newsHtmlFormat.detect({ bytes: Buffer.from(text), url: 'x', ...(contentType ? { contentType } : {}) }, text);
    expect(det('<!DOCTYPE html><html>')).toBe(true);
    expect(det('  <html lang="nl">')).toBe(true);
    expect(det('{"value": []}')).toBe(false);
    expect(det('<?xml version="1.0"?><feed/>')).toBe(false);
    expect(detectFormat(fixture('og-only.html'))?.name).toBe('news-html');
  });
});
