import { FragmentBuilder, ref } from '../../src/model/fragment.js';
import { toIsoDate } from './dates.js';
import { addDossier, addNamedPerson, addOffice, koopRef, questionRef } from './graph-refs.js';
import { parseOfficeList } from './header.js';
import { parseKoopId } from '../../src/model/koop-id.js';
import { all, first, koopIdOf, type MetaMap } from './metadata.js';
import { displayName } from './submitters.js';

const said = (meta: MetaMap, re: RegExp) => [...all(meta, 'type'), ...all(meta, 'title'), ...all(meta, 'documenttitel'), ...all(meta, 'publicationname')].some((v) => re.test(v));
const date = (meta: MetaMap, ...keys: string[]) => keys.map((k) => toIsoDate(first(meta, k))).find(Boolean);
/** DC.type values that say what kind of publication it is, not what kind of document ("Kamerstuk", "officiële publicatie"). */
const GENERIC_TYPE = /^(kamerstuk|kamerstukken|officiële publicatie|officiele publicatie|parlementair)$/i;
const zaakNumber = (meta: MetaMap) => /\b(\d{4}Z\d{5})\b/.exec(first(meta, 'vraagnummer') ?? '')?.[1];

function addPeople(b: FragmentBuilder, meta: MetaMap, to: ReturnType<typeof koopRef> | ReturnType<typeof questionRef>, edge: 'ASKED' | 'SUBMITTED') {
  all(meta, 'indiener').forEach((full, i) => {
    const person = addNamedPerson(b, displayName(full), { fullName: full });
    b.edge(edge, person, to, edge === 'ASKED' ? { role: i === 0 ? 'Indiener' : 'Medeindiener' } : { nameAsWritten: full });
  });
}

/**
 * The nodes one metadata record (metadata.xml or an SRU record) yields: the same Motion, Question,
 * Answer, Postponement or Document node the publication itself gives, so both join.
 */
export function addMetadataRecord(b: FragmentBuilder, meta: MetaMap): string | undefined {
  const koopId = koopIdOf(meta);
  if (!koopId) return undefined;
  const info = parseKoopId(koopId);
  const dossier = first(meta, 'dossiernummer') ?? info.dossier;
  const ondernummer = first(meta, 'ondernummer') ?? info.ondernummer;
  const title = first(meta, 'documenttitel') ?? first(meta, 'title');
  if (info.kind === 'kamerstuk' && said(meta, /\bmotie\b/i)) {
    const m = koopRef('Motion', koopId);
    // DC.title reads "<dossier title>; Motie; Motie van het lid …": only its last part is the motion's own title.
    const own = first(meta, 'documenttitel') ?? first(meta, 'title')?.split(/;\s*/).find((p) => /^(?:(?:nader\s+)?gewijzigde\s+)?motie\s+van\b/i.test(p));
    const dossierTitle = first(meta, 'dossiertitel');
    b.node('Motion', koopId, { koopId, dossier, dossierTitle, ondernummer: ondernummer ? Number(ondernummer) : undefined, title: own, submittedAt: date(meta, 'datumindiening', 'issued'), parliamentaryYear: first(meta, 'vergaderjaar') }, { provisional: true });
    if (dossier) b.edge('PART_OF', m, addDossier(b, dossier, dossierTitle));
    addPeople(b, meta, m, 'SUBMITTED');
  } else if (info.kind === 'question' && (zaakNumber(meta) ?? info.questionNumber)) {
    const number = (zaakNumber(meta) ?? info.questionNumber)!;
    b.node('Question', number, { number, koopId, subject: title, submittedAt: date(meta, 'datumindiening', 'issued'), parliamentaryYear: first(meta, 'vergaderjaar') }, { provisional: true });
    addPeople(b, meta, questionRef(number), 'ASKED');
    for (const o of all(meta, 'ontvanger')) b.edge('ADDRESSED_TO', questionRef(number), addOffice(b, parseOfficeList(o)[0] ?? o));
  } else if (info.kind === 'answer') {
    const number = zaakNumber(meta);
    const postponed = said(meta, /\bmededeling\b|\buitstel\b/i);
    const label = postponed ? 'Postponement' : 'Answer';
    const at = date(meta, 'datumontvangst', 'datumbrief', 'issued');
    const appendixNumber = first(meta, 'aanhangselnummer') ?? info.appendixNumber;
    b.node(label, koopId, { koopId, questionNumber: number, appendixNumber, title, ...(postponed ? { sentAt: at } : { receivedAt: at }) }, { provisional: true });
    if (number) b.edge(postponed ? 'POSTPONES' : 'ANSWERS', koopRef(label, koopId), questionRef(number));
  } else {
    const kind = all(meta, 'type').find((t) => !GENERIC_TYPE.test(t)) ?? first(meta, 'type');
    const props = { koopId, title, kind, dossier, ondernummer: ondernummer ? Number(ondernummer) : undefined, date: date(meta, 'datumbrief'), publishedAt: date(meta, 'issued', 'available') };
    b.node('Document', koopId, props, { provisional: true });
    if (dossier) b.edge('PART_OF', ref('Document', koopId, 'koopId'), addDossier(b, dossier));
  }
  return koopId;
}
