import { foldText, startsUpper } from './text-fold.js';

/** A Dutch personal name split into its parts. */
export interface PersonName {
  /** Initials without dots, e.g. ['H'] or ['D', 'A'] ("Th." stays one initial). */
  initials: string[];
  firstName?: string;
  /** Particles (tussenvoegsel) in lower case, e.g. "van der". */
  prefix?: string;
  surname: string;
}

/** What the resolver knows about a person; every part but the id is optional. */
export interface PersonRecord {
  id: string;
  name?: string;
  initials?: string;
  firstName?: string;
  /** All given names ("Martin Engelbert Elisabeth"), when known. */
  givenNames?: string;
  prefix?: string;
  surname?: string;
}

const PARTICLES = new Set(['van', 'de', 'der', 'den', 'het', "'t", 't', 'te', 'ter', 'ten', 'in', 'op', 'la', 'le', 'du', 'el', 'al', 'von', 'zu', "d'", 'di', 'da', 'dos', 'des', 'del', "l'", 'vande', 'vander', 'uit']);
const TITLES = /^(mr|mrs|dr|drs|ir|ing|prof|ds|mw|mevr|dhr|bc|ir\.drs|mr\.drs|jhr|jkvr)\.?$/i;
const INITIALS = /^(?:\p{Lu}\p{Ll}?\.)+(?:\p{Lu})?$/u;

/** Whether a word is a Dutch name particle ("van", "de", "ter", …). */
export function isParticle(word: string): boolean {
  return PARTICLES.has(foldText(word));
}

/** Splits initials as the Tweede Kamer writes them ("M.E.E.", "JA", "M.G.F", "Th.") into a list. */
export function parseInitials(raw: string | undefined): string[] {
  if (!raw) return [];
  const s = raw.replace(/\s+/g, '');
  if (s.includes('.')) return s.split('.').filter(Boolean);
  return /^\p{Lu}{1,5}$/u.test(s) ? [...s] : [];
}

/** Spaces and dashes made plain, and a full stop or comma after a name ("Boswijk." closing a signature) dropped; an initial keeps its dot. */
export const cleanName = (raw: string): string =>
  raw
    .replace(/\s+/g, ' ')
    .replace(/[\u2010-\u2014]/g, '-')
    .trim()
    .replace(/(\p{Ll}{2})[.,;]+$/u, '$1');

/** The first name the metadata writes in brackets after the initials: "A.P.C. (Tony) van Dijck". */
const BRACKETED_FIRST_NAME = /\s*\((\p{Lu}[\p{L}'-]*)\)\s*/u;

function splitSurname(words: string[]): { prefix?: string; surname: string } | undefined {
  let i = 0;
  while (i < words.length - 1 && isParticle(words[i]!)) i++;
  const surname = words.slice(i).join(' ');
  if (!surname) return undefined;
  const prefix = words.slice(0, i).join(' ').toLowerCase();
  return prefix ? { prefix, surname } : { surname };
}

/** The reversed form of the vote records: "Roon de, R.", "Dekker-Abdulaziz, H.". */
function parseReversed(left: string, right: string): PersonName | undefined {
  const words = left.split(' ');
  let end = words.length;
  while (end > 1 && isParticle(words[end - 1]!)) end--;
  const surname = words.slice(0, end).join(' ');
  const prefix = words.slice(end).join(' ').toLowerCase();
  const given = right.trim();
  const initials = INITIALS.test(given.replace(/\s+/g, '')) || /^\p{Lu}{1,4}$/u.test(given) ? parseInitials(given) : [];
  const firstName = initials.length === 0 && given ? given : undefined;
  const base: PersonName = { initials: firstName ? [firstName[0]!.toUpperCase()] : initials, surname };
  return { ...base, ...(prefix ? { prefix } : {}), ...(firstName ? { firstName } : {}) };
}

/**
 * Every plausible reading of a written name, most likely first: "H. Dekker-Abdulaziz",
 * "Hind Dekker-Abdulaziz", "Dekker-Abdulaziz, H.", "Raymond de Roon", "Bruins Slot" (a
 * two-word surname, also read as first name + surname).
 */
export function parseDutchNames(raw: string): PersonName[] {
  const text = cleanName(raw);
  if (!text) return [];
  const comma = text.indexOf(',');
  if (comma > 0) {
    const parsed = parseReversed(text.slice(0, comma).trim(), text.slice(comma + 1));
    return parsed ? [parsed] : [];
  }
  const bracketed = BRACKETED_FIRST_NAME.exec(text)?.[1];
  if (bracketed) return parseDutchNames(text.replace(BRACKETED_FIRST_NAME, ' ')).map((n) => ({ ...n, firstName: bracketed }));
  const words = text.split(' ').filter((w) => !TITLES.test(w));
  const initials: string[] = [];
  while (words.length > 1 && INITIALS.test(words[0]!)) initials.push(...parseInitials(words.shift()));
  const readings: PersonName[] = [];
  const plain = splitSurname(words);
  // "Faber-van de Klashorst": a word ending in a particle starts a surname, not a first name.
  const endsInParticle = /-\p{L}+$/u.test(words[0] ?? '') && isParticle(words[0]!.split('-').pop()!);
  const canHaveFirstName = initials.length === 0 && words.length > 1 && !isParticle(words[0]!) && !endsInParticle && startsUpper(words[0]!);
  if (canHaveFirstName) {
    const rest = splitSurname(words.slice(1));
    if (rest) readings.push({ initials: [words[0]![0]!.toUpperCase()], firstName: words[0]!, ...rest });
  }
  if (plain) readings.push({ initials, ...plain });
  return readings;
}

/** The most likely reading of a written name, or undefined for an empty one. */
export function parseDutchName(raw: string): PersonName | undefined {
  return parseDutchNames(raw)[0];
}

/** The parts of a person record, from its separate fields or else from its full name. */
export function personNameOf(p: PersonRecord): PersonName | undefined {
  if (p.surname) {
    // A surname may carry its particles ("van Ginneken") when no separate prefix is given.
    const split = p.prefix ? { prefix: cleanName(p.prefix).toLowerCase(), surname: cleanName(p.surname) } : splitSurname(cleanName(p.surname).split(' '));
    if (!split) return undefined;
    const name: PersonName = { initials: parseInitials(p.initials), surname: split.surname };
    if (split.prefix) name.prefix = split.prefix;
    if (p.firstName) name.firstName = cleanName(p.firstName);
    return name;
  }
  return p.name ? parseDutchName(p.name) : undefined;
}

const fullSurname = (n: PersonName): string => foldText([n.prefix, n.surname].filter(Boolean).join(' '));

/** How well the surname of a written name fits a person's: 0 (not at all) to 0.7 (exactly). */
function surnameScore(written: PersonName, person: PersonName): number {
  if (fullSurname(written) === fullSurname(person)) return 0.7;
  const ws = foldText(written.surname);
  const ps = foldText(person.surname);
  // "Yeşilgöz" for "Yeşilgöz-Zegerius": a common short form of a double surname.
  if (!written.prefix && ps.includes('-') && ps.split('-')[0] === ws) return 0.55;
  if (ws === ps && written.prefix === undefined) return 0.35;
  return 0;
}

/**
 * Scores a written name against a person, from 0 to 1: the surname decides (with particles and
 * double surnames), initials and first names confirm or contradict.
 */
function scoreName(written: PersonName, person: PersonRecord): number {
  const known = personNameOf(person);
  if (!known) return 0;
  let score = surnameScore(written, known);
  if (score === 0) return 0;
  const personInitials = known.initials.map(foldText);
  const firstNames = [known.firstName, ...(person.givenNames?.split(/\s+/) ?? [])].filter(Boolean).map((n) => foldText(n!));
  const firstName = written.firstName ? foldText(written.firstName) : undefined;
  // "Tony van Dijck" gives the initial T only because of the first name: a fitting T confirms nothing.
  const onlyFirstNameInitial = firstName !== undefined && written.initials.length === 1 && foldText(written.initials[0]!) === firstName[0];
  if (firstName && firstNames.length > 0) score = firstNames.includes(firstName) ? score + 0.25 : score * 0.2;
  else if (written.initials.length > 0 && personInitials.length > 0) {
    const w = written.initials.map(foldText);
    const fits = w.every((x, i) => personInitials[i] === x || (personInitials[i]?.startsWith(x) ?? false));
    score = fits ? (onlyFirstNameInitial ? score : score + 0.25) : score * 0.2;
  }
  return Math.min(1, Math.round(score * 100) / 100);
}

/** The best score of any reading of a written name against a person. */
export function scoreWrittenName(raw: string, person: PersonRecord): number {
  return Math.max(0, ...parseDutchNames(raw).map((n) => scoreName(n, person)));
}
