import type { Config } from '../../src/config.js';
import type { FragmentBody } from '../../src/model/fragment.js';
import { readRows, type Graph } from '../../src/neo4j/driver.js';
import { writeDerivedFragment } from '../pipeline/derived-fragment.js';
import { loadPeople, storedDateCypher } from './load.js';
import { decideNamePerson, sameAsEdges } from './resolve-fragment.js';
import { repointEdges } from '../../src/review/candidates.js';
import { loadReviews } from '../../src/review/decisions.js';

interface StoredName {
  id: string;
  props: { name?: string; fullName?: string; partyName?: string };
  date: string | null;
}

/**
 * Resolves the name-only persons already in the graph against the persons known now, so the
 * order of ingest does not matter: a confident match takes over the stand-in's edges; otherwise
 * the candidates are recorded as SAME_AS. A stand-in resolved before is looked at again when a
 * later document gave it edges of its own (by its date). Returns how many stand-ins were resolved.
 */
export async function resolveStoredNames(graph: Graph, config: Config): Promise<number> {
  const names = await readRows<StoredName>(
    graph,
    `MATCH (n:Person) WHERE n.id STARTS WITH 'name:' AND n.deleted IS NULL
       AND (n.mergedInto IS NULL OR EXISTS { (n)-[r]-() WHERE type(r) <> 'SAME_AS' })
     OPTIONAL MATCH (n)--(t) WHERE t:Question OR t:Motion OR t:Answer OR t:Postponement OR t:Document
     RETURN n.id AS id, n {.name, .fullName, .partyName} AS props, min(${storedDateCypher('t')}) AS date
     ORDER BY id`,
  );
  if (names.length === 0) return 0;
  const [people, reviews] = await Promise.all([loadPeople(graph), loadReviews(config.stateDir)]);
  const body: FragmentBody = { nodes: [], edges: [], tombstones: [] };
  let resolved = 0;
  for (const n of names) {
    const decision = decideNamePerson(n.id, n.props, people, reviews, n.date ?? undefined);
    if (decision.personId) {
      await repointEdges(graph, 'Person', n.id, decision.personId);
      resolved++;
    } else body.edges.push(...sameAsEdges(n.id, decision));
  }
  await writeDerivedFragment(graph, config, { url: 'graafwerk:name-resolution', parser: 'name-resolution' }, body);
  return resolved;
}
