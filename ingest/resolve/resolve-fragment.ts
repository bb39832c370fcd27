import { ref, type EdgeRecord, type FragmentBody, type NodeRef } from '../../src/model/fragment.js';
import type { KnownPerson } from './people.js';
import { resolveWrittenName } from './resolve-names.js';
import type { ReviewDecision } from './reviews.js';

const isNamePerson = (label: string, id: string): boolean => label === 'Person' && id.startsWith('name:');
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

function rewrite(r: NodeRef, targets: Map<string, string>): NodeRef {
  const to = r.label === 'Person' && r.key === 'id' ? targets.get(r.value) : undefined;
  return to ? ref('Person', to) : r;
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
    const mine = reviews.filter((d) => d.from.label === 'Person' && d.from.id === node.id && d.to.label === 'Person');
    const accepted = mine.find((d) => d.decision === 'accepted');
    if (accepted) {
      targets.set(node.id, accepted.to.id);
      continue;
    }
    const rejected = new Set(mine.filter((d) => d.decision === 'rejected').map((d) => d.to.id));
    const name = str(node.props.fullName) ?? str(node.props.name);
    const partyName = str(node.props.partyName);
    const result = name ? resolveWrittenName({ name, ...(partyName ? { partyName } : {}), ...(date ? { date } : {}) }, people, rejected) : { status: 'unknown' as const };
    if (result.status === 'resolved') {
      targets.set(node.id, result.personId);
      continue;
    }
    const from = ref('Person', node.id);
    for (const c of result.status === 'candidates' ? result.candidates : [])
      sameAs.push({ type: 'SAME_AS', from, to: ref('Person', c.personId), key: '', props: { score: c.score, status: 'candidate', reason: c.reason } });
    for (const id of rejected) sameAs.push({ type: 'SAME_AS', from, to: ref('Person', id), key: '', props: { status: 'rejected', reason: 'rejected in review' } });
  }
  if (targets.size === 0 && sameAs.length === 0) return body;
  const edges = new Map<string, EdgeRecord>();
  for (const e of [...body.edges.map((e) => ({ ...e, from: rewrite(e.from, targets), to: rewrite(e.to, targets) })), ...sameAs]) {
    const k = [e.type, e.from.label, e.from.key, e.from.value, e.to.label, e.to.key, e.to.value, e.key].join('\u0000');
    edges.set(k, { ...e, props: { ...edges.get(k)?.props, ...e.props } });
  }
  return { ...body, nodes: body.nodes.filter((n) => !(n.label === 'Person' && targets.has(n.id))), edges: [...edges.values()] };
}
