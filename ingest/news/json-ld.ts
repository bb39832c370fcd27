/** A JSON-LD object as found in a page. */
export type JsonLdObject = Record<string, unknown>;

const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle', 'backgroundnewsarticle',
  'reviewnewsarticle', 'askpublicnewsarticle', 'blogposting', 'liveblogposting', 'report', 'techarticle', 'scholarlyarticle',
]);

const typesOf = (o: JsonLdObject): string[] => {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, '').toLowerCase());
};

/** Whether a JSON-LD object is an article of some kind (NewsArticle, ReportageNewsArticle, BlogPosting, …). */
export function isArticleObject(o: JsonLdObject): boolean {
  return typesOf(o).some((t) => ARTICLE_TYPES.has(t));
}

const isObject = (x: unknown): x is JsonLdObject => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Every object of a JSON-LD value, flattening arrays and `@graph` lists; nesting is bounded. */
function collect(value: unknown, out: JsonLdObject[], depth = 0): void {
  if (depth > 6 || out.length > 500) return;
  if (Array.isArray(value)) for (const v of value) collect(v, out, depth + 1);
  else if (isObject(value)) {
    out.push(value);
    if (Array.isArray(value['@graph'])) collect(value['@graph'], out, depth + 1);
    if (isObject(value.mainEntity)) collect(value.mainEntity, out, depth + 1);
  }
}

/** Parses the page's JSON-LD scripts; a script that is not valid JSON is skipped and counted, never fatal. */
export function parseJsonLd(scripts: string[]): { objects: JsonLdObject[]; invalid: number } {
  const objects: JsonLdObject[] = [];
  let invalid = 0;
  for (const raw of scripts) {
    const text = raw.trim().replace(/^<!--|-->$/g, '').replace(/^\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>$/g, '').trim();
    if (!text) continue;
    try {
      collect(JSON.parse(text), objects);
    } catch {
      invalid += 1;
    }
  }
  return { objects, invalid };
}

/** Follows a `{"@id": …}` reference to the object of the page that carries that id. */
export function dereference(value: unknown, objects: JsonLdObject[]): unknown {
  if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1)
    return objects.find((o) => o['@id'] === value['@id'] && Object.keys(o).length > 1) ?? value;
  return value;
}

/** The text of a JSON-LD value: a string, or the `name` of an object, or each of a list. */
export function textsOf(value: unknown, objects: JsonLdObject[]): string[] {
  const v = dereference(value, objects);
  if (typeof v === 'string') return v.trim() ? [v.trim()] : [];
  if (Array.isArray(v)) return v.flatMap((x) => textsOf(x, objects));
  if (isObject(v) && typeof v.name === 'string') return [v.name.trim()];
  return [];
}
