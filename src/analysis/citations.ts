/**
 * Finds references to parliamentary documents in Dutch text: motions, Kamerstukken, written
 * questions and Aanhangsel (answers, postponement notices). Pure: text in, citations out, each with
 * the citation as written and its character offsets, so an edge can keep the citing text verbatim.
 */

export type CitationKind = 'motion' | 'kamerstuk' | 'question' | 'answer' | 'postponement';

export interface Citation {
  /** 'motion' when the text calls it a motie; 'kamerstuk' when the kind of the Kamerstuk is not said. */
  kind: CitationKind;
  /** The citation exactly as written, e.g. "motie Buitenweg en Verhoeven (30821–90)". */
  citation: string;
  /** Offsets into the text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  /** The sentence around the citation. */
  context: string;
  /** The cited publication's KOOP id, e.g. kst-30821-90 or ah-tk-20212022-2273. */
  koopId?: string;
  /** The cited written question's Zaak number, e.g. 2022Z04403. */
  questionNumber?: string;
  /** The text says it supplements the cited questions ("ter aanvulling op"). */
  supplements?: boolean;
}

const DASH = '[-\u2010-\u2015\u2212]';
// dossier (5 digits, maybe "30 821"), optional addition (-32, " VI"), then the number: "30821–90", "30 821, nr. 90", "21501-32-1604"
const NUM = `(\\d{2}\\s?\\d{3})((?:${DASH}|\\s)(?:[A-Z]{1,5}|\\d{1,3}))?(?:\\s*,\\s*nr\\.?\\s*|${DASH})(\\d{1,4})`;
const PAREN_ASIDE = '\\([^()\\d]{1,40}\\)';

const PATTERNS: { re: RegExp; make: (m: RegExpExecArray) => Omit<Citation, 'start' | 'end' | 'context' | 'citation'> }[] = [
  {
    re: new RegExp(`\\bmotie\\b(?:[^()\\n;?!]|${PAREN_ASIDE}){0,160}?\\(\\s*(?:Kamerstuk(?:ken)?\\s+)?${NUM}\\s*\\)`, 'giu'),
    make: (m) => ({ kind: 'motion', koopId: kstId(m[1]!, m[2], m[3]!) }),
  },
  {
    re: new RegExp(`\\bKamerstuk(?:ken)?(?:\\s+I{1,2})?(?:\\s+\\d{4}[/\u2013-]\\d{2,4})?,?\\s+${NUM}`, 'gu'),
    make: (m) => ({ kind: 'kamerstuk', koopId: kstId(m[1]!, m[2], m[3]!) }),
  },
  {
    re: /\bkst-(\d+(?:-[0-9A-Za-z]+)*)-(\d+)\b/gu,
    make: (m) => ({ kind: 'kamerstuk', koopId: `kst-${m[1]}-${m[2]}` }),
  },
  {
    re: new RegExp(`\\bAanhangsel(?:\\s+(?:van\\s+de\\s+)?Handelingen)?(?:\\s+I{1,2})?,?\\s*(?:vergaderjaar\\s+)?(\\d{4})\\s*(?:${DASH}|/)\\s*(\\d{2,4}),?\\s*(?:nr\\.?|nummer)\\s*(\\d+)`, 'giu'),
    make: (m) => ({ kind: 'answer', koopId: `ah-tk-${m[1]}${fullYear(m[1]!, m[2]!)}-${m[3]}` }),
  },
  {
    re: /\bah-tk-(\d{8})-(\d+)\b/gu,
    make: (m) => ({ kind: 'answer', koopId: `ah-tk-${m[1]}-${m[2]}` }),
  },
  {
    re: /\b(?:vraagnummers?\s+|kv-tk-)?(\d{4}Z\d{5})\b/gu,
    make: (m) => ({ kind: 'question', questionNumber: m[1]! }),
  },
];

function kstId(dossier: string, addition: string | undefined, nr: string): string {
  const extra = addition ? `-${addition.replace(new RegExp(`^(?:${DASH}|\\s)`), '')}` : '';
  return `kst-${dossier.replace(/\s/g, '')}${extra}-${Number(nr)}`;
}

function fullYear(first: string, second: string): string {
  return second.length === 4 ? second : `${first.slice(0, 2)}${second}`;
}

/** The sentence around [start, end): from the previous sentence end to the next one ("nr. 90" does not end a sentence). */
export function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const boundary = /(?:[.?!:]\s+(?=[A-Z\u00C0-\u00DE‘“"'])|\n)/g;
  let from = 0;
  for (const m of before.matchAll(boundary)) from = m.index + m[0].length;
  const after = /[.?!](?=\s+[A-Z\u00C0-\u00DE‘“"']|\s*$)|\n/.exec(text.slice(end));
  const to = after ? end + after.index + 1 : text.length;
  return text.slice(from, to).replace(/\s+/g, ' ').trim();
}

const SUPPLEMENTS = /\b(?:ter|in)\s+aanvulling\s+op\b|\baanvullend\s+op\b/i;
const POSTPONED = /\buitstel|\bmededeling\b|\bniet binnen de (?:gebruikelijke )?termijn\b/i;
const MOTIE = /\bmoties?\b/i;

/** Every citation in a text, in order; overlapping matches keep the longest. */
export function findCitations(text: string): Citation[] {
  const found: Citation[] = [];
  for (const { re, make } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      found.push({ ...make(m), citation: m[0], start, end, context: sentenceAround(text, start, end) });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Citation[] = [];
  for (const c of found) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(refine(c));
  }
  return kept;
}

/** Settles what the surrounding sentence says: a Kamerstuk called a motie, questions supplemented, a notice of delay. */
function refine(c: Citation): Citation {
  const lead = c.context.slice(0, Math.max(0, c.context.indexOf(c.citation)));
  if (c.kind === 'kamerstuk' && MOTIE.test(lead.slice(-100))) return { ...c, kind: 'motion' };
  if (c.kind === 'question' && SUPPLEMENTS.test(c.context)) return { ...c, supplements: true };
  if (c.kind === 'answer' && POSTPONED.test(c.context)) return { ...c, kind: 'postponement' };
  return c;
}
