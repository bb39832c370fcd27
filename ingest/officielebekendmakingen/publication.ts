import type { CheerioAPI } from 'cheerio';
import { FragmentBuilder } from '../../src/model/fragment.js';
import { ParseError, type ParseResult, type RawDocument } from '../pipeline/format.js';
import { buildAnswer } from './answer-graph.js';
import { buildKamerstukDocument } from './document-graph.js';
import { kamerstukType } from './kamerstuk.js';
import { readKamervragenHtml } from './kamervragen-html.js';
import { readKamervragenXml } from './kamervragen-xml.js';
import type { KamervragenDoc } from './kamervragen-doc.js';
import { parseKoopId } from '../../src/model/koop-id.js';
import { addMetadataRecord } from './metadata-graph.js';
import { all, readMetaElements, type MetaMap } from './metadata.js';
import { buildMotion } from './motion.js';
import { buildQuestion } from './question-graph.js';
import { loadHtml } from '../pipeline/html.js';
import { loadXml } from '../pipeline/safe-xml.js';
import { koopIdFromUrl } from './urls.js';

const result = (b: FragmentBuilder): ParseResult => ({ body: b.build(), records: 1, rejected: [] });

/** Routes a Kamervragen/Aanhangsel document (from XML or HTML) by its id: kv → question, ah → answer or notice. */
function fromKamervragen(doc: KamervragenDoc, raw: RawDocument): ParseResult {
  const koopId = doc.koopId ?? koopIdFromUrl(raw.url);
  const kind = koopId ? parseKoopId(koopId).kind : undefined;
  const isAppendix = kind === 'answer' || (kind === undefined && doc.items.some((i) => i.kind === 'answer'));
  if (isAppendix) {
    if (!koopId) throw new ParseError(`${raw.url}: Aanhangsel without a KOOP id (no DC.identifier and none in the URL)`);
    return result(buildAnswer(doc, koopId, raw.url));
  }
  if (kind === 'question' || kind === undefined) return result(buildQuestion(doc, koopId, raw.url));
  throw new ParseError(`${raw.url}: ${koopId} is not a written question or an Aanhangsel`);
}

const MOTION_HEADING = /^(?:(?:tweede|derde)\s+)?(?:nader\s+)?(?:gewijzigde\s+)?motie\b/i;

/** A motion by its declared Kamerstuk type; without one, by its heading ("MOTIE VAN …", "GEWIJZIGDE MOTIE VAN …"). */
function isMotion($: CheerioAPI, meta: MetaMap): boolean {
  const declared = kamerstukType($) ?? all(meta, 'type').find((t) => /^(?:gewijzigde\s+)?motie\b/i.test(t));
  if (declared) return /^(?:(?:nader\s+)?gewijzigde\s+)?motie\b/i.test(declared);
  return MOTION_HEADING.test($('stuk > titel').first().text().trim());
}

/** Parses publication XML (`<officiele-publicatie>`): a motion or another Kamerstuk, a written question or an Aanhangsel. */
export function parsePublicationXml(raw: RawDocument): ParseResult {
  const $ = loadXml(raw);
  const root = $.root().children().first();
  const rootName = root.get(0)?.name;
  if (rootName !== 'officiele-publicatie') throw new ParseError(`${raw.url}: root element <${rootName ?? '?'}> is not <officiele-publicatie>`);
  const meta = readMetaElements($, 'officiele-publicatie > metadata > meta');
  if ($('kamervragen').length > 0) return fromKamervragen(readKamervragenXml($, raw.url), raw);
  if ($('kamerstuk').length > 0) {
    if (isMotion($, meta)) return result(buildMotion($, meta, raw.url, koopIdFromUrl(raw.url)));
    return result(buildKamerstukDocument($, meta, raw.url, koopIdFromUrl(raw.url)));
  }
  const kinds = root.children().toArray().map((c) => c.name).filter((n) => n !== 'metadata');
  throw new ParseError(`${raw.url}: unsupported publication type <${kinds[0] ?? 'empty'}>`);
}

/** Parses the HTML page of a written question or Aanhangsel. */
export function parsePublicationHtml(raw: RawDocument): ParseResult {
  return fromKamervragen(readKamervragenHtml(loadHtml(raw), raw.url), raw);
}

/** Parses a `metadata.xml` (`<metadata_gegevens><metadata name scheme content/>`). */
export function parseMetadataXml(raw: RawDocument): ParseResult {
  const $ = loadXml(raw);
  if ($('metadata_gegevens').length === 0) throw new ParseError(`${raw.url}: no <metadata_gegevens> element`);
  const meta = readMetaElements($, 'metadata_gegevens > metadata');
  return metadataResult([meta], raw.url);
}

/** Builds the nodes of metadata records; a record without an identifier is rejected, the rest go on. */
export function metadataResult(records: MetaMap[], url: string): ParseResult {
  const b = new FragmentBuilder();
  const rejected: ParseResult['rejected'] = [];
  records.forEach((meta, i) => {
    if (!addMetadataRecord(b, meta)) rejected.push({ where: `record ${i + 1}`, reason: 'no identifier' });
  });
  if (records.length === 1 && rejected.length === 1) throw new ParseError(`${url}: metadata without a DC.identifier`);
  return { body: b.build(), records: records.length, rejected };
}
