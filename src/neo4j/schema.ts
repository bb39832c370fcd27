import { EDGE_KINDS, INGEST_STATE_LABEL, NODE_KINDS, NODE_LABELS, PENDING_EDGE_LABEL, RECORD_EDGE_TYPES, REMOVED_EDGE_LABEL, type NodeLabel } from '../model/kinds.js';
import type { Session } from 'neo4j-driver';
import type { Graph } from './driver.js';
import { readIngestState, writeIngestState } from './ingest-state.js';

/** The name of the full-text index over names, titles and texts of every searchable label. */
export const SEARCH_INDEX = 'graafwerk_search';

const snake = (s: string): string => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/^_/, '');

/** The index fields (searchable properties) of the given labels, sorted; empty when none of them is in the index. */
export function searchFields(labels: readonly NodeLabel[]): string[] {
  return [...new Set(labels.flatMap((l) => NODE_KINDS[l].searchable as readonly string[]))].sort();
}

/** Labels and properties of the full-text index, from the model (sorted). */
export function searchIndexShape(): { labels: string[]; properties: string[] } {
  const labels = NODE_LABELS.filter((l) => NODE_KINDS[l].searchable.length > 0);
  return { labels: [...labels].sort(), properties: searchFields(labels) };
}

/** The schema DDL derived from the model: one uniqueness constraint per key (and on the ids of removed and pending edges), indexes (the record ids of edges stored for a record, and `mergedInto` of what reviews can merge), the full-text index. */
function schemaStatements(): string[] {
  const statements: string[] = [];
  for (const label of NODE_LABELS) {
    const kind = NODE_KINDS[label];
    for (const key of kind.keys)
      statements.push(`CREATE CONSTRAINT ${snake(label)}_${snake(key)} IF NOT EXISTS FOR (n:${label}) REQUIRE n.${key} IS UNIQUE`);
    for (const prop of kind.indexed)
      statements.push(`CREATE INDEX ${snake(label)}_${snake(prop)} IF NOT EXISTS FOR (n:${label}) ON (n.${prop})`);
    // What an accepted identity review merged into a node, found again when a later review merges that node on.
    if ((EDGE_KINDS.SAME_AS.from as readonly string[]).includes(label))
      statements.push(`CREATE INDEX ${snake(label)}_merged_into IF NOT EXISTS FOR (n:${label}) ON (n.mergedInto)`);
  }
  statements.push(`CREATE CONSTRAINT removed_edge_id IF NOT EXISTS FOR (n:${REMOVED_EDGE_LABEL}) REQUIRE n.id IS UNIQUE`);
  statements.push(`CREATE CONSTRAINT pending_edge_id IF NOT EXISTS FOR (n:${PENDING_EDGE_LABEL}) REQUIRE n.id IS UNIQUE`);
  statements.push(`CREATE CONSTRAINT ingest_state_id IF NOT EXISTS FOR (n:${INGEST_STATE_LABEL}) REQUIRE n.id IS UNIQUE`);
  for (const prop of ['endId', 'record']) statements.push(`CREATE INDEX pending_edge_${snake(prop)} IF NOT EXISTS FOR (n:${PENDING_EDGE_LABEL}) ON (n.${prop})`);
  // A deleted record names neither end of the edges stored for it: they are found by its id.
  for (const type of RECORD_EDGE_TYPES) statements.push(`CREATE INDEX ${type.toLowerCase()}_record_id IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.recordId)`);
  const { labels, properties } = searchIndexShape();
  statements.push(
    `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS FOR (n:${labels.join('|')}) ON EACH [${properties.map((p) => `n.${p}`).join(', ')}] ` +
      "OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } }",
  );
  return statements;
}

/**
 * Applies the schema idempotently (IF NOT EXISTS) and waits until the indexes are online. A
 * full-text index over other labels or properties than the model's (an older version's) is
 * dropped first, as IF NOT EXISTS would keep it; Neo4j fills the new one from the stored nodes.
 */
export async function applySchema(graph: Graph): Promise<void> {
  const session = graph.driver.session({ database: graph.database });
  try {
    const [existing] = (await session.run('SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties WHERE name = $name RETURN labelsOrTypes, properties', { name: SEARCH_INDEX })).records;
    const shape = searchIndexShape();
    const same = (stored: unknown, wanted: string[]) => JSON.stringify([...((stored as string[] | null) ?? [])].sort()) === JSON.stringify(wanted);
    if (existing && !(same(existing.get('labelsOrTypes'), shape.labels) && same(existing.get('properties'), shape.properties))) await session.run(`DROP INDEX ${SEARCH_INDEX}`);
    for (const statement of schemaStatements()) await session.run(statement);
    await session.run('CALL db.awaitIndexes(300)');
    await applyUpgrades(graph, session);
  } finally {
    await session.close();
  }
}

/**
 * Puts right, once per graph, what older versions wrote and this one does not: each upgrade an id and
 * its Cypher (auto-committed, so it may batch), the ids done kept on the IngestState node `upgrades`.
 */
const UPGRADES: readonly (readonly [id: string, cypher: string])[] = [
  // Record edges carried `deleted: false`, a flag nothing set true (a deleted record goes by its EdgeTombstone).
  [
    'record-edges-without-deleted-flag',
    `MATCH ()-[r:${RECORD_EDGE_TYPES.join('|')}]->() WHERE r.deleted IS NOT NULL CALL (r) { REMOVE r.deleted } IN TRANSACTIONS OF 10000 ROWS`,
  ],
];

async function applyUpgrades(graph: Graph, session: Session): Promise<void> {
  const done = (await readIngestState<string[]>(graph, 'upgrades', 'done')) ?? [];
  for (const [id, cypher] of UPGRADES) {
    if (done.includes(id)) continue;
    await session.run(cypher);
    done.push(id);
    await writeIngestState(graph, 'upgrades', 'done', done);
  }
}

/** Deletes every node and edge in batches of their own transactions (schema stays). For tests, benchmarks and resets. */
export async function clearGraph(graph: Graph): Promise<void> {
  const session = graph.driver.session({ database: graph.database });
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS');
  } finally {
    await session.close();
  }
}
