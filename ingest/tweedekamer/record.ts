/**
 * The neutral record both readers produce: one Tweede Kamer entity with PascalCase field names
 * (as in OData), relations as lists of GUIDs, expanded navigation properties as child records.
 * The mapping reads only this shape, so OData and SyncFeed give the same graph.
 */
export interface TkRecord {
  /** Entity name as in the OData service document: Zaak, Document, Persoon, … */
  entity: string;
  /** Scalar fields (PascalCase, without the `_Id` foreign keys); values as the reader found them. */
  fields: Record<string, unknown>;
  /** Relations by entity name (`Persoon_Id` and `<persoon ref>` both become refs.Persoon). */
  refs: Record<string, string[]>;
  /** Expanded navigation properties by their name (ZaakActor, Document, HuidigeDocumentVersie, …). */
  children: Record<string, TkRecord[]>;
  /** Where the record sits in its document, for messages: "row 17", "entry 3". */
  where: string;
}

/** A string value, or undefined for null/empty. */
export function str(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

/** An integer from a JSON number or XML text. */
export function int(v: unknown): number | undefined {
  const s = str(v);
  if (s === undefined) return undefined;
  const n = Number(s);
  return Number.isInteger(n) ? n : undefined;
}

/** A boolean from a JSON boolean or XML text ("true"/"false"). */
export function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const s = str(v)?.toLowerCase();
  return s === 'true' ? true : s === 'false' ? false : undefined;
}

/** The calendar date (YYYY-MM-DD) as written upstream: "2022-03-10T00:00:00+01:00" → "2022-03-10". */
export function date(v: unknown): string | undefined {
  const s = str(v);
  return s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : undefined;
}

/**
 * A modification time as a comparable UTC ISO string. OData gives a local offset, SyncFeed
 * `bijgewerkt` is UTC without a zone; both normalise to the same string.
 */
export function version(v: unknown): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(s) ? s : `${s}Z`;
  const ms = Date.parse(zoned.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** The first ref of a relation. */
export function refOf(rec: TkRecord, entity: string): string | undefined {
  return rec.refs[entity]?.[0];
}

/** The child records of a navigation property (empty when not expanded). */
export function childrenOf(rec: TkRecord, nav: string): TkRecord[] {
  return rec.children[nav] ?? [];
}
