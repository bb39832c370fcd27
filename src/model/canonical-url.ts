/** Query parameters that track or share, never part of an article's identity. */
const TRACKING = [/^utm_/i, /^share$/i, /^fbclid$/i, /^gclid$/i, /^mc_[a-z]+$/i, /^ref$/i, /^ref_src$/i, /^s$/i, /^at_[a-z]+$/i, /^xtor$/i, /^cmpid$/i, /^_ga$/i, /^wt\.[a-z_]+$/i, /^sharing$/i];

/**
 * The canonical form of an article URL, its node id: https, lower-case host without `www.`,
 * no fragment, no tracking or share parameters, remaining parameters sorted, no trailing slash.
 * Throws a TypeError for something that is not an http(s) URL.
 */
export function canonicalUrl(input: string): string {
  const url = new URL(input.trim());
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`not a web URL: ${input}`);
  url.protocol = 'https:';
  url.hostname = url.hostname.toLowerCase().replace(/^www\./, '');
  url.port = '';
  url.hash = '';
  const kept = [...url.searchParams.entries()].filter(([k]) => !TRACKING.some((re) => re.test(k)));
  kept.sort(([a], [b]) => a.localeCompare(b));
  url.search = new URLSearchParams(kept).toString();
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path}${url.search}`;
}

/** The publisher key of a URL: its registrable host without `www.` (e.g. "ftm.nl"). */
export function publisherDomain(input: string): string {
  return new URL(canonicalUrl(input)).hostname;
}
