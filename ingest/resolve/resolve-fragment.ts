import { ref, type EdgeRecord, type FragmentBody, type NodeRef, type Props } from '../../src/model/fragment.js';
import type { KnownPerson } from './people.js';
import { resolveWrittenName, type ScoredCandidate } from './resolve-names.js';
import type { ReviewDecision } from '../../src/review/decisions.js';

const isNamePerson = (label: string, id: string): boolean => label === 'Person' && id.startsWith('name:');
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

function rewrite(r: NodeRef, targets: Map<string, string>): NodeRef {
  const to = r.label === 'Person' && r.key === 'id' ? targets.get(r.value) : undefined;
  return to ? ref('Person', to) : r;
}

/** What is known of one name-only person: the person it is, or the candidates it may be. */
export interface NameDecision {
  personId?: string;
  candidates: ScoredCandidate[];
  rejected: string[];
}

/** Decides one name-only person: a reviewed acceptance, else an unambiguous match at the date, else candidates. */
export function decideNamePerson(id: string, props: Props, people: readonly KnownPerson[], reviews: readonly ReviewDecision[], date: string | undefined): NameDecision {
  const mine = reviews.filter((d) => d.from.label === 'Person' && d.from.id === id && d.to.label === 'Person');
  const accepted = mine.find((d) => d.decision === 'accepted');
  const rejected = mine.filter((d) => d.decision === 'rejected').map((d) => d.to.id);
  if (accepted) return { personId: accepted.to.id, candidates: [], rejected };
  const name = str(props.fullName) ?? str(props.name);
  const partyName = str(props.partyName);
  const result = name ? resolveWrittenName({ name, ...(partyName ? { partyName } : {}), ...(date ? { date } : {}) }, people, new Set(rejected)) : { status: 'unknown' as const };
  if (result.status === 'resolved') return { personId: result.personId, candidates: [], rejected };
  return { candidates: result.status === 'candidates' ? result.candidates : [], rejected };
}

/** The SAME_AS edges that record a decision's candidates and rejected pairs. */
export function sameAsEdges(id: string, decision: NameDecision): EdgeRecord[] {
  const from = ref('Person', id);
  return [
    ...decision.candidates.map((c): EdgeRecord => ({ type: 'SAME_AS', from, to: ref('Person', c.personId), key: '', props: { score: c.score, status: 'candidate', reason: c.reason } })),
    ...decision.rejected.map((pid): EdgeRecord => ({ type: 'SAME_AS', from, to: ref('Person', pid), key: '', props: { status: 'rejected', reason: 'rejected in review' } })),
  ];
}

/**
 * Resolves the name-only Person stand-ins (`name:…`) of a fragment: a reviewed acceptance or an
 * unambiguous match at the document's date re-points their edges to the Tweede Kamer Person;
 * otherwise the stand-in stays, with SAME_AS candidates (and rejected pairs kept as rejected).
 */
export function resolveNamedPersons(body: FragmentBody, people: readonly KnownPerson[], reviews: readonly ReviewDecision[], date: string | undefined): FragmentBody {
  const targets = new Map<string, string>();
  const sameAs: EdgeRecord[] = [];
  for (const node of body.nodes) {
    if (!isNamePerson(node.label, node.id)) continue;
    const decision = decideNamePerson(node.id, node.props, people, reviews, date);
    if (decision.personId) targets.set(node.id, decision.personId);
    else sameAs.push(...sameAsEdges(node.id, decision));
  }
  if (targets.size === 0 && sameAs.length === 0) return body;
  const edges = new Map<string, EdgeRecord>();
  for (const e of [...body.edges.map((e) => ({ ...e, from: rewrite(e.from, targets), to: rewrite(e.to, targets) })), ...sameAs]) {
    const k = [e.type, e.from.label, e.from.key, e.from.value, e.to.label, e.to.key, e.to.value, e.key].join('\u0000');
    edges.set(k, { ...e, props: { ...edges.get(k)?.props, ...e.props } });
  }
  return { ...body, nodes: body.nodes.filter((n) => !(n.label === 'Person' && targets.has(n.id))), edges: [...edges.values()] };
}
