/**
 * KOOP publication ids derived from Tweede Kamer fields, so the publication parsers join onto
 * the same nodes.
 */

/** "ah-tk-20212022-3019" from Vergaderjaar "2021-2022" and Aanhangselnummer "212203019" (last 5 digits, zeros stripped). */
export function aanhangselKoopId(vergaderjaar: string | undefined, aanhangselnummer: string | undefined): string | undefined {
  if (!vergaderjaar || !aanhangselnummer || !/^\d{4}-\d{4}$/.test(vergaderjaar) || !/^\d{5,}$/.test(aanhangselnummer)) return undefined;
  const nr = aanhangselnummer.slice(-5).replace(/^0+/, '');
  return nr === '' ? undefined : `ah-tk-${vergaderjaar.replace('-', '')}-${nr}`;
}
