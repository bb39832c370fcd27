import type { Config } from '../../src/config.js';
import type { EdgeRecord, GraphFragment, NodeRecord, SourceInfo } from '../../src/model/fragment.js';
import type { NodeLabel } from '../../src/model/kinds.js';
import { neo4j, readRows, writeGraph, type Graph } from '../../src/neo4j/driver.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { createMentionIndexFrom, loadEnricherData, type EnricherData } from './enrich.js';
import { DATE_FIELDS, TEXT_LABELS } from '../../src/model/kinds.js';
import { sharingForms } from '../../src/analysis/mentions.js';
import { documentDate, mentionEdges, TARGET, TEXT_FIELDS } from './mention-edges.js';
import { changedTargets, mentionTargetsOf, saveMentionTargets, TARGET_LABELS, targetKey, type MentionTargets } from './mention-targets.js';

/** Text nodes read per query. */
const PAGE = 500;

interface TextRow {
  id: string;
  props: Record<string, unknown>;
  source: (Omit<SourceInfo, 'contentType'> & { contentType: string | null }) | null;
}

/** One page of text nodes of a label after `after` (by id), with the most recent Source that wrote each. */
function readTexts(graph: Graph, label: NodeLabel, after: string): Promise<TextRow[]> {
  const fields = [...TEXT_FIELDS, ...DATE_FIELDS].map((f) => `.${f}`).join(', ');
  // The label comes from the model's TEXT_LABELS, never from input.
  return readRows<TextRow>(
    graph,
    `MATCH (n:${label}) WHERE n.id > $after AND coalesce(n.deleted, false) = false
     WITH n ORDER BY n.id LIMIT $page
     CALL (n) {
       UNWIND coalesce(n.sources, []) AS sid MATCH (s:Source {id: sid})
       RETURN s ORDER BY s.fetchedAt DESC, s.id DESC LIMIT 1
     }
     RETURN n.id AS id, n {${fields}} AS props,
       s {.id, .url, .fetchedAt, .parser, .parserVersion, .contentType} AS source
     ORDER BY id`,
    { after, page: neo4j.int(PAGE) },
  );
}

/** A MENTIONS edge as stored: its text, the entity it points to, and its field (the key). */
interface StoredMention {
  from: string;
  toLabel: string;
  to: string;
  key: string;
}

/** The MENTIONS edges from texts of one label, by their ids, to the targets `affected` holds (see targetKey). */
async function storedMentions(graph: Graph, label: NodeLabel, ids: string[], affected: ReadonlySet<string>): Promise<StoredMention[]> {
  const rows = await readRows<StoredMention>(
    graph,
    `UNWIND $ids AS id
     MATCH (a:${label} {id: id})-[r:MENTIONS]->(b)
     WITH id, r, b, [l IN labels(b) WHERE l IN $labels][0] AS toLabel WHERE toLabel IS NOT NULL
     RETURN id AS from, toLabel, b.id AS to, r.key AS key`,
    { ids, labels: TARGET_LABELS },
  );
  return rows.filter((r) => affected.has(targetKey(r.toLabel, r.to)));
}

/** Removes MENTIONS edges from texts of one label. */
async function removeMentions(graph: Graph, label: NodeLabel, edges: StoredMention[]): Promise<void> {
  await writeGraph(graph, (tx) =>
    tx.run(
      `UNWIND $rows AS row
       MATCH (a:${label} {id: row.from})-[r:MENTIONS {key: row.key}]->(b)
       WHERE b.id = row.to AND row.toLabel IN labels(b)
       DELETE r`,
      { rows: edges },
    ),
  );
}

/** A mention's identity: its text, target and field. */
const mentionKey = (e: StoredMention): string => [e.from, e.toLabel, e.to, e.key].join('\u0000');
const edgeKey = (e: EdgeRecord): string => mentionKey({ from: e.from.value, toLabel: e.to.label, to: e.to.value, key: e.key });

/** The Source as stored, so that writing it again leaves it unchanged. */
function toSourceInfo(s: NonNullable<TextRow['source']>): SourceInfo {
  const { contentType, ...rest } = s;
  return contentType ? { ...rest, contentType } : rest;
}

/** The mentions of one text node that should be in the graph. */
type Extract = (node: NodeRecord) => EdgeRecord[];

/** A text row with the Source that wrote it. */
type SourcedRow = TextRow & { source: NonNullable<TextRow['source']> };

/** The edges of one page of texts, one fragment per Source. */
function fragmentsOf(label: NodeLabel, page: SourcedRow[], extract: Extract): GraphFragment[] {
  const bySource = new Map<string, GraphFragment>();
  for (const row of page) {
    const edges = extract({ label, id: row.id, props: row.props as NodeRecord['props'] });
    if (edges.length === 0) continue;
    const fragment = bySource.get(row.source.id) ?? { source: toSourceInfo(row.source), nodes: [], edges: [], tombstones: [] };
    fragment.edges.push(...edges);
    bySource.set(row.source.id, fragment);
  }
  return [...bySource.values()];
}

/** What a pass over the stored texts changed. */
export interface StoredMentionChanges {
  added: number;
  removed: number;
}

/**
 * Brings one page of texts (of one label) in line with what their texts mention among the affected
 * entities: writes the edges the graph lacks and removes those their texts no longer give.
 */
async function syncPage(graph: Graph, writer: GraphWriter, label: NodeLabel, page: TextRow[], extract: Extract, affected: ReadonlySet<string>): Promise<StoredMentionChanges> {
  // A text with no Source to credit is left as it is, its edges included.
  const read = page.filter((row): row is SourcedRow => row.source !== null);
  if (read.length === 0) return { added: 0, removed: 0 };
  const fragments = fragmentsOf(label, read, extract);
  const stored = await storedMentions(graph, label, read.map((row) => row.id), affected);
  const held = new Set(stored.map(mentionKey));
  const wanted = new Set(fragments.flatMap((f) => f.edges).map(edgeKey));
  const stale = stored.filter((e) => !wanted.has(mentionKey(e)));
  if (stale.length > 0) await removeMentions(graph, label, stale);
  for (const f of fragments) f.edges = f.edges.filter((e) => !held.has(edgeKey(e)));
  const left = fragments.filter((f) => f.edges.length > 0);
  return { added: left.length > 0 ? (await writer.write(left)).edges : 0, removed: stale.length };
}

/**
 * Updates the MENTIONS edges of stored texts for the persons, parties and offices that are new since
 * `before`, or whose names or membership dates changed, and for those sharing a written form with
 * them: a text ingested before the entities it names, or before the terms that tell apart the
 * persons sharing a name, gets its edges; an edge that a newcomer sharing the name has made
 * undecided (or given to another person) goes. The extraction is the enricher's (the whole index,
 * so longer and shared forms behave alike), each added edge with its text's Source, so the graph
 * ends as if the entities had come first. Once the texts are in line, the targets are recorded
 * (saveMentionTargets): the next run's `before`, so a run cut short before this pass leaves its
 * newcomers changed for the next. Returns how many edges were added and removed.
 */
export async function updateStoredMentions(graph: Graph, config: Config, before: MentionTargets): Promise<StoredMentionChanges> {
  const data = await loadEnricherData(graph, config);
  const after = mentionTargetsOf(data.people, data.parties, data.offices);
  const changed = changedTargets(before, after);
  // Nothing changed and nothing gone: the stored record is `after` already.
  if (changed.size === 0 && before.size === after.size) return { added: 0, removed: 0 };
  const changes = changed.size > 0 ? await syncTexts(graph, config, data, changed) : { added: 0, removed: 0 };
  await saveMentionTargets(graph, after);
  return changes;
}

/** Brings the stored texts in line with what they mention of the `changed` targets and of those sharing a written form with them. */
async function syncTexts(graph: Graph, config: Config, data: EnricherData, changed: ReadonlySet<string>): Promise<StoredMentionChanges> {
  const index = createMentionIndexFrom(data);
  const keyOf = (f: { kind: keyof typeof TARGET; entityId: string }) => targetKey(TARGET[f.kind], f.entityId);
  const affected = new Set(sharingForms(index, (f) => changed.has(keyOf(f))).filter((f) => TARGET_LABELS.includes(TARGET[f.kind])).map(keyOf));
  const people = new Map(data.people.map((p) => [p.id, p]));
  const extract: Extract = (node) =>
    mentionEdges([node], index, people, documentDate({ nodes: [node], edges: [], tombstones: [] })).filter((e) => affected.has(targetKey(e.to.label, e.to.value)));
  const writer = new GraphWriter(graph, { batchSize: config.writeBatchSize });
  const total = { added: 0, removed: 0 };
  for (const label of TEXT_LABELS) {
    let after = '';
    for (let page = await readTexts(graph, label, after); page.length > 0; page = await readTexts(graph, label, after)) {
      after = page.at(-1)!.id;
      const { added, removed } = await syncPage(graph, writer, label, page, extract, affected);
      total.added += added;
      total.removed += removed;
    }
  }
  return total;
}
