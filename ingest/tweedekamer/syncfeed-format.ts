import type { Format, ParseResult, RawDocument } from '../pipeline/format.js';
import { mapRecords } from './map-records.js';
import { readSyncFeedPage } from './syncfeed-reader.js';

/** Tweede Kamer SyncFeed: Atom XML pages with one tkData entity per entry. */
export const tkSyncFeedFormat: Format = {
  name: 'tk-syncfeed',
  // 2: as tk-odata 2 (the same mapping): no seats on roll-call votes, deleted actor and vote rows remove their edge.
  // 3: as tk-odata 3: nodes record the properties these records own; edges carry their record's version.
  // 4: as tk-odata 4: a decision's outcome only from the voting kinds.
  // 5: as tk-odata 5: GUIDs in lower case; the newest copy of a
  // row wins; a deleted vote, actor or seat entry (no children) removes its edges by its id; a zaakActor entry
  // states its submitter or addressee for a case known by id only.
  version: '5',
  detect(_doc: RawDocument, head: string): boolean {
    return /<feed[\s>]/.test(head) && /http:\/\/www\.tweedekamer\.nl\/xsd\/tkData\/v1-0|gegevensmagazijn\.tweedekamer\.nl\/SyncFeed/.test(head);
  },
  parse(doc: RawDocument): ParseResult {
    const page = readSyncFeedPage(doc);
    const mapped = mapRecords(page.records);
    const rejected = [...mapped.rejected, ...page.empty.map((where) => ({ where, reason: 'entry without an entity' }))];
    return { ...mapped, records: mapped.records + page.empty.length, rejected, ...(page.next ? { next: page.next } : {}) };
  },
};
