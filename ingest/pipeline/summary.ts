import type { WriteStats } from '../../src/neo4j/writer.js';

/** A document, or a row of one, that was not ingested, with the reason. */
export interface RejectedItem {
  document: string;
  class: string;
  reason: string;
}

/** What one ingest run did; printed at the end of every run. */
export interface IngestSummary {
  inputs: number;
  /** Files of other types that a directory walk passed over (schemas, notes). */
  ignored: number;
  fetched: number;
  read: number;
  /** Documents whose bytes were already ingested with the same parser version. */
  unchanged: number;
  parsed: number;
  /** Source records (rows, entries, publications) in the parsed documents. */
  records: number;
  rejectedDocuments: RejectedItem[];
  rejectedRows: RejectedItem[];
  written: WriteStats;
  checkpoints: { feed: string; before: string | null; after: string | null }[];
  seconds: number;
  /**
   * The run was stopped early (a signal): the inputs after the one in hand were not taken and the
   * passes over the whole graph were left to the next run, which the same command goes on with.
   */
  interrupted: boolean;
}

/** An empty summary to fill. */
export function createSummary(): IngestSummary {
  return {
    inputs: 0,
    ignored: 0,
    fetched: 0,
    read: 0,
    unchanged: 0,
    parsed: 0,
    records: 0,
    rejectedDocuments: [],
    rejectedRows: [],
    written: { sources: 0, nodes: 0, edges: 0, tombstones: 0, sameAs: 0 },
    checkpoints: [],
    seconds: 0,
    interrupted: false,
  };
}

/** Counts rejections by class, e.g. { parse: 2, 'not-retryable': 1 }. */
export function countByClass(items: RejectedItem[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[item.class] = (out[item.class] ?? 0) + 1;
  return out;
}

/** What the last line of an interrupted run's summary tells the user to do. */
export const RESUME_HINT = 'interrupted: what was read is written; run the same command again to go on (documents already ingested are skipped)';

/** The human-readable summary printed at the end of a run. */
export function formatSummary(s: IngestSummary, maxListed = 50): string {
  const lines = [
    `ingest summary (${s.seconds.toFixed(1)} s${s.interrupted ? ', interrupted' : ''})`,
    `  inputs ${s.inputs}, documents fetched ${s.fetched}, read ${s.read}, unchanged ${s.unchanged}, parsed ${s.parsed}, ignored files ${s.ignored}`,
    `  source records ${s.records}`,
    `  written: ${s.written.sources} sources, ${s.written.nodes} nodes, ${s.written.edges} edges, ${s.written.tombstones} tombstones, ${s.written.sameAs} same-as candidates`,
    `  rejected documents ${s.rejectedDocuments.length} ${JSON.stringify(countByClass(s.rejectedDocuments))}, rejected rows ${s.rejectedRows.length} ${JSON.stringify(countByClass(s.rejectedRows))}`,
  ];
  for (const c of s.checkpoints) lines.push(`  checkpoint ${c.feed}: ${c.before ?? '(none)'} → ${c.after ?? '(none)'}`);
  for (const r of [...s.rejectedDocuments, ...s.rejectedRows].slice(0, maxListed)) lines.push(`  rejected [${r.class}] ${r.document}: ${r.reason}`);
  const more = s.rejectedDocuments.length + s.rejectedRows.length - maxListed;
  if (more > 0) lines.push(`  … and ${more} more rejections (use --json for all)`);
  if (s.interrupted) lines.push(`  ${RESUME_HINT}`);
  return lines.join('\n');
}
