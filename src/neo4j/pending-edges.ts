import type { EdgeKindChoice, EdgeRecord, NodeRef, Props } from '../model/fragment.js';
import { CASE_LABELS, type NodeLabel } from '../model/kinds.js';
import { writeGraph, type Graph, type ManagedTransaction } from './driver.js';
import type { EdgeRow } from './edge-rows.js';
import { countPendingEdgesCypher, deletePendingEdgesCypher, idsHeldCypher, pendingEdgesForCypher } from './cypher.js';

/** A pending edge as stored (see PENDING_EDGE_LABEL); `choices` and `props` are JSON texts. */
interface Stored {
  id: string;
  endId: string;
  end: 'from' | 'to';
  choices: string;
  otherLabel: NodeLabel;
  otherKey: string;
  otherValue: string;
  key: string;
  props: string;
  version?: string;
  record?: string;
  src: string;
  seen: string;
}

/** A pending edge as upsertPendingEdgesCypher takes it. */
export interface PendingRow {
  id: string;
  fields: Stored;
}

/** The stored form of an edge with an end known by id only; `known` is its other end, `props` as written. */
export function toPending(e: EdgeRecord & { kindOf: EdgeKindChoice }, known: NodeRef, props: Props, src: string, seen: string): PendingRow {
  const endId = e[e.kindOf.end].value;
  const id = JSON.stringify([
    e.record ?? '',
    e.kindOf.end,
    endId,
    known.label,
    known.key,
    known.value,
    e.key,
    e.kindOf.choices.map((c) => [c.type, c.label]),
  ]);
  const fields: Stored = {
    id,
    endId,
    end: e.kindOf.end,
    choices: JSON.stringify(e.kindOf.choices),
    otherLabel: known.label,
    otherKey: known.key,
    otherValue: known.value,
    key: e.key,
    props: JSON.stringify(props),
    ...(e.version === undefined ? {} : { version: e.version }),
    ...(e.record === undefined ? {} : { record: e.record }),
    src,
    seen,
  };
  return { id, fields };
}

/**
 * The pending edges whose end is one of `ids` and is now held by a node of one of their labels, as
 * edge rows of the type that label makes (the first choice that holds it), and the pending edges
 * to delete once those are written: theirs, and those whose end turned out a case of another kind
 * (CASE_LABELS). Those whose end is still unknown stay pending.
 */
export async function resolvePending(
  graph: Graph,
  ids: string[],
): Promise<{ edges: EdgeRow[]; written: { id: string; version: string | null }[] }> {
  if (ids.length === 0) return { edges: [], written: [] };
  // Read in a write transaction: it sees every write before it, on a cluster too.
  return writeGraph(graph, (tx) => resolveIn(tx, [...new Set(ids)]));
}

async function resolveIn(
  tx: ManagedTransaction,
  ids: string[],
): Promise<{ edges: EdgeRow[]; written: { id: string; version: string | null }[] }> {
  // Most graphs hold none: then the ids of a large write are not looked up one by one.
  if (Number((await tx.run(countPendingEdgesCypher)).records[0]?.get('n') ?? 0) === 0) return { edges: [], written: [] };
  const pending = (await tx.run(pendingEdgesForCypher, { ids })).records.map((r) => r.get('p') as Stored);
  if (pending.length === 0) return { edges: [], written: [] };
  const choicesOf = new Map(pending.map((p) => [p.id, JSON.parse(p.choices) as EdgeKindChoice['choices']]));
  const ends = [...new Set(pending.map((p) => p.endId))];
  const held = new Set<string>();
  for (const l of CASE_LABELS)
    for (const r of (await tx.run(idsHeldCypher(l), { ids: ends })).records) held.add(`${l}\u0000${r.get('id') as string}`);
  const edges: EdgeRow[] = [];
  const written: { id: string; version: string | null }[] = [];
  for (const p of pending) {
    const choice = choicesOf.get(p.id)!.find((c) => held.has(`${c.label}\u0000${p.endId}`));
    // A case that is neither: the edge has nowhere to go, and waits no longer.
    if (!choice && CASE_LABELS.some((l) => held.has(`${l}\u0000${p.endId}`))) written.push({ id: p.id, version: p.version ?? null });
    if (!choice) continue;
    const keyed = p.key !== '';
    const row = {
      key: p.key,
      props: JSON.parse(p.props) as Props,
      src: p.src,
      seen: p.seen,
      ...(p.version ? { version: p.version } : {}),
    };
    edges.push(
      p.end === 'to'
        ? { shape: [choice.type, p.otherLabel, p.otherKey, choice.label, 'id', keyed], row: { ...row, from: p.otherValue, to: p.endId } }
        : { shape: [choice.type, choice.label, 'id', p.otherLabel, p.otherKey, keyed], row: { ...row, from: p.endId, to: p.otherValue } },
    );
    written.push({ id: p.id, version: p.version ?? null });
  }
  return { edges, written };
}

/** Deletes the pending edges that were written, unless a newer version of one was stored meanwhile. */
export async function dropPending(graph: Graph, written: { id: string; version: string | null }[]): Promise<void> {
  if (written.length > 0) await writeGraph(graph, async (tx) => void (await tx.run(deletePendingEdgesCypher, { rows: written })));
}
