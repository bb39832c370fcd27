import { ref, type FragmentBuilder, type NodeRef } from '../../src/model/fragment.js';
import { officeId, slugify } from '../../src/model/ids.js';

/**
 * A person known only by name: a provisional node `name:<slug>` that the resolution step maps to the
 * Tweede Kamer person; it is never guessed here.
 */
export function addNamedPerson(b: FragmentBuilder, name: string, props: { partyName?: string; fullName?: string } = {}): NodeRef {
  return b.node('Person', `name:${slugify(name)}`, { name, ...props }, { provisional: true });
}

/** A government office by its title ("minister van Justitie en Veiligheid"). */
export function addOffice(b: FragmentBuilder, title: string): NodeRef {
  return b.node('Office', officeId(title), { title });
}

/** A Kamerstukdossier, keyed by its number ("30821", "21501-32", "36410-XVI"). */
export function addDossier(b: FragmentBuilder, number: string, title?: string): NodeRef {
  return b.node('Dossier', number, { number, title });
}

/** Points at a written question by its Zaak number, so it joins the Tweede Kamer node whichever came first. */
export const questionRef = (number: string): NodeRef => ref('Question', number, 'number');
/** Points at a publication node by its KOOP id. */
export const koopRef = (label: 'Motion' | 'Answer' | 'Postponement' | 'Document', koopId: string): NodeRef => ref(label, koopId, 'koopId');
