import { textOf } from '../pipeline/byte-order-mark.js';
import type { Format, ParseResult, RawDocument, Rejection } from '../pipeline/format.js';
import { mapRecords } from './map-records.js';
import type { TkRecord } from './record.js';
import { readODataPage, toRecord } from './odata-reader.js';

const JSON_START = /^\s*\{/;

/** Tweede Kamer OData v4 JSON: entity-set pages, single entities, `$expand`ed responses. */
export const tkODataFormat: Format = {
  name: 'tk-odata',
  // 2: a roll-call vote carries no seats; a deleted actor or vote row removes its edge (the writer).
  // 3: written again so that nodes record the properties these records own (versionedKeys, the writer), and
  // edges stated by a record of their own (ZaakActor, FractieZetelPersoon, Stemming) carry its version.
  // 4: a decision's outcome only from the voting kinds ("Voor kennisgeving aangenomen." is not an adopted motion).
  // 5: GUIDs in lower case; the newest copy of a row seen twice in one page wins; a deleted Stemming, ZaakActor or
  // FractieZetelPersoon row (null foreign keys) is an EdgeTombstone of its Id, the edges it states carry that Id
  // (recordId); a ZaakActor row of its own (a ZaakActor page) states its submitter or addressee for a case known by id only.
  version: '5',
  detect(_doc: RawDocument, head: string): boolean {
    if (!JSON_START.test(head)) return false;
    return (
      /"@odata\.context"\s*:\s*"[^"]*gegevensmagazijn\.tweedekamer\.nl/.test(head) ||
      /"@odata\.context"\s*:\s*"[^"]*\$metadata#/.test(head) ||
      /^\s*\{\s*"decision"\s*:\s*\{/.test(head) ||
      (/"Id"\s*:\s*"[0-9a-f-]{36}"/i.test(head) && /"GewijzigdOp"\s*:/.test(head))
    );
  },
  parse(doc: RawDocument): ParseResult {
    const page = readODataPage(textOf(doc.bytes));
    // A row that is not an object is rejected on its own; the rest of the page is read.
    const notRows: Rejection[] = [];
    const rows: TkRecord[] = [];
    page.rows.forEach((row, i) => {
      if (typeof row === 'object' && row !== null && !Array.isArray(row)) rows.push(toRecord(page.entitySet, row as Record<string, unknown>, `row ${i + 1}`));
      else notRows.push({ where: `row ${i + 1}`, reason: `not an object but ${row === null ? 'null' : Array.isArray(row) ? 'an array' : typeof row}` });
    });
    const mapped = mapRecords(rows);
    return { ...mapped, rejected: [...notRows, ...mapped.rejected], ...(page.next ? { next: page.next } : {}) };
  },
};
