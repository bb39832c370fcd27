import type { CheerioAPI } from 'cheerio';
import { clean } from '../pipeline/safe-xml.js';

/** Publication metadata by normalised name: lower-case local name without vocabulary prefix. */
export type MetaMap = Map<string, string[]>;

/**
 * Normalises a metadata name: "OVERHEIDop.vraagNummer", "overheidop:vraagnummer" and "DC.identifier"
 * become "vraagnummer" and "identifier"; KOOP spells the same field with varying case and prefixes.
 */
export function metaKey(name: string): string {
  const local = name.split(':').pop() ?? name;
  return local.replace(/^(overheidop|overheidwetgeving|overheid|dcterms|dc)\./i, '').toLowerCase();
}

/** Adds a value under its normalised name, skipping empty values. */
export function addMeta(map: MetaMap, name: string, value: string | undefined): void {
  const v = clean(value);
  if (v === '') return;
  const k = metaKey(name);
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

/** Reads `<meta name content>` (publication XML, HTML head) and `<metadata name content>` (metadata.xml) elements. */
export function readMetaElements($: CheerioAPI, selector: string): MetaMap {
  const map: MetaMap = new Map();
  $(selector).each((_, el) => {
    const name = $(el).attr('name');
    if (name) addMeta(map, name, $(el).attr('content'));
  });
  return map;
}

/** The first value of a metadata field. */
export function first(map: MetaMap, key: string): string | undefined {
  return map.get(key)?.[0];
}

/** All values of a metadata field. */
export function all(map: MetaMap, key: string): string[] {
  return map.get(key) ?? [];
}

/** The identifier that is a KOOP id (kv-…, ah-…, kst-…), among possibly several identifiers. */
export function koopIdOf(map: MetaMap): string | undefined {
  const ids = all(map, 'identifier');
  return ids.find((v) => /^[a-z]+(-[a-z]+)?-[\w-]+$/i.test(v) && !/^https?:/i.test(v)) ?? ids[0];
}
