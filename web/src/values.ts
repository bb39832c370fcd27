import { h } from './dom.js';
import { safeUrl } from './links.js';

/** Longer texts (a mention's sentence, a company's notes) open on demand so the panel stays scannable. */
const CLIP = 220;

/** Formats a property value for reading: lists joined, fetch times to the minute, objects as JSON. */
export function formatValue(v: unknown): string {
  if (Array.isArray(v)) return v.map((x) => formatValue(x)).join(', ');
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  const text = String(v);
  const time = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  return time ? `${time[1]} ${time[2]}` : text;
}

/** A text cut at a word near `max` characters, with an ellipsis. */
export function clip(text: string, max = CLIP): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}

/** A value as page content: links for URLs (one per line for lists), long text folded behind its opening words. */
export function renderValue(v: unknown): Node {
  const items = Array.isArray(v) ? v : [v];
  if (items.length > 0 && items.every((x) => safeUrl(x))) {
    return h('span', {}, ...items.flatMap((x, i) => [i ? h('br') : null, h('a', { href: safeUrl(x)!, target: '_blank', rel: 'noopener noreferrer' }, String(x))]));
  }
  const text = formatValue(v);
  if (text.length <= CLIP) return document.createTextNode(text);
  return h('details', { class: 'long' }, h('summary', {}, clip(text, 120)), text);
}
