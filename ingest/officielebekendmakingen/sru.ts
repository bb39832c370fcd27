import type { AnyNode } from 'domhandler';
import type { ParseResult, RawDocument } from '../pipeline/format.js';
import { ParseError } from '../pipeline/format.js';
import { addMeta, type MetaMap } from './metadata.js';
import { metadataResult } from './publication.js';
import { loadXml } from '../pipeline/safe-xml.js';

/**
 * Parses an SRU searchRetrieveResponse (recordSchema gzd, SRU 1.2 or 2.0): every record's fields by
 * local name (dcterms:identifier, overheidop:vraagnummer, overheidwetgeving:aanhangselnummer …).
 */
export function parseSruXml(raw: RawDocument): ParseResult {
  const $ = loadXml(raw);
  const localName = (el: AnyNode) => ('name' in el ? el.name.split(':').pop() : undefined);
  const byLocal = (name: string) => $('*').filter((_, el) => localName(el) === name);
  if (byLocal('searchRetrieveResponse').length === 0) throw new ParseError(`${raw.url}: not an SRU searchRetrieveResponse`);
  const records: MetaMap[] = byLocal('record')
    .toArray()
    .map((rec) => {
      const meta: MetaMap = new Map();
      $(rec)
        .find('*')
        .each((_, el) => {
          if (el.children.some((c) => c.type === 'tag')) return;
          const local = el.name.split(':').pop()!;
          if (['recordSchema', 'recordPacking', 'recordPosition'].includes(local)) return;
          addMeta(meta, local, $(el).text());
        });
      return meta;
    });
  return metadataResult(records, raw.url);
}
