import { isParticle } from './person-names.js';
import { foldText, isAllCaps, startsUpper } from './text-fold.js';
import { formKey, normalizeSeparator, tokenize, type Token } from './tokens.js';

export type MentionKind = 'company' | 'person' | 'party' | 'office';

/**
 * How the case of a written form must match: `exact` (short or ambiguous forms: "CDA", "NS",
 * "Shell"), `proper` (every capitalised word of the form must be capitalised in the text),
 * `any`.
 */
export type CaseRule = 'exact' | 'proper' | 'any';

/** One way of writing one entity. */
export interface EntityForm {
  kind: MentionKind;
  entityId: string;
  text: string;
  caseRule: CaseRule;
  /** How sure a match of this form is, 0 to 1. */
  confidence: number;
  /** A particle-first surname ("Van Dijk") must be written with a capital when no name precedes it. */
  capitalParticle?: boolean;
  /** A surname-only form: rejected right after another given name ("Agnes Mulder" is not "Mulder"). */
  surnameOnly?: boolean;
  /** The form is not read in texts containing one of these phrases ("DJI" in a text on the "Dienst Justitiële Inrichtingen"). */
  unlessText?: readonly string[];
  /** Claims its words without yielding a mention (names that contain other names). */
  shield?: boolean;
}

/** One entity found in a text. */
export interface Mention {
  kind: MentionKind;
  entityId: string;
  start: number;
  end: number;
  /** The text as written. */
  text: string;
  confidence: number;
}

/** A place where a form of several entities of one kind was found, e.g. "Van Dijk" with five MPs of that name. */
export interface AmbiguousMention extends Omit<Mention, 'entityId'> {
  candidates: string[];
}

interface Pattern {
  tokens: string[];
  /** The form's words as written, for the case rules. */
  written: string[];
  separators: string[];
  trailingDot: boolean;
  forms: EntityForm[];
}

/** The compiled forms of all known entities. */
export interface MentionIndex {
  byFirstWord: Map<string, Pattern[]>;
}

/** Compiles entity forms into an index keyed by their first word; longer forms are tried first. */
export function createMentionIndex(forms: Iterable<EntityForm>): MentionIndex {
  const byKey = new Map<string, Pattern>();
  for (const form of forms) {
    const words = tokenize(form.text);
    if (words.length === 0) continue;
    const separators = words.slice(1).map((w, i) => normalizeSeparator(form.text.slice(words[i]!.end, w.start)));
    const tokens = words.map((w) => w.folded);
    const key = formKey(tokens, separators);
    const pattern = byKey.get(key) ?? { tokens, written: words.map((w) => w.text), separators, trailingDot: form.text.trimEnd().endsWith('.'), forms: [] };
    if (!pattern.forms.some((f) => f.kind === form.kind && f.entityId === form.entityId && f.caseRule === form.caseRule)) pattern.forms.push(form);
    byKey.set(key, pattern);
  }
  const byFirstWord = new Map<string, Pattern[]>();
  for (const p of byKey.values()) byFirstWord.set(p.tokens[0]!, [...(byFirstWord.get(p.tokens[0]!) ?? []), p]);
  for (const list of byFirstWord.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return { byFirstWord };
}

function matchesAt(text: string, words: Token[], i: number, p: Pattern): boolean {
  if (i + p.tokens.length > words.length) return false;
  for (let k = 0; k < p.tokens.length; k++) {
    if (words[i + k]!.folded !== p.tokens[k]) return false;
    if (k > 0 && normalizeSeparator(text.slice(words[i + k - 1]!.end, words[i + k]!.start)) !== p.separators[k - 1]) return false;
  }
  return true;
}

function caseFits(rule: CaseRule, written: string[], found: Token[]): boolean {
  if (rule === 'any') return true;
  if (rule === 'exact') return written.every((w, k) => found[k]!.text === w || (w.length > 4 && isAllCaps(found[k]!.text)));
  return written.every((w, k) => !startsUpper(w) || startsUpper(found[k]!.text) || isParticle(w));
}

/** Capitalised words that may stand before a bare surname without being a given name. */
const ROLE_WORDS = new Set(['motie', 'amendement', 'minister', 'staatssecretaris', 'premier', 'kamerlid', 'lid', 'leden', 'mevrouw', 'heer', 'meneer', 'collega', 'voorzitter', 'fractievoorzitter', 'dhr', 'mw', 'mr', 'drs', 'dr', 'ir', 'prof', 'en', 'of', 'door', 'aan', 'met', 'volgens', 'gewijzigde', 'initiatiefnota', 'verzoek', 'voorstel', 'vragen', 'het', 'de']);

/** Persons are never matched inside a hyphenated name ("Dekker" in "Dekker-Abdulaziz") or after a stray particle ("Den Helder"). */
function personBoundaryFits(text: string, words: Token[], i: number, n: number, p: Pattern, form: EntityForm): boolean {
  if (form.capitalParticle && !startsUpper(words[i]!.text)) return false;
  const prev = words[i - 1];
  if (form.surnameOnly && prev && /^ $/.test(text.slice(prev.end, words[i]!.start)) && startsUpper(prev.text) && !isAllCaps(prev.text) && !ROLE_WORDS.has(prev.folded) && !isParticle(prev.text))
    return false;
  const start = words[i]!.start;
  const end = words[i + n - 1]!.end;
  if (/^[-\u2010\u2011]\p{L}/u.test(text.slice(end, end + 2))) return false;
  // "motie-Dobbe", "amendement-Mooiman": a hyphen after these words introduces a name.
  if (/\p{L}[-\u2010\u2011]$/u.test(text.slice(Math.max(0, start - 2), start)) && !/(?:motie|amendement)[-\u2010\u2011]$/iu.test(text.slice(Math.max(0, start - 11), start))) return false;
  const before = words[i - 1];
  const firstIsParticle = isParticle(p.written[0]!);
  if (before && !firstIsParticle && isParticle(before.text) && /^\s+$/.test(text.slice(before.end, start))) return false;
  return true;
}

/**
 * Finds the entities of an index in a text, left to right, longest form first. A form shared by
 * several entities of one kind is reported as ambiguous, never guessed.
 */
export function extractMentions(text: string, index: MentionIndex): { mentions: Mention[]; ambiguous: AmbiguousMention[] } {
  const words = tokenize(text);
  const mentions: Mention[] = [];
  const ambiguous: AmbiguousMention[] = [];
  let i = 0;
  while (i < words.length) {
    const hit = findAt(text, words, i, index);
    if (!hit) {
      i++;
      continue;
    }
    const { pattern, forms } = hit;
    const n = pattern.tokens.length;
    let end = words[i + n - 1]!.end;
    // Keep the dot of a final initial or legal form ("Roon de, R.", "Co., Ltd.").
    if (pattern.trailingDot && text[end] === '.') end++;
    const base = { start: words[i]!.start, end };
    const written = text.slice(base.start, base.end);
    const kind = forms[0]!.kind;
    const ids = [...new Set(forms.filter((f) => f.kind === kind).map((f) => f.entityId))];
    const confidence = Math.max(...forms.map((f) => f.confidence));
    if (forms.some((f) => f.shield)) {
      i += n;
      continue;
    }
    if (ids.length === 1) mentions.push({ kind, entityId: ids[0]!, ...base, text: written, confidence });
    else ambiguous.push({ kind, candidates: ids, ...base, text: written, confidence: confidence / ids.length });
    i += n;
  }
  return { mentions, ambiguous };
}

function findAt(text: string, words: Token[], i: number, index: MentionIndex): { pattern: Pattern; forms: EntityForm[] } | undefined {
  for (const pattern of index.byFirstWord.get(words[i]!.folded) ?? []) {
    if (!matchesAt(text, words, i, pattern)) continue;
    const found = words.slice(i, i + pattern.tokens.length);
    const forms = pattern.forms.filter(
      (f) =>
        caseFits(f.caseRule, pattern.written, found) &&
        (f.kind !== 'person' || personBoundaryFits(text, words, i, found.length, pattern, f)) &&
        !f.unlessText?.some((phrase) => text.includes(phrase)),
    );
    if (forms.length === 0) continue;
    // Prefer the kind with the surest form when a form names entities of several kinds.
    forms.sort((a, b) => b.confidence - a.confidence);
    return { pattern, forms: forms.filter((f) => f.kind === forms[0]!.kind) };
  }
  return undefined;
}

/**
 * The entities that share a written form with one that `chosen` picks, those included: when an
 * entity comes, goes or changes, a text's form may name another of them, or none (ambiguous).
 */
export function sharingForms(index: MentionIndex, chosen: (form: EntityForm) => boolean): EntityForm[] {
  const out: EntityForm[] = [];
  for (const patterns of index.byFirstWord.values())
    for (const { forms } of patterns) if (forms.some(chosen)) out.push(...forms);
  return out;
}

/** A stretch of text around a mention, on one line, for display. */
export function snippetAround(text: string, start: number, end: number, width = 80): string {
  const from = Math.max(0, start - width);
  const to = Math.min(text.length, end + width);
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}

/** Lower-cased, diacritic-free key of a name, for comparing names of entities. */
export const nameKey = (name: string): string => foldText(name).replace(/[^a-z0-9]+/g, ' ').trim();
