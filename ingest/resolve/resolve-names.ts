import { scoreWrittenName } from '../../src/analysis/person-names.js';
import { activeAt, partyFits, type KnownPerson } from './people.js';

export interface ScoredCandidate {
  personId: string;
  score: number;
  reason: string;
}

export type NameResolution =
  | { status: 'resolved'; personId: string; score: number; reason: string; others: ScoredCandidate[] }
  | { status: 'candidates'; candidates: ScoredCandidate[] }
  | { status: 'unknown' };

/** A written name and what the document says around it. */
export interface WrittenPerson {
  name: string;
  partyName?: string;
  /** The document's date (YYYY-MM-DD or ISO date-time). */
  date?: string;
}

const RESOLVE_AT = 0.7;
const MARGIN = 0.2;

/** Scores one person for a written name: the name, then the date (in office?) and the party weigh in. */
function scorePerson(w: WrittenPerson, p: KnownPerson): ScoredCandidate | undefined {
  let score = scoreWrittenName(w.name, p);
  if (score === 0) return undefined;
  const reasons = [`name ${score.toFixed(2)}`];
  const active = activeAt(p, w.date);
  if (active === false) {
    score *= 0.5;
    reasons.push(`not in a party at ${w.date?.slice(0, 10)}`);
  }
  if (w.partyName) {
    const fits = partyFits(p, w.partyName, w.date);
    if (fits === true) {
      score = Math.min(1, score + 0.1);
      reasons.push(`party ${w.partyName}`);
    } else if (fits === false) {
      score *= 0.6;
      reasons.push(`not in ${w.partyName}`);
    }
  }
  return { personId: p.id, score: Math.round(score * 100) / 100, reason: reasons.join('; ') };
}

/**
 * Resolves a written name to one person when the best score is high enough and clearly ahead of
 * the next; otherwise returns the scored candidates for review. Rejected pairs never resolve.
 */
export function resolveWrittenName(w: WrittenPerson, people: readonly KnownPerson[], rejected: ReadonlySet<string> = new Set()): NameResolution {
  const scored = people
    .filter((p) => !rejected.has(p.id))
    .map((p) => scorePerson(w, p))
    .filter((c): c is ScoredCandidate => c !== undefined && c.score >= 0.2)
    .sort((a, b) => b.score - a.score || a.personId.localeCompare(b.personId));
  const [best, second] = scored;
  if (!best) return { status: 'unknown' };
  if (best.score >= RESOLVE_AT && (!second || best.score - second.score >= MARGIN))
    return { status: 'resolved', personId: best.personId, score: best.score, reason: best.reason, others: scored.slice(1, 5) };
  return { status: 'candidates', candidates: scored.slice(0, 5) };
}
