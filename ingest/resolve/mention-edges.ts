import { extractMentions, snippetAround, type Mention, type MentionIndex } from '../../src/analysis/mentions.js';
import { ref, type EdgeRecord, type FragmentBody, type NodeRecord } from '../../src/model/fragment.js';
import { DATE_FIELDS, isTextLabel, type NodeLabel } from '../../src/model/kinds.js';
import { activeAt, type KnownPerson } from './people.js';

/** The properties of text nodes (TEXT_LABELS) that hold text. */
export const TEXT_FIELDS = ['text', 'subject', 'title', 'operativeText', 'description'] as const;

/** The label of the node a mention of each kind points to. */
export const TARGET: Record<Mention['kind'], NodeLabel> = { company: 'Company', person: 'Person', party: 'Party', office: 'Office' };

/** The date of one text node: its first date property, in DATE_FIELDS order. */
function textDate(node: NodeRecord): string | undefined {
  if (!isTextLabel(node.label)) return undefined;
  for (const f of DATE_FIELDS) if (typeof node.props[f] === 'string' && /^\d{4}-\d{2}-\d{2}/.test(node.props[f])) return node.props[f];
  return undefined;
}

/** The date of the document a fragment holds: the first date property of one of its text nodes. */
export function documentDate(body: FragmentBody): string | undefined {
  for (const n of body.nodes) {
    const date = textDate(n);
    if (date) return date;
  }
  return undefined;
}

/** The mentions of one text; a name shared by several persons counts when only one of them was in office at the date. */
function mentionsIn(text: string, index: MentionIndex, people: ReadonlyMap<string, KnownPerson>, date: string | undefined): Mention[] {
  const { mentions, ambiguous } = extractMentions(text, index);
  for (const a of ambiguous) {
    if (a.kind !== 'person' || !date) continue;
    const active = a.candidates.filter((id) => { const p = people.get(id); return p !== undefined && activeAt(p, date) === true; });
    if (active.length === 1) mentions.push({ kind: 'person', entityId: active[0]!, start: a.start, end: a.end, text: a.text, confidence: 0.7 });
  }
  return mentions.sort((x, y) => x.start - y.start);
}

/**
 * MENTIONS edges from every text node of a fragment: one per entity and field, with the first
 * snippet and every offset. A shared name is decided at the text's own date (as for a stored
 * text), `date` only for a text without one: a page of many texts spans many dates.
 */
export function mentionEdges(nodes: readonly NodeRecord[], index: MentionIndex, people: ReadonlyMap<string, KnownPerson>, date: string | undefined): EdgeRecord[] {
  const edges = new Map<string, EdgeRecord & { starts: number[] }>();
  for (const node of nodes) {
    if (!isTextLabel(node.label)) continue;
    const at = textDate(node) ?? date;
    for (const field of TEXT_FIELDS) {
      const text = node.props[field];
      if (typeof text !== 'string' || text === '') continue;
      for (const m of mentionsIn(text, index, people, at)) {
        const k = `${node.label}\u0000${node.id}\u0000${m.kind}\u0000${m.entityId}\u0000${field}`;
        const seen = edges.get(k);
        if (seen) {
          seen.starts.push(m.start);
          seen.props = { ...seen.props, occurrences: seen.starts.length, offsets: [...seen.starts], confidence: Math.max(Number(seen.props.confidence), m.confidence) };
          continue;
        }
        edges.set(k, {
          type: 'MENTIONS',
          from: ref(node.label, node.id),
          to: ref(TARGET[m.kind], m.entityId),
          key: field,
          starts: [m.start],
          // The text's version: a mention found in the Kamer's text keeps its snippet and offsets against a publication's reading of the same field.
          ...(node.version === undefined ? {} : { version: node.version }),
          props: { field, matched: m.text, start: m.start, end: m.end, snippet: snippetAround(text, m.start, m.end), confidence: m.confidence, occurrences: 1, offsets: [m.start] },
        });
      }
    }
  }
  return [...edges.values()].map(({ starts: _starts, ...e }) => e);
}
