import type { CheerioAPI } from 'cheerio';
import { FragmentBuilder } from '../../src/model/fragment.js';
import { addCitationEdges } from './citation-edges.js';
import { parseDutchDate, toIsoDate } from './dates.js';
import { addDossier, koopRef } from './graph-refs.js';
import { kamerstukType, readKamerstukHead } from './kamerstuk.js';
import { textWithoutNotes } from './kamervragen-xml.js';
import { all, first, type MetaMap } from './metadata.js';
import { clean } from '../pipeline/safe-xml.js';
import { readSignatories, type Signatory } from './signatories.js';

/** A heading that names a member of the government as the author ("BRIEF VAN DE MINISTER VAN …"). */
const GOVERNMENT_HEADING = /\bVAN\s+DE\s+(?:MINISTERS?|STAATSSECRETARISS?(?:EN)?|MINISTER-PRESIDENT)\b/i;
const GOVERNMENT_TYPE = /^brief regering$/i;
const MINISTRY = /\b(?:minister|staatssecretaris)\s+(?:van|voor)\s+(.+)$/i;

/** The paragraphs of the stuk's text, then its footnotes (letters often cite in a footnote). */
function readText($: CheerioAPI): string {
  const paragraphs = $('stuk al')
    .toArray()
    .filter((el) => $(el).parents('noot, ondertekening').length === 0)
    .map((el) => clean(textWithoutNotes(el)));
  const notes = $('stuk noot')
    .toArray()
    .map((n) => clean(`${$(n).children('noot\\.nr').text()} ${$(n).children('noot\\.al').toArray().map(textWithoutNotes).join(' ')}`));
  return [...paragraphs, ...notes].filter((t) => t !== '').join('\n');
}

/** "BRIEF VAN DE MINISTER VAN X" → "Brief van de minister van x": a readable kind when KOOP gives no type. */
function kindFromHeading(heading: string): string | undefined {
  const lead = /^(.+?)(?:\s+VAN\s+|\s+INZAKE\s+|\s+OVER\s+|$)/i.exec(heading)?.[1];
  return lead ? lead.charAt(0).toUpperCase() + lead.slice(1).toLowerCase() : undefined;
}

/**
 * Whether the government wrote the stuk: KOOP calls it "Brief regering", its heading names a
 * minister or state secretary, or one of them signed it. Committee reports and members' letters are not.
 */
function isGovernmentStuk(type: string | undefined, heading: string, signatories: Signatory[]): boolean {
  return (type !== undefined && GOVERNMENT_TYPE.test(type)) || GOVERNMENT_HEADING.test(heading) || signatories.some((s) => s.officeTitle !== undefined);
}

function ministryOf(heading: string, signatories: Signatory[]): string | undefined {
  const signed = signatories.map((s) => MINISTRY.exec(s.officeTitle ?? '')?.[1]).find(Boolean);
  if (signed) return signed;
  const headed = MINISTRY.exec(heading)?.[1];
  return headed ? headed.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase()).replace(/\s(En|Van|Voor|De)\s/g, (w) => w.toLowerCase()) : undefined;
}

/**
 * A Kamerstuk that is not a motion (a letter, a report, a memorandum …): a provisional Document
 * keyed by its KOOP id, part of its dossiers; its citations of motions follow them up when the
 * government wrote it, and refer to them otherwise.
 */
export function buildKamerstukDocument($: CheerioAPI, meta: MetaMap, url: string, urlKoopId?: string): FragmentBuilder {
  const head = readKamerstukHead($, meta, url, urlKoopId, 'Kamerstuk');
  const type = kamerstukType($);
  const signatories = readSignatories($);
  const text = readText($);
  const government = isGovernmentStuk(type, head.heading, signatories);
  const b = new FragmentBuilder();
  const doc = koopRef('Document', head.koopId);
  b.node('Document', head.koopId, {
    koopId: head.koopId,
    kind: type ?? kindFromHeading(head.heading) ?? all(meta, 'type')[0],
    title: first(meta, 'documenttitel') || head.heading || undefined,
    heading: head.heading || undefined,
    dossier: head.dossier,
    ondernummer: Number(head.ondernummer),
    date: $('stuk datum[isodatum]').first().attr('isodatum') ?? toIsoDate(first(meta, 'datumbrief') ?? first(meta, 'issued')) ?? parseDutchDate(text.slice(0, 400)),
    parliamentaryYear: head.parliamentaryYear,
    government,
    ministry: government ? ministryOf(head.heading, signatories) : undefined,
    signatories: signatories.flatMap((s) => (s.name ? [s.name] : [])),
    signatoryOffices: signatories.flatMap((s) => (s.officeTitle ?? s.office ? [(s.officeTitle ?? s.office)!] : [])),
    text,
  }, { provisional: true });
  for (const d of head.dossiers) b.edge('PART_OF', doc, addDossier(b, d.number, d.title));
  addCitationEdges(b, { ref: doc, text, government, self: [head.koopId] });
  return b;
}
