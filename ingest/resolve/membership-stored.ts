import type { Config } from '../../src/config.js';
import { ref, type EdgeRecord } from '../../src/model/fragment.js';
import { readRows, type Graph } from '../../src/neo4j/driver.js';
import { writeDerivedFragment } from '../pipeline/derived-fragment.js';
import { loadPartiesAndOffices, storedDateCypher } from './load.js';
import { observedMembership, PARTY_BEARING } from './party-memberships.js';

/**
 * Adds the party memberships that documents stored before their party was known state ("Dekker-Abdulaziz
 * (D66)"), as the enrichment step adds them when the party is known, so a question's askers have
 * their party at the time whichever was ingested first. Returns how many were added.
 */
export async function addStoredMemberships(graph: Graph, config: Config): Promise<number> {
  const rows = await readRows<{ person: string; written: string; date: string | null }>(
    graph,
    `MATCH (p:Person)-[e:${[...PARTY_BEARING].join('|')}]->(t) WHERE e.partyName IS NOT NULL AND p.mergedInto IS NULL AND p.deleted IS NULL
     WITH DISTINCT p, e.partyName AS written, ${storedDateCypher('t')} AS date
     WHERE NOT EXISTS { (p)-[m:MEMBER_OF {key: CASE WHEN date IS NULL THEN 'observed' ELSE 'observed:' + date END}]->(:Party) }
     RETURN p.id AS person, written, date ORDER BY person, written, date`,
  );
  if (rows.length === 0) return 0;
  const { parties } = await loadPartiesAndOffices(graph);
  const edges = rows.map((r) => observedMembership(ref('Person', r.person), r.written, parties, r.date ?? undefined)).filter((e): e is EdgeRecord => e !== undefined);
  await writeDerivedFragment(graph, config, { url: 'graafwerk:party-memberships', parser: 'party-memberships' }, { nodes: [], edges, tombstones: [] });
  return edges.length;
}
