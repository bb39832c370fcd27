import type { FragmentBuilder, NodeRef } from '../../src/model/fragment.js';
import type { Rejection } from '../pipeline/format.js';
import type { TkRecord } from './record.js';

/** The case or decision a nested record hangs under, as far as the mapping needs it. */
export interface Parent {
  rec: TkRecord;
  id: string;
  /** The node the parent became (undefined when it became none, e.g. a deleted row). */
  node?: NodeRef;
  /** The parent's own date (a case's start, a decision's time): when nested facts were observed. */
  date?: string;
}

/** Shared state of one document's mapping. */
export interface MapContext {
  b: FragmentBuilder;
  rejected: Rejection[];
  /** Every entity row read, nested rows included. */
  records: number;
  /** Maps a record (and its children) under an optional parent. */
  walk(rec: TkRecord, parent?: Parent): void;
}

/** A mapper for one entity; `id` is the record's Id, already checked. */
export type EntityMapper = (ctx: MapContext, rec: TkRecord, id: string, parent?: Parent) => void;

/** Walks every child record of `rec` that a mapper did not consume itself. */
export function walkChildren(ctx: MapContext, rec: TkRecord, parent: Parent | undefined, skip: readonly string[] = []): void {
  for (const [nav, children] of Object.entries(rec.children)) {
    if (skip.includes(nav)) continue;
    for (const child of children) ctx.walk(child, parent);
  }
}
