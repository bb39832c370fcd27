import { RESERVED } from '../model/fragment.js';
import { NODE_KINDS, type NodeLabel } from '../model/kinds.js';
import { joinProvenance } from './cypher.js';
import type { ManagedTransaction } from './driver.js';
import { JOIN_MOVED_EDGE, modelLabel, moveEdges } from './move-edges.js';

/** A stored stand-in and the node it turned out to be: a canonical record stated the key it holds. */
export interface Absorption {
  from: string;
  into: string;
}

/** A stand-in whose alternate keys were freed for the canonical row, with their values. */
export interface ReleasedStandIn extends Absorption {
  keys: Record<string, string>;
}

/** What the writer and the review keep on a node themselves, as opposed to what a source said of the thing. */
const BOOKKEEPING = [...RESERVED, 'mergedInto', 'deletedAt'];

/**
 * Takes the alternate keys off stand-ins about to be absorbed, so the canonical rows written next in
 * the same transaction can hold them; returns the values taken.
 */
export async function releaseStandIns(tx: ManagedTransaction, label: NodeLabel, absorbed: Absorption[]): Promise<ReleasedStandIn[]> {
  if (absorbed.length === 0) return [];
  const L = modelLabel(label);
  const alternates = NODE_KINDS[L].keys.slice(1);
  const result = await tx.run(
    `UNWIND $rows AS row MATCH (s:${L} {id: row.from})
     WITH s, row, {${alternates.map((k) => `${k}: s.${k}`).join(', ')}} AS keys
     SET ${alternates.map((k) => `s.${k} = null`).join(', ')}
     RETURN row.from AS from, row.into AS into, keys`,
    { rows: absorbed },
  );
  return result.records.map((r) => {
    const keys = Object.entries(r.get('keys') as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string');
    return { from: r.get('from') as string, into: r.get('into') as string, keys: Object.fromEntries(keys) };
  });
}

/**
 * Moves the SAME_AS candidates of a stand-in to the node absorbing it (moveEdges leaves SAME_AS where
 * it is): "the stand-in may be X" now says it of the node. A pair with the node itself goes with the
 * stand-in, and a stand-in on the other end keeps pointing at the node, so that accepting the pair
 * moves the stand-in, never the node.
 */
async function moveCandidates(tx: ManagedTransaction, label: NodeLabel, from: string, into: string): Promise<void> {
  const stand = (x: string) => `coalesce(${x}.provisional, false)`;
  // Merged on the key, as the GraphWriter keys SAME_AS; a pair from before it did (no key) on the empty one.
  const pair = `SAME_AS {key: coalesce(r.key, '')}`;
  await tx.run(
    `MATCH (s:${label} {id: $from})-[r:SAME_AS]-(x) WHERE x.id <> $into AND (startNode(r) = x OR ${stand('x')})
     MATCH (n:${label} {id: $into}) MERGE (x)-[r2:${pair}]->(n) ${JOIN_MOVED_EDGE}`,
    { from, into },
  );
  await tx.run(
    `MATCH (s:${label} {id: $from})-[r:SAME_AS]->(x) WHERE x.id <> $into AND NOT ${stand('x')}
     MATCH (n:${label} {id: $into}) MERGE (n)-[r2:${pair}]->(x) ${JOIN_MOVED_EDGE}`,
    { from, into },
  );
}

/**
 * Folds released stand-ins into their canonical nodes once those are written, as if the stand-in's
 * rows had come after the canonical record: its edges move over (its SAME_AS candidates too, see
 * moveCandidates), its sources join the node's, its properties land as a row without a version
 * would set them (not those a versioned record gave), and what a review merged into it points at
 * the node. The stand-in is then removed.
 */
export async function absorbStandIns(tx: ManagedTransaction, label: NodeLabel, standIns: ReleasedStandIn[]): Promise<void> {
  const L = modelLabel(label);
  for (const s of standIns) {
    await moveEdges(tx, L, s.from, s.into);
    await moveCandidates(tx, L, s.from, s.into);
    await tx.run(
      `MATCH (s:${L} {id: $from}) MATCH (n:${L} {id: $into})
       WITH s, n, [k IN keys(s) WHERE NOT k IN $bookkeeping AND NOT k IN coalesce(n.versionedKeys, [])] AS given,
         [k IN keys($keys) WHERE NOT k IN coalesce(n.versionedKeys, [])] AS givenKeys
       SET ${joinProvenance('n', 'coalesce(s.sources, [])', 's.firstSeen', 's.lastSeen')}
       FOREACH (k IN given | SET n[k] = s[k])
       FOREACH (k IN givenKeys | SET n[k] = $keys[k])
       WITH s, n
       OPTIONAL MATCH (m:${L} {mergedInto: s.id})
       SET m.mergedInto = n.id
       WITH DISTINCT s
       DETACH DELETE s`,
      { from: s.from, into: s.into, keys: s.keys, bookkeeping: BOOKKEEPING },
    );
  }
}
