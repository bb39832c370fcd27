import { createHash } from 'node:crypto';
import type { ApiContext } from './context.js';
import { ERROR_CODES, userError } from './errors.js';
import { checkFirst } from './limits.js';
import type { NodeObject } from '../neo4j/queries/nodes.js';

const MAX_OFFSET = 100_000;
const KEY_BYTES = 9;
const DAY_MS = 86_400_000;
const LAST_DAY = Date.parse('9999-12-31T00:00:00Z') / DAY_MS;

/** JSON with object keys sorted, so that equal parameters give equal text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** What a cursor is bound to: the list's rows and their order, and its parameters but skip and limit. */
function listKey(q: ConnectionQuery): Buffer {
  return createHash('sha256').update(q.rows).update('\0').update(stableJson(q.params)).digest().subarray(0, KEY_BYTES);
}

/**
 * Encodes a position in a list as an opaque, URL-safe cursor bound to that list (see listKey): the
 * key, the offset and, for a list as of a day, that day (days since 1970).
 */
function encodeCursor(offset: number, key: Buffer, asOf: string | undefined): string {
  const at = Buffer.alloc(asOf === undefined ? 4 : 8);
  at.writeUInt32BE(offset);
  if (asOf !== undefined) at.writeUInt32BE(Math.round(Date.parse(`${asOf}T00:00:00Z`) / DAY_MS), 4);
  return Buffer.concat([key, at]).toString('base64url');
}

/** The bytes of a cursor, or null when it is none: decoding skips what is not base64url, so only text that encodes back to itself is one. */
function cursorBytes(after: string): Buffer | null {
  const bytes = Buffer.from(after, 'base64url');
  return (bytes.length === KEY_BYTES + 4 || bytes.length === KEY_BYTES + 8) && bytes.toString('base64url') === after ? bytes : null;
}

/** Decodes a cursor of the list with this key to the offset after it; throws BAD_USER_INPUT on anything else. */
function decodeCursor(after: string, key: Buffer): number {
  const bytes = cursorBytes(after);
  const n = bytes?.readUInt32BE(KEY_BYTES) ?? NaN;
  if (!bytes || !key.equals(bytes.subarray(0, KEY_BYTES)) || !(n <= MAX_OFFSET))
    throw userError(ERROR_CODES.badInput, 'after must be a cursor returned by this list with the same arguments');
  return n;
}

/**
 * The day the list of a cursor is as of (YYYY-MM-DD), or null. A list whose day defaults to today
 * takes it from its cursor, so the pages after the first keep to the first page's day, after
 * midnight too; the cursor's key, which covers the day, still decides whether the list takes it.
 */
export function cursorAsOf(after: string | null | undefined): string | null {
  const bytes = after ? cursorBytes(after) : null;
  const day = bytes?.length === KEY_BYTES + 8 ? bytes.readUInt32BE(KEY_BYTES + 4) : NaN;
  // Up to 9999-12-31; a larger day is no cursor's (the key check then refuses it).
  return day <= LAST_DAY ? new Date(day * DAY_MS).toISOString().slice(0, 10) : null;
}

/** A list as two queries over the same parameters: `page` takes `$skip` and `$limit` besides them. */
export interface ConnectionQuery {
  /**
   * What decides the list's rows and their order (e.g. its match and its sort), without the
   * projection, which changes with the fields a request selects: what a cursor is bound to.
   */
  rows: string;
  page: string;
  count: string;
  params: Record<string, unknown>;
  /** The day the list is as of, if it has one; its cursors carry it (see cursorAsOf). */
  asOf?: string;
}

/**
 * Loads one page (asking for one extra row to know whether another page follows); totalCount is a
 * separate count query, run only when the field is asked for. The list's key is hashed, and the
 * cursors made, only when a request gives or asks for one (getters, read as properties are).
 */
export async function loadConnection(ctx: ApiContext, q: ConnectionQuery, first: number | null | undefined, after: string | null | undefined, extra: Record<string, unknown> = {}) {
  const size = checkFirst(first);
  let key: Buffer | undefined;
  const keyOf = () => (key ??= listKey(q));
  const skip = after ? decodeCursor(after, keyOf()) : 0;
  const rows = await ctx.run<{ node: NodeObject }>(q.page, { ...q.params, skip, limit: size + 1 });
  const nodes = rows.slice(0, size).map((r) => ({ ...r.node, ...extra }));
  let total: Promise<number> | undefined;
  return {
    nodes,
    get edges() {
      return nodes.map((node, i) => ({ cursor: encodeCursor(skip + i + 1, keyOf(), q.asOf), node }));
    },
    get pageInfo() {
      return { hasNextPage: rows.length > size, endCursor: nodes.length > 0 ? encodeCursor(skip + nodes.length, keyOf(), q.asOf) : null };
    },
    totalCount: () => (total ??= ctx.run<{ total: number }>(q.count, q.params).then((r) => Number(r[0]?.total ?? 0))),
  };
}

/**
 * The resolvers of a connection type: totalCount is a count query run only when asked for, and the
 * compiled executor (see app.ts) calls a function or awaits a promise only where a resolver returns it.
 */
export const connectionResolvers = {
  totalCount: (connection: { totalCount: () => Promise<number> }) => connection.totalCount(),
};
