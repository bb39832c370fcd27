/** A KOOP publication id: kv-tk-2022Z04510, ah-tk-20212022-3019, kst-30821-84, kst-35300-VI-64, stb-2025-252 … */
const KOOP_ID = /^[a-z]{1,8}(?:-[a-z]{2})?-[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*$/;

export type KoopKind = 'question' | 'answer' | 'kamerstuk' | 'other';

export interface KoopIdInfo {
  id: string;
  kind: KoopKind;
  /** Zaak number of a written question (kv-tk-…). */
  questionNumber?: string;
  /** Parliamentary year "2021-2022" and appendix number of an Aanhangsel (ah-tk-…). */
  parliamentaryYear?: string;
  appendixNumber?: string;
  /** Dossier ("30821", "21501-32", "35300-VI") and ondernummer of a Kamerstuk (kst-…). */
  dossier?: string;
  ondernummer?: string;
}

/** Whether a string has the shape of a KOOP publication id. */
export function isKoopId(value: string): boolean {
  return KOOP_ID.test(value);
}

/** Classifies a KOOP id and takes it apart. */
export function parseKoopId(id: string): KoopIdInfo {
  const kv = /^kv-tk-(\d{4}Z\d{5})$/i.exec(id);
  if (kv) return { id, kind: 'question', questionNumber: kv[1]!.toUpperCase() };
  if (/^kv-/i.test(id)) return { id, kind: 'question' };
  const ah = /^ah-tk-(\d{4})(\d{4})-(\d+)$/i.exec(id);
  if (ah) return { id, kind: 'answer', parliamentaryYear: `${ah[1]}-${ah[2]}`, appendixNumber: ah[3]! };
  if (/^ah-/i.test(id)) return { id, kind: 'answer' };
  const kst = /^kst-(\d+(?:-[0-9A-Za-z]+)*)-(\d+)$/i.exec(id);
  if (kst) return { id, kind: 'kamerstuk', dossier: kst[1]!, ondernummer: kst[2]! };
  return { id, kind: 'other' };
}
