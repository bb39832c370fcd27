import { NODE_KINDS, type NodeLabel } from '../model/kinds.js';
import type { Props } from '../model/fragment.js';
import type { Absorption } from './stand-ins.js';

/** One node record as the writer sends it. */
export interface NodeRow {
  id: string;
  provisional: boolean;
  props: Props;
  version: string | null;
  src: string;
  seen: string;
}

/** What the store holds for one row: the node with its id, and the node holding each alternate key. */
export interface StoredMatch {
  i: number;
  byId: string | null;
  byIdProvisional: boolean;
  byKey: Record<string, string | null>;
  keyProvisional: Record<string, boolean>;
}

export interface PlannedNodeRow extends NodeRow {
  /** The id of the node to merge on (existing, or the new node's id). */
  target: string;
}

export interface SameAsRow {
  from: string;
  to: string;
  key: string;
  props: Props;
  src: string;
  seen: string;
}

/**
 * Decides, for rows of a label with alternate keys, which node each row joins: the node with its
 * id, else (when one side is provisional) the node holding one of its alternate keys. A
 * provisional id gives way to a canonical one. A stand-in holding a key that a canonical row states
 * is absorbed into the row's node even when that node was stored first without the key, as it
 * would have joined had the key come first. When two different nodes claim the row otherwise, the contested key is left out and a SAME_AS
 * candidate is recorded instead, from the stand-in when one of the two is: never a silent merge. Rows are planned in order, so rows of one
 * batch see each other.
 */
export function planNodeRows(
  label: NodeLabel,
  rows: (NodeRow & { i: number })[],
  stored: StoredMatch[],
): { rows: PlannedNodeRow[]; sameAs: SameAsRow[]; absorbed: Absorption[] } {
  const alternates = NODE_KINDS[label].keys.slice(1);
  const byIndex = new Map(stored.map((s) => [s.i, s]));
  const claimed = new Map<string, string>();
  const provisional = new Map<string, boolean>();
  const renamed = new Map<string, string>();
  const current = (id: string | null | undefined): string | null => {
    let x = id ?? null;
    while (x !== null && renamed.has(x)) x = renamed.get(x)!;
    return x;
  };
  const isProvisional = (id: string, storedFlag: boolean): boolean => provisional.get(id) ?? storedFlag;

  const planned: PlannedNodeRow[] = [];
  const sameAs: SameAsRow[] = [];
  const absorbed: Absorption[] = [];
  for (const row of rows) {
    const s = byIndex.get(row.i);
    const byId = current(claimed.get(`id\u0000${row.id}`) ?? s?.byId);
    const hits = alternates.flatMap((k) => {
      const v = row.props[k];
      if (typeof v !== 'string' || v === '') return [];
      const id = current(claimed.get(`${k}\u0000${v}`) ?? s?.byKey[k]);
      return id === null ? [] : [{ key: k, id, provisional: s?.keyProvisional[k] ?? false }];
    });
    // Join through an alternate key only when one side is provisional; two canonical ids stay two nodes.
    const joinable = hits.find((h) => row.provisional || isProvisional(h.id, h.provisional));
    const target = byId ?? joinable?.id ?? row.id;
    const finalId = byId === null && joinable && !row.provisional ? row.id : target;

    const others = hits.filter((hit) => hit.id !== target);
    const standIns = row.provisional
      ? []
      : [...new Set(others.filter((hit) => isProvisional(hit.id, hit.provisional)).map((hit) => hit.id))];
    const contested = others.filter((hit) => !standIns.includes(hit.id));
    const props: Props = { ...row.props };
    for (const hit of contested) delete props[hit.key];
    if (finalId !== target) renamed.set(target, finalId);
    for (const id of standIns) {
      renamed.set(id, finalId);
      absorbed.push({ from: id, into: finalId });
    }
    claimed.set(`id\u0000${finalId}`, finalId);
    for (const k of alternates) if (typeof props[k] === 'string') claimed.set(`${k}\u0000${props[k]}`, finalId);
    const targetProvisional =
      byId !== null ? isProvisional(byId, s?.byIdProvisional ?? false) : joinable ? isProvisional(joinable.id, joinable.provisional) : true;
    const rowProvisional = row.provisional && targetProvisional;
    provisional.set(finalId, rowProvisional);
    for (const hit of contested) {
      // A stand-in points at the canonical node, so accepting the pair moves the stand-in into it, never the other way.
      const standInFirst = isProvisional(hit.id, hit.provisional) && !rowProvisional;
      sameAs.push({
        from: standInFirst ? hit.id : finalId,
        to: standInFirst ? finalId : hit.id,
        key: hit.key,
        // No status: an edge without one is an open candidate, and writing it again must not reopen a decided one.
        props: { reason: `both hold ${hit.key} ${String(row.props[hit.key])}`, score: 1 },
        src: row.src,
        seen: row.seen,
      });
    }
    planned.push({ ...row, props, target, id: finalId });
  }
  return { rows: planned, sameAs, absorbed };
}
