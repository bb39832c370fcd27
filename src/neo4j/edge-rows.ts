import { NODE_KINDS, type EdgeType, type NodeLabel } from '../model/kinds.js';
import type { EdgeKindChoice, EdgeRecord, GraphFragment, NodeRef, Props } from '../model/fragment.js';
import { toPending, type PendingRow } from './pending-edges.js';

/** An edge row as the GraphWriter writes it: its shape (type, end labels and keys, keyed) and its parameters. */
export interface EdgeRow {
  shape: readonly [EdgeType, NodeLabel, string, NodeLabel, string, boolean];
  row: { from: string; to: string; key: string; props: Props; src: string; seen: string; version?: string };
}

/**
 * A provisional node's id gives way to the canonical one when the two join, so an edge that points
 * at a provisional node of the same fragment by id is pointed at it by an alternate key instead.
 */
function stableRefs(fragment: GraphFragment): (r: NodeRef) => NodeRef {
  const byKey = new Map<string, NodeRef>();
  for (const n of fragment.nodes) {
    if (!n.provisional) continue;
    const key = NODE_KINDS[n.label].keys.slice(1).find((k) => typeof n.props[k] === 'string' && n.props[k] !== '');
    if (key) byKey.set(`${n.label}\u0000${n.id}`, { label: n.label, key, value: n.props[key] as string });
  }
  return (r) => (r.key === 'id' ? (byKey.get(`${r.label}\u0000${r.value}`) ?? r) : r);
}

/** The properties an edge is written with: a record's edge carries the record's id. */
const edgeProps = (e: EdgeRecord): Props => (e.record === undefined ? e.props : { ...e.props, recordId: e.record });

/**
 * The edges of the fragments as rows to write, and those with an end known by id only
 * (EdgeRecord.kindOf) as rows to keep pending until a node holds that id.
 */
export function edgeRowsOf(fragments: GraphFragment[]): { edgeRows: EdgeRow[]; pending: PendingRow[] } {
  const edgeRows: EdgeRow[] = [];
  const pending: PendingRow[] = [];
  for (const f of fragments) {
    const stable = stableRefs(f);
    for (const e of f.edges) {
      const [from, to] = [stable(e.from), stable(e.to)];
      const props = edgeProps(e);
      if (e.kindOf) {
        pending.push(
          toPending(
            e as EdgeRecord & { kindOf: EdgeKindChoice },
            e.kindOf.end === 'from' ? to : from,
            props,
            f.source.id,
            f.source.fetchedAt,
          ),
        );
        continue;
      }
      edgeRows.push({
        shape: [e.type, from.label, from.key, to.label, to.key, e.key !== ''],
        row: {
          from: from.value,
          to: to.value,
          key: e.key,
          props,
          src: f.source.id,
          seen: f.source.fetchedAt,
          ...(e.version === undefined ? {} : { version: e.version }),
        },
      });
    }
  }
  return { edgeRows, pending };
}
