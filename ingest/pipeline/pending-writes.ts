import type { GraphFragment } from '../../src/model/fragment.js';
import type { GraphWriter, WriteStats } from '../../src/neo4j/writer.js';
import { isAuthError } from './errors.js';
import type { IngestedSources } from './ingested-sources.js';

const FLUSH_ROWS = 20_000;
const RESOLVED_LABELS = new Set(['Person', 'Party', 'Office']);

/**
 * The fragments of a run waiting to be written: written together once they hold enough rows, or
 * when the run needs them in the graph. A batch that fails is written again one document at a
 * time, so only the document that broke it is rejected.
 */
export class PendingWrites {
  private pending: GraphFragment[] = [];
  private rows = 0;
  /** Whether persons, parties or offices are waiting: names in later documents resolve against them. */
  holdsPeople = false;

  constructor(
    private readonly writer: GraphWriter,
    private readonly ingested: IngestedSources,
    private readonly written: (stats: WriteStats) => void,
    private readonly rejected: (document: string, error: unknown) => void,
  ) {}

  /** Adds a fragment, writing everything pending when the batch is full. */
  async add(fragment: GraphFragment): Promise<void> {
    this.pending.push(fragment);
    this.holdsPeople ||= fragment.nodes.some((n) => RESOLVED_LABELS.has(n.label));
    this.rows += fragment.nodes.length + fragment.edges.length + fragment.tombstones.length;
    if (this.rows >= FLUSH_ROWS) await this.flush();
  }

  /** Writes everything pending; returns whether that included persons, parties or offices. */
  async flush(): Promise<boolean> {
    const batch = this.pending;
    const people = this.holdsPeople;
    this.pending = [];
    this.rows = 0;
    this.holdsPeople = false;
    if (batch.length === 0) return false;
    try {
      this.written(await this.writer.write(batch));
      this.ingested.add(batch.map((f) => f.source));
    } catch (error) {
      if (isAuthError(error)) throw error;
      for (const fragment of batch) {
        try {
          this.written(await this.writer.write([fragment]));
          this.ingested.add([fragment.source]);
        } catch (inner) {
          if (isAuthError(inner)) throw inner;
          this.rejected(fragment.source.url, inner);
        }
      }
    }
    return people;
  }
}
