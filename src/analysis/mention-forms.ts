import { stripLegalForm } from './legal-forms.js';
import type { CaseRule, EntityForm } from './mentions.js';
import { nameKey } from './mentions.js';
import { PARTY_ALIASES } from './party-aliases.js';
import { personNameOf, type PersonRecord } from './person-names.js';
import { isAllCaps } from './text-fold.js';

/** The names of a company as the mention index needs them. */
export interface CompanyNames {
  id: string;
  name: string;
  aliases: readonly { text: string; caseSensitive?: boolean | undefined; unlessText?: readonly string[] | undefined }[];
  legalNames: readonly string[];
}

export interface PartyNames {
  id: string;
  abbreviation?: string;
  name?: string;
}

export interface OfficeNames {
  id: string;
  title: string;
}

const join = (...parts: (string | undefined)[]): string => parts.filter(Boolean).join(' ');

/** The ways Dutch texts write a person: "Hind Dekker-Abdulaziz", "H. Dekker-Abdulaziz", "De Roon", "Roon de, R.", "Yeşilgöz". */
export function personForms(p: PersonRecord): EntityForm[] {
  const n = personNameOf(p);
  if (!n) return [];
  const out: EntityForm[] = [];
  const add = (text: string, confidence: number, extra: Partial<EntityForm> = {}) =>
    out.push({ kind: 'person', entityId: p.id, text, caseRule: 'proper', confidence, ...extra });
  const initials = n.initials.length > 0 ? `${n.initials.join('.')}.` : undefined;
  if (n.firstName) add(join(n.firstName, n.prefix, n.surname), 0.97);
  if (initials) {
    add(join(initials, n.prefix, n.surname), 0.97);
    add(join(`${n.initials[0]}.`, n.prefix, n.surname), 0.92);
    add(`${join(n.surname, n.prefix)}, ${initials}`, 0.97);
  }
  add(join(n.prefix, n.surname), n.prefix ? 0.85 : 0.8, n.prefix ? { capitalParticle: true, surnameOnly: true } : { surnameOnly: true });
  const parts = n.surname.split('-');
  if (!n.prefix && parts.length > 1 && parts[0]!.length > 2) {
    add(parts[0]!, 0.6, { surnameOnly: true });
    if (n.firstName) add(join(n.firstName, parts[0]), 0.9);
  }
  return out;
}

function companyCase(text: string, caseSensitive: boolean | undefined): CaseRule {
  if (caseSensitive !== undefined) return caseSensitive ? 'exact' : 'proper';
  return text.length <= 4 || isAllCaps(text) ? 'exact' : 'proper';
}

/** A company's name, aliases and legal names, with and without their legal form. */
export function companyForms(c: CompanyNames): EntityForm[] {
  const out: EntityForm[] = [];
  const add = (text: string, caseSensitive: boolean | undefined, confidence: number, unlessText?: readonly string[]) =>
    out.push({ kind: 'company', entityId: c.id, text, caseRule: companyCase(text, caseSensitive), confidence, ...(unlessText ? { unlessText } : {}) });
  const own = c.aliases.find((a) => a.text === c.name);
  add(c.name, own?.caseSensitive, 0.95, own?.unlessText);
  for (const a of c.aliases) add(a.text, a.caseSensitive, 0.93, a.unlessText);
  for (const legal of c.legalNames) {
    add(legal, undefined, 0.99);
    const stripped = stripLegalForm(legal);
    if (stripped !== legal) add(stripped, undefined, 0.97);
  }
  return out;
}

/** A party's abbreviation, official name and the usual other names. */
export function partyForms(p: PartyNames): EntityForm[] {
  const names = [p.abbreviation, p.name].filter((x): x is string => Boolean(x));
  const keys = new Set(names.map(nameKey));
  const known = Object.entries(PARTY_ALIASES).find(([abbr, aliases]) => [abbr, ...aliases].some((a) => keys.has(nameKey(a))));
  const out: EntityForm[] = [];
  const add = (text: string, caseRule: CaseRule, confidence: number) => out.push({ kind: 'party', entityId: p.id, text, caseRule, confidence });
  for (const name of new Set([...names, ...(known ? [known[0], ...known[1]] : [])])) {
    const abbreviation = !name.includes(' ');
    // One-member groups are named after their member ("Omtzigt"): below the person's own forms.
    const confidence = known || !abbreviation || /\d|^\p{Lu}+$/u.test(name) ? 0.95 : 0.5;
    // Short abbreviations ("SP", "CDA", "PvdA") are exact; longer mixed-case ones ("GroenLinks-PvdA") tolerate "GroenLinks-Pvda".
    add(name, abbreviation && (name.length <= 4 || /^[\p{Lu}\d]+$/u.test(name)) ? 'exact' : 'proper', confidence);
  }
  return out;
}

/** An office's title ("minister van Justitie en Veiligheid") and its ministry ("ministerie van Justitie en Veiligheid"). */
export function officeForms(o: OfficeNames): EntityForm[] {
  const out: EntityForm[] = [{ kind: 'office', entityId: o.id, text: o.title, caseRule: 'proper', confidence: 0.9 }];
  const ministry = /^minister (van|voor) (.+)$/i.exec(o.title);
  if (ministry) out.push({ kind: 'office', entityId: o.id, text: `ministerie ${ministry[1]} ${ministry[2]}`, caseRule: 'proper', confidence: 0.8 });
  return out;
}
