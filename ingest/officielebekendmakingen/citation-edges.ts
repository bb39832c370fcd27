import type { FragmentBuilder, NodeRef } from '../../src/model/fragment.js';
import { findCitations, type Citation } from '../../src/analysis/citations.js';
import { koopRef, questionRef } from './graph-refs.js';

export interface CitingDocument {
  ref: NodeRef;
  /** The full text the citations are found in; offsets on the edges point into it. */
  text: string;
  /** Government documents (answers, notices, letters) that cite a motion follow it up. */
  government: boolean;
  /** Ids of the document itself and of what it answers, so it does not cite itself. */
  self: string[];
}

function target(c: Citation): NodeRef | undefined {
  if (c.kind === 'question') return c.questionNumber ? questionRef(c.questionNumber) : undefined;
  if (!c.koopId) return undefined;
  if (c.kind === 'motion') return koopRef('Motion', c.koopId);
  if (c.kind === 'answer') return koopRef('Answer', c.koopId);
  if (c.kind === 'postponement') return koopRef('Postponement', c.koopId);
  return koopRef('Document', c.koopId);
}

/**
 * A Kamerstuk the same text also cites as a motion is that motion ("de motie-Saris c.s. (36582, nr. 58)"
 * … "(Kamerstuk 36582, nr. 58)"), not a second, unknown document.
 */
function settleKinds(citations: Citation[]): Citation[] {
  const motions = new Set(citations.filter((c) => c.kind === 'motion').map((c) => c.koopId));
  return citations.map((c) => (c.kind === 'kamerstuk' && motions.has(c.koopId) ? { ...c, kind: 'motion' } : c));
}

/**
 * Adds an edge for every cited document: REFERS_TO, SUPPLEMENTS or FOLLOWS_UP. The edge keeps the
 * first citation as written (with its sentence and offsets) and every citation of that document in `citations`.
 */
export function addCitationEdges(b: FragmentBuilder, doc: CitingDocument): Citation[] {
  const citations = settleKinds(findCitations(doc.text).filter((c) => !doc.self.includes(c.koopId ?? c.questionNumber ?? '')));
  const byTarget = new Map<string, { to: NodeRef; first: Citation; all: Citation[] }>();
  for (const c of citations) {
    const to = target(c);
    if (!to) continue;
    const key = `${to.label}\u0000${to.value}`;
    const seen = byTarget.get(key);
    if (seen) seen.all.push(c);
    else byTarget.set(key, { to, first: c, all: [c] });
  }
  for (const { to, first, all } of byTarget.values()) {
    // The citation that says "ter aanvulling op" is the one a supplement edge keeps.
    const supplements = first.kind === 'question' && doc.ref.label === 'Question' && all.some((x) => x.supplements);
    const c = supplements ? all.find((x) => x.supplements)! : first;
    const props = { citation: c.citation, citedKind: c.kind, context: c.context, start: c.start, end: c.end, citations: all.map((x) => x.citation) };
    b.edge(supplements ? 'SUPPLEMENTS' : 'REFERS_TO', doc.ref, to, props);
    if (c.kind === 'motion' && doc.government) b.edge('FOLLOWS_UP', doc.ref, to, props);
  }
  return citations;
}
