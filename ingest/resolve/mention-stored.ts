import type { Config } from '../../src/config.js';
import type { EdgeRecord, GraphFragment, NodeRecord, SourceInfo } from '../../src/model/fragment.js';
import type { NodeLabel } from '../../src/model/kinds.js';
import { neo4j, readRows, type Graph } from '../../src/neo4j/driver.js';
import { GraphWriter } from '../../src/neo4j/writer.js';
import { createMentionIndexFrom, loadEnricherData } from './enrich.js';
import { DATE_FIELDS, TEXT_LABELS } from '../../src/model/kinds.js';
import { documentDate, mentionEdges, TEXT_FIELDS } from './mention-edges.js';
import { changedTargets, mentionTargetsOf, type MentionTargets } from './mention-targets.js';

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

/** The MENTIONS edges among `edges` (from texts of one label) that the graph already holds: same text, entity and field. */
async function existingEdges(graph: Graph, label: NodeLabel, edges: EdgeRecord[]): Promise<Set<string>> {
  const rows = await readRows<{ k: string }>(
    graph,
    `UNWIND $rows AS row
     MATCH (a:${label} {id: row.from})-[r:MENTIONS {key: row.key}]->(b)
     WHERE b.id = row.to AND row.toLabel IN labels(b)
     RETURN row.k AS k`,
    { rows: edges.map((e) => ({ from: e.from.value, to: e.to.value, toLabel: e.to.label, key: e.key, k: edgeKey(e) })) },
  );
  return new Set(rows.map((r) => r.k));
}

const edgeKey = (e: EdgeRecord): string => [e.from.label, e.from.value, e.to.label, e.to.value, e.key].join('\u0000');

/** The Source as stored, so that writing it again leaves it unchanged. */
function toSourceInfo(s: NonNullable<TextRow['source']>): SourceInfo {
  const { contentType, ...rest } = s;
  return contentType ? { ...rest, contentType } : rest;
}

/** The mentions of one text node that should be in the graph. */
type Extract = (node: NodeRecord) => EdgeRecord[];

/** The edges of one page of texts, one fragment per Source. */
function fragmentsOf(label: NodeLabel, page: TextRow[], extract: Extract): GraphFragment[] {
  const bySource = new Map<string, GraphFragment>();
  for (const row of page) {
    if (!row.source) continue;
    const edges = extract({ label, id: row.id, props: row.props as NodeRecord['props'] });
    if (edges.length === 0) continue;
    const fragment = bySource.get(row.source.id) ?? { source: toSourceInfo(row.source), nodes: [], edges: [], tombstones: [] };
    fragment.edges.push(...edges);
    bySource.set(row.source.id, fragment);
  }
  return [...bySource.values()];
}

/** Writes the edges the graph does not hold yet; returns how many. */
async function writeMissing(graph: Graph, writer: GraphWriter, label: NodeLabel, fragments: GraphFragment[]): Promise<number> {
  if (fragments.length === 0) return 0;
  const present = await existingEdges(
    graph,
    label,
    fragments.flatMap((f) => f.edges),
  );
  for (const f of fragments) f.edges = f.edges.filter((e) => !present.has(edgeKey(e)));
  const left = fragments.filter((f) => f.edges.length > 0);
  return left.length > 0 ? (await writer.write(left)).edges : 0;
}

/**
 * Adds the MENTIONS edges of the persons, parties and offices that are new since `before`, or whose
 * names or membership dates changed, to the texts already stored: a text ingested before the
 * entities it names, or before the terms that tell apart the persons sharing a name, still gets its
 * edges. The extraction is the enricher's (the whole index, so longer and shared forms behave
 * alike); only edges to those entities that the graph does not hold yet are written, each with its
 * text's Source. Returns the number of edges written.
 */
export async function addStoredMentions(graph: Graph, config: Config, before: MentionTargets): Promise<number> {
  const data = await loadEnricherData(graph, config);
  const changed = changedTargets(before, mentionTargetsOf(data.people, data.parties, data.offices));
  if (changed.size === 0) return 0;
  const index = createMentionIndexFrom(data);
  const people = new Map(data.people.map((p) => [p.id, p]));
  const extract: Extract = (node) =>
    mentionEdges([node], index, people, documentDate({ nodes: [node], edges: [], tombstones: [] })).filter((e) =>
      changed.has(`${e.to.label}:${e.to.value}`),
    );
  const writer = new GraphWriter(graph, { batchSize: config.writeBatchSize });
  let written = 0;
  for (const label of TEXT_LABELS) {
    let after = '';
    for (let page = await readTexts(graph, label, after); page.length > 0; page = await readTexts(graph, label, after)) {
      after = page.at(-1)!.id;
      written += await writeMissing(graph, writer, label, fragmentsOf(label, page, extract));
    }
  }
  return written;
}
