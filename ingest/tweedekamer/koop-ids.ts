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

/** The dossier ("30821", "35300-VI") and ondernummer of a kst id such as "kst-35300-VI-64". */
export function parseKamerstukId(koopId: string): { dossier: string; ondernummer: number } | undefined {
  const m = /^kst-(\d+(?:-[A-Za-z0-9]+)?)-(\d+)$/.exec(koopId);
  return m ? { dossier: m[1]!, ondernummer: Number(m[2]) } : undefined;
}
