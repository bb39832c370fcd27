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

/** Adds an edge for every citation in the text: REFERS_TO, SUPPLEMENTS or FOLLOWS_UP, each with the citation as written. */
export function addCitationEdges(b: FragmentBuilder, doc: CitingDocument): Citation[] {
  const citations = findCitations(doc.text).filter((c) => !doc.self.includes(c.koopId ?? c.questionNumber ?? ''));
  for (const c of citations) {
    const to = target(c);
    if (!to) continue;
    const props = { citation: c.citation, citedKind: c.kind, context: c.context, start: c.start, end: c.end };
    const supplements = c.kind === 'question' && c.supplements && doc.ref.label === 'Question';
    b.edge(supplements ? 'SUPPLEMENTS' : 'REFERS_TO', doc.ref, to, props);
    if (c.kind === 'motion' && doc.government) b.edge('FOLLOWS_UP', doc.ref, to, props);
  }
  return citations;
}
