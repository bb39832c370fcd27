import { EDGE_KINDS, NODE_KINDS, NODE_LABELS, type NodeLabel } from '../model/kinds.js';
import type { Graph } from './driver.js';

/** The name of the full-text index over names, titles and texts of every searchable label. */
export const SEARCH_INDEX = 'graafwerk_search';

const snake = (s: string): string => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/^_/, '');

/** The schema DDL derived from the model: one uniqueness constraint per key, indexes (with `mergedInto` of what reviews can merge), the full-text index. */
export function schemaStatements(): string[] {
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
  const searchable = NODE_LABELS.filter((l) => NODE_KINDS[l].searchable.length > 0);
  const props = [...new Set(searchable.flatMap((l: NodeLabel) => NODE_KINDS[l].searchable as readonly string[]))].sort();
  statements.push(
    `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS FOR (n:${searchable.join('|')}) ON EACH [${props.map((p) => `n.${p}`).join(', ')}] ` +
      "OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } }",
  );
  return statements;
}

/** Applies the schema idempotently (IF NOT EXISTS) and waits until the indexes are online. */
export async function applySchema(graph: Graph): Promise<void> {
  const session = graph.driver.session({ database: graph.database });
  try {
    for (const statement of schemaStatements()) await session.run(statement);
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
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
