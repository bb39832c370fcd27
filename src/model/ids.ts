import { createHash } from 'node:crypto';

/** The content address of raw bytes: the Source node's id and the raw store's file name. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A stable, readable slug: lower case ASCII letters, digits and single dashes. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The id of a government office from its title: "Minister van Justitie en Veiligheid" → "minister-van-justitie-en-veiligheid". */
export function officeId(title: string): string {
  return slugify(title.replace(/\s+/g, ' ').trim());
}

/** Whether a value has the shape of a Tweede Kamer case (Zaak) number, as 2022Z04510. */
export const isZaakNumber = (value: string): boolean => /^\d{4}Z\d{5}$/.test(value);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An id as the graph keys it: a GUID in lower case (the Kamer writes its GUIDs in lower case, but a
 * GUID is case-insensitive, and one in capitals is the same entity), anything else as it is.
 */
export function normaliseId<T>(v: T): T | string {
  return typeof v === 'string' && GUID.test(v.trim()) ? v.trim().toLowerCase() : v;
}

/**
 * A number or id as the graph spells it, whatever the case and spaces it was typed with: case and
 * document numbers in upper case (2022Z04510, 2024D14490); KOOP ids with their prefix in lower case
 * and the rest in upper case (kst-36410-VI-45, kv-tk-2022Z04510); GUIDs in lower case; anything else
 * only trimmed.
 */
export function asStored(value: string): string {
  const v = value.trim();
  if (/^\d{4}[zd]\d+$/i.test(v)) return v.toUpperCase();
  const koop = /^((?:kst|kv-tk|ah-tk)-)(\d.*)$/i.exec(v);
  return koop ? koop[1]!.toLowerCase() + koop[2]!.toUpperCase() : normaliseId(v);
}
