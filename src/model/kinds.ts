/**
 * The graph model, declared once. Constraints, indexes, the full-text index, fragment
 * validation and the GraphQL `stats` all derive from these two tables; labels and
 * relationship types that reach Cypher come only from here, never from input.
 */

export interface NodeKind {
  /** Unique keys: `id` first (the merge key), then alternate identifiers that other sources know. */
  keys: readonly string[];
  /** Extra (non-unique) indexed properties. */
  indexed: readonly string[];
  /** Properties fed into the shared full-text index. */
  searchable: readonly string[];
  /** What the label stands for, for the API's documentation. */
  description: string;
}

const kind = (
  description: string,
  keys: readonly string[],
  searchable: readonly string[] = [],
  indexed: readonly string[] = [],
): NodeKind => ({ description, keys, searchable, indexed });

export const NODE_KINDS = {
  Person: kind('A member of parliament, minister or other person', ['id'], ['name'], ['surname']),
  Party: kind('A parliamentary party (fractie)', ['id'], ['name', 'abbreviation'], ['abbreviation']),
  Office: kind('A government post, e.g. "minister van Justitie en Veiligheid"', ['id'], ['title']),
  Question: kind(
    'A written question (Schriftelijke vragen)',
    ['id', 'number'],
    ['subject', 'text', 'number', 'koopId'],
    ['submittedAt', 'status'],
  ),
  Answer: kind('An answer to a written question (or a later, "nader" answer)', ['id', 'koopId'], ['text', 'koopId'], ['receivedAt']),
  Postponement: kind('A notice that an answer will be late (Mededeling uitstel antwoord)', ['id', 'koopId'], ['text', 'koopId'], ['sentAt']),
  Motion: kind('A motion (motie)', ['id', 'number', 'koopId'], ['title', 'operativeText', 'number', 'koopId'], ['submittedAt', 'status']),
  Decision: kind('A decision (besluit) on a case, usually a vote outcome', ['id']),
  Dossier: kind('A Kamerstukdossier', ['id'], ['title']),
  Case: kind('Any other parliamentary case (zaak)', ['id', 'number'], ['subject', 'number']),
  Document: kind('Any other parliamentary document', ['id', 'koopId'], ['title', 'subject', 'koopId']),
  Article: kind('A news article, keyed by its canonical URL', ['id'], ['title', 'description']),
  Publisher: kind('A news source, keyed by its domain', ['id'], ['name']),
  Company: kind('A vendor or other company', ['id'], ['name', 'aliases']),
  Source: kind('One ingested raw document', ['id'], [], ['url']),
} as const satisfies Record<string, NodeKind>;

export type NodeLabel = keyof typeof NODE_KINDS;

/**
 * A bookkeeping label beside the model: one node `{id, version}` per deleted upstream record stored
 * as edges (an EdgeTombstone), so that an older row stating its edge again (a replayed page) does not bring it back.
 * Nothing connects to it and nothing but the GraphWriter reads it.
 */
export const REMOVED_EDGE_LABEL = 'RemovedEdge';

/**
 * A bookkeeping label beside the model: an edge whose one end the source names by id only, not by
 * kind (EdgeRecord.kindOf), kept `{id, endId, …}` until a node of one of its labels holds that id,
 * when the GraphWriter writes the edge and deletes it. Nothing but the GraphWriter reads it.
 */
export const PENDING_EDGE_LABEL = 'PendingEdge';

/**
 * A bookkeeping label beside the model, read and written through src/neo4j/ingest-state.ts; nothing
 * connects to it. `{id: 'mention-targets', targets}`: the mention targets the stored texts were last
 * brought in line with (see ingest/resolve/mention-stored.ts), so a run cut short before that pass
 * leaves its newcomers for the next run to find. `{id: 'upgrades', done}`: the upgrades applySchema ran.
 */
export const INGEST_STATE_LABEL = 'IngestState';

/** The labels a pending edge may wait for: a case known by id only that is a motion or a written question. */
export const PENDING_END_LABELS: readonly NodeLabel[] = ['Motion', 'Question'];

/** Every label a case (Zaak) takes: only a write of these looks for pending edges, and one that turns out a plain Case drops the edges waiting for it. */
export const CASE_LABELS: readonly NodeLabel[] = [...PENDING_END_LABELS, 'Case'];

export interface EdgeKind {
  from: readonly NodeLabel[];
  to: readonly NodeLabel[];
  description: string;
}

/** Labels whose texts are read for mentions and citations (the sources of MENTIONS and CITES). */
export const TEXT_LABELS = ['Question', 'Answer', 'Postponement', 'Motion', 'Document', 'Article'] as const;

/** Whether a label is one of TEXT_LABELS. */
export const isTextLabel = (label: string): boolean => (TEXT_LABELS as readonly string[]).includes(label);

/** The date properties of text nodes, in order of preference: the first one set is the text's date (a letter's own date before its publication). */
export const DATE_FIELDS = ['submittedAt', 'receivedAt', 'sentAt', 'date', 'publishedAt'] as const;
const ALL = Object.keys(NODE_KINDS) as NodeLabel[];

export const EDGE_KINDS = {
  MEMBER_OF: { from: ['Person'], to: ['Party'], description: 'Membership of a party, with from/to dates' },
  HOLDS: { from: ['Person'], to: ['Office'], description: 'A person holds an office, with from/to dates' },
  ASKED: { from: ['Person'], to: ['Question'], description: 'A person asked a question (role: Indiener, Medeindiener)' },
  ADDRESSED_TO: { from: ['Question'], to: ['Office'], description: 'A question is addressed to an office' },
  ANSWERS: { from: ['Answer'], to: ['Question'], description: 'An answer answers a question' },
  ANSWERED_BY: { from: ['Answer'], to: ['Person', 'Office'], description: 'Who answered' },
  POSTPONES: { from: ['Postponement'], to: ['Question'], description: 'A notice postpones the answer to a question' },
  SUBMITTED: { from: ['Person'], to: ['Motion'], description: 'A person submitted a motion (role)' },
  DECIDES: { from: ['Decision'], to: ['Motion', 'Case', 'Question'], description: 'A decision on a case' },
  VOTED: { from: ['Party', 'Person'], to: ['Decision'], description: 'A vote (choice, seats, mistaken)' },
  PART_OF: { from: ['Motion', 'Question', 'Case', 'Document'], to: ['Dossier'], description: 'Belongs to a dossier' },
  HAS_DOCUMENT: { from: ['Question', 'Motion', 'Case'], to: ['Document', 'Answer', 'Postponement'], description: 'A case holds a document' },
  CITES: { from: TEXT_LABELS, to: ['Article'], description: 'A text cites a news article (citation as written)' },
  PUBLISHED_BY: { from: ['Article'], to: ['Publisher'], description: 'An article was published by a news source' },
  MENTIONS: {
    from: TEXT_LABELS,
    to: ['Company', 'Person', 'Party', 'Office'],
    description: 'A text mentions an entity (snippet, offsets, confidence)',
  },
  REFERS_TO: {
    from: TEXT_LABELS,
    to: ['Motion', 'Document', 'Question', 'Answer', 'Postponement', 'Case'],
    description: 'A text refers to another parliamentary document (citation as written)',
  },
  SUPPLEMENTS: { from: ['Question'], to: ['Question'], description: 'A question supplements an earlier one' },
  FOLLOWS_UP: { from: ['Answer', 'Postponement', 'Document', 'Motion'], to: ['Motion'], description: 'A government document follows up a motion' },
  OWNS: { from: ['Company'], to: ['Company'], description: 'Ownership between companies (share, as of)' },
  SAME_AS: { from: ALL, to: ALL, description: 'A candidate identity between two nodes (score, decision)' },
} as const satisfies Record<string, EdgeKind>;

export type EdgeType = keyof typeof EDGE_KINDS;

/**
 * Relationship types stored for an upstream record of their own (EdgeRecord.record: a ZaakActor,
 * Stemming or FractieZetelPersoon row), indexed on `recordId` so the record's deletion finds them.
 */
export const RECORD_EDGE_TYPES: readonly EdgeType[] = ['ASKED', 'SUBMITTED', 'ADDRESSED_TO', 'VOTED', 'MEMBER_OF'];

export const NODE_LABELS = Object.keys(NODE_KINDS) as NodeLabel[];
export const EDGE_TYPES = Object.keys(EDGE_KINDS) as EdgeType[];

/** Whether a string names a label of the model. */
export function isNodeLabel(value: string): value is NodeLabel {
  return Object.hasOwn(NODE_KINDS, value);
}

/** Whether a string names a relationship type of the model. */
export function isEdgeType(value: string): value is EdgeType {
  return Object.hasOwn(EDGE_KINDS, value);
}

/** Whether `key` is a unique key of `label`. */
export function isKeyOf(label: NodeLabel, key: string): boolean {
  return (NODE_KINDS[label].keys as readonly string[]).includes(key);
}
