import type { Source } from './api.js';

/** Every raw document the page has heard of, so an edge's source ids can be shown as links. */
const known = new Map<string, Source>();

/** Remembers sources read from the API (node sources, path hops). */
export function rememberSources(sources: Iterable<Source>): void {
  for (const s of sources) known.set(s.id, s);
}

/** The source with this id, when the page has seen it. */
export function sourceById(id: string): Source | undefined {
  return known.get(id);
}
