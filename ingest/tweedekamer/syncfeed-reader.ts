import type { Cheerio } from 'cheerio';
import type { Element } from 'domhandler';
import { headOf } from '../pipeline/byte-order-mark.js';
import { ParseError, type RawDocument } from '../pipeline/format.js';
import { loadXml } from '../pipeline/safe-xml.js';
import { normaliseId } from '../../src/model/ids.js';
import type { TkRecord } from './record.js';

/** What the SyncFeed reader makes of one Atom page. */
export interface SyncFeedPage {
  records: TkRecord[];
  /** Entries that carried no entity element, with where they are. */
  empty: string[];
  next?: string;
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);
/** SyncFeed element names are camelCase; the neutral record uses the OData PascalCase names. */
const pascal = (name: string): string => {
  const local = localName(name);
  return local.charAt(0).toUpperCase() + local.slice(1);
};

/**
 * Parses a SyncFeed Atom page (the pipeline's safe XML: size bound, no DTD, no entity expansion,
 * well formed, so a truncated page is refused rather than read as a shorter one) into neutral records:
 * `id` → Id, `bijgewerkt` → GewijzigdOp, `verwijderd` → Verwijderd, `<updated>` → ApiGewijzigdOp,
 * `<x ref="guid"/>` → refs.X, other child elements → fields; GUIDs in lower case.
 */
export function readSyncFeedPage(doc: RawDocument): SyncFeedPage {
  if (/<!DOCTYPE/i.test(headOf(doc.bytes, 2048))) throw new ParseError('SyncFeed page with a DOCTYPE is refused');
  const $ = loadXml(doc);
  const root = $.root().children().first();
  if (root.length === 0 || localName(root[0]!.name) !== 'feed') throw new ParseError('not an Atom feed: the root element is not <feed>');
  const records: TkRecord[] = [];
  const empty: string[] = [];
  const entries = root.children().filter((_, el) => localName(el.name) === 'entry');
  entries.each((i, entry) => {
    const where = `entry ${i + 1}`;
    const content = childNamed($(entry), 'content');
    const entity = content?.children().first();
    if (!entity || entity.length === 0) return void empty.push(where);
    const updated = childNamed($(entry), 'updated')?.text();
    records.push(toRecord(entity, where, updated));
  });
  const nextLink = root.children().filter((_, el) => localName(el.name) === 'link' && el.attribs.rel === 'next').first();
  return { records, empty, next: nextLink.attr('href') || undefined };
}

function childNamed(parent: Cheerio<Element>, name: string): Cheerio<Element> | undefined {
  const found = parent.children().filter((_, el) => localName(el.name) === name).first();
  return found.length > 0 ? found : undefined;
}

function attr(el: Element, name: string): string | undefined {
  for (const [key, value] of Object.entries(el.attribs)) if (localName(key) === name) return value;
  return undefined;
}

function toRecord(entity: Cheerio<Element>, where: string, updated: string | undefined): TkRecord {
  const el = entity[0]!;
  const rec: TkRecord = { entity: pascal(el.name), fields: {}, refs: {}, children: {}, where };
  const id = attr(el, 'id');
  if (id !== undefined) rec.fields.Id = normaliseId(id);
  rec.fields.GewijzigdOp = attr(el, 'bijgewerkt');
  rec.fields.Verwijderd = attr(el, 'verwijderd');
  if (updated !== undefined) rec.fields.ApiGewijzigdOp = updated;
  entity.children().each((_, child) => {
    const name = pascal(child.name);
    const ref = attr(child, 'ref');
    if (ref !== undefined) (rec.refs[name] ??= []).push(normaliseId(ref));
    else rec.fields[name] = textOf(child);
  });
  return rec;
}

function textOf(el: Element): string {
  let out = '';
  for (const node of el.children) {
    if (node.type === 'text') out += node.data;
    else if (node.type === 'cdata') for (const inner of node.children) if (inner.type === 'text') out += inner.data;
  }
  return out;
}
