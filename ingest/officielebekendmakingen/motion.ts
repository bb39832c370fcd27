import type { CheerioAPI } from 'cheerio';
import { FragmentBuilder } from '../../src/model/fragment.js';
import { addCitationEdges } from './citation-edges.js';
import { toIsoDate } from './dates.js';
import { addDossier, addNamedPerson, koopRef } from './graph-refs.js';
import { textWithoutNotes } from './kamervragen-xml.js';
import { readKamerstukHead } from './kamerstuk.js';
import { all, first, type MetaMap } from './metadata.js';
import { clean } from '../pipeline/safe-xml.js';
import { matchSubmitters } from './submitters.js';
import { cleanName } from '../../src/analysis/person-names.js';

const CONSIDERATION = /^(overwegende|constaterende|van mening|van oordeel|voorts overwegende|tevens constaterende|gelet op|gezien|wijzend op|erkennende|benadrukkende|concluderende)\b/i;
const OPERATIVE = /^(verzoekt|roept|spreekt|draagt|besluit|vraagt|dringt|zegt)\b/i;
const CLOSING = /^en gaat over tot de orde van de dag/i;

export interface MotionText {
  considerations: string[];
  operativeText?: string;
  /** Names under the text: the al-groep, or the lines after "en gaat over tot de orde van de dag". */
  signatures: string[];
  paragraphs: string[];
}

/** Paragraphs of the text in order, an al-groep's lines included; `grouped` marks lines inside one. */
function readParagraphs($: CheerioAPI): { text: string; grouped: boolean }[] {
  const tekst = $('stuk algemeen tekst, stuk vrije-tekst').first();
  return tekst
    .find('al')
    .toArray()
    .map((el) => ({ text: clean(textWithoutNotes(el)), grouped: $(el).parent().is('al-groep') }))
    .filter((p) => p.text !== '');
}

/** Rejoins a sentence that an al-groep broke over lines ("… het instrumentarium om" / "leegstand te bestrijden …"). */
function joinBroken(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const continues = out.length > 0 && /^[a-z]/.test(line) && !CONSIDERATION.test(line) && !OPERATIVE.test(line) && !/[;,.:]$/.test(out.at(-1)!);
    if (continues) out[out.length - 1] = `${out.at(-1)} ${line}`;
    else out.push(line);
  }
  return out;
}

/** Splits a motion's paragraphs into considerations, the operative ask and the signature block. */
function readMotionText($: CheerioAPI): MotionText {
  const all = readParagraphs($);
  let closing = all.findIndex((p) => CLOSING.test(p.text));
  // Without the closing formula, a trailing al-groep is the signature block.
  if (closing < 0) {
    let i = all.length;
    while (i > 0 && all[i - 1]!.grouped) i -= 1;
    closing = i < all.length ? i - 1 : all.length;
  }
  const body = joinBroken(all.slice(0, Math.max(closing, 0)).map((p) => p.text).filter((t) => !CLOSING.test(t)));
  const signatures = all.slice(closing + 1).map((p) => cleanName(p.text));
  const opIndex = body.findIndex((p) => OPERATIVE.test(p));
  return {
    considerations: body.filter((p) => CONSIDERATION.test(p)),
    operativeText: opIndex >= 0 ? body.slice(opIndex).join('\n') : undefined,
    signatures: signatures.filter((s) => s.length <= 80 && !/[;:]/.test(s) && !CONSIDERATION.test(s) && !OPERATIVE.test(s)),
    paragraphs: all.map((p) => p.text),
  };
}

/** A motion (`<kamerstuk>` of type Motie): Motion, Dossier, submitters, citations. */
export function buildMotion($: CheerioAPI, meta: MetaMap, url: string, urlKoopId?: string): FragmentBuilder {
  const { koopId, dossier, ondernummer, dossiers, heading, parliamentaryYear } = readKamerstukHead($, meta, url, urlKoopId, 'motion');
  const motion = readMotionText($);
  const text = motion.paragraphs.join('\n');
  const b = new FragmentBuilder();
  const m = koopRef('Motion', koopId);
  b.node('Motion', koopId, {
    koopId,
    dossier,
    dossierTitle: dossiers.find((d) => d.number === dossier)?.title ?? first(meta, 'dossiertitel'),
    ondernummer: Number(ondernummer),
    title: first(meta, 'documenttitel') || heading || undefined,
    heading: heading || undefined,
    submittedAt: $('stuk datumtekst datum[isodatum]').first().attr('isodatum') ?? toIsoDate(first(meta, 'issued')),
    parliamentaryYear,
    considerations: motion.considerations,
    operativeText: motion.operativeText,
    text,
  }, { provisional: true });
  for (const d of dossiers) b.edge('PART_OF', m, addDossier(b, d.number, d.title));
  const submitters = matchSubmitters(motion.signatures, all(meta, 'indiener'), heading);
  submitters.forEach((s, i) => {
    const person = addNamedPerson(b, s.name, { fullName: s.fullName });
    b.edge('SUBMITTED', person, m, { role: i === 0 ? 'Indiener' : 'Medeindiener', nameAsWritten: s.name });
  });
  addCitationEdges(b, { ref: m, text, government: false, self: [koopId] });
  return b;
}
