import type { CheerioAPI } from 'cheerio';
import { ParseError } from '../pipeline/format.js';
import { parseKoopId } from '../../src/model/koop-id.js';
import { all, first, type MetaMap } from './metadata.js';
import { clean } from '../pipeline/safe-xml.js';

/** What every Kamerstuk (`<kamerstuk>`: motion, letter, report, memorandum …) says about itself. */
export interface KamerstukHead {
  koopId: string;
  dossier: string;
  ondernummer: string;
  /** Every dossier the stuk belongs to (a stuk can be filed under two), with its title. */
  dossiers: { number: string; title?: string }[];
  /** The stuk's own heading ("MOTIE VAN HET LID …", "BRIEF VAN DE MINISTER VAN …"). */
  heading: string;
  parliamentaryYear?: string;
}

/** Dossier numbers as written: "21 501" + "-32" or a budget chapter "XVI" become "21501-32", "36410-XVI". */
function readDossiers($: CheerioAPI): { number: string; title?: string }[] {
  return $('kamerstuk > dossier')
    .toArray()
    .map((d) => {
      const nr = $(d).find('dossiernummer');
      const base = clean(nr.find('dossiernr').first().text()).replace(/\s/g, '');
      const extra = [nr.find('raadnr').first().text(), nr.find('begrotingshoofdstuk').first().text()].map(clean).filter(Boolean);
      return { number: [base, ...extra].join('-'), title: clean($(d).children('titel').text()) || undefined };
    })
    .filter((d) => d.number !== '');
}

function koopIdFromMeta(meta: MetaMap): string | undefined {
  const own = all(meta, 'identifier').find((v) => /^kst-/i.test(v));
  const extern = /\/(kst-[\w-]+)\/metadata\.xml$/i.exec(first(meta, 'externmetadatarecord') ?? '')?.[1];
  return own ?? extern;
}

/** Reads the id, dossier and ondernummer of a Kamerstuk; without a dossier or ondernummer it cannot be placed. */
export function readKamerstukHead($: CheerioAPI, meta: MetaMap, url: string, urlKoopId: string | undefined, what: string): KamerstukHead {
  const dossiers = readDossiers($);
  const fromId = parseKoopId(koopIdFromMeta(meta) ?? urlKoopId ?? '');
  const ondernummer = clean($('stuk ondernummer').first().text()) || first(meta, 'ondernummer') || fromId.ondernummer;
  const dossier = fromId.dossier ?? first(meta, 'dossiernummer') ?? dossiers[0]?.number;
  const missing = [!dossier && 'a dossier number', !ondernummer && 'an ondernummer'].filter(Boolean).join(' and ');
  if (!dossier || !ondernummer) throw new ParseError(`${url}: ${what} without ${missing} in its XML, its metadata or its KOOP id`);
  return {
    koopId: fromId.kind === 'kamerstuk' ? fromId.id : `kst-${dossier}-${ondernummer}`,
    dossier,
    ondernummer,
    dossiers: dossiers.length > 0 ? dossiers : [{ number: dossier }],
    heading: clean($('stuk > titel').first().text()),
    parliamentaryYear: first(meta, 'vergaderjaar') ?? /(\d{4}-\d{4})/.exec($('tekstregel[inhoud="vergaderjaar"]').text())?.[1],
  };
}

/** The Kamerstuk type KOOP gives (DC.type in the KamerstukTypen scheme: "Motie", "Brief", "Verslag" …), when the XML carries it. */
export function kamerstukType($: CheerioAPI): string | undefined {
  const el = $('officiele-publicatie > metadata > meta')
    .toArray()
    .find((m) => /^dc\.type$/i.test($(m).attr('name') ?? '') && /kamerstuktypen/i.test($(m).attr('scheme') ?? ''));
  return clean(el ? $(el).attr('content') : '') || undefined;
}
