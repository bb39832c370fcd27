import { join, resolve } from 'node:path';
import type { Config } from '../../src/config.js';
import type { GraphFragment } from '../../src/model/fragment.js';
import { isTextLabel } from '../../src/model/kinds.js';
import type { Graph } from '../../src/neo4j/driver.js';
import { GraphWriter, type WriteStats } from '../../src/neo4j/writer.js';
import { Checkpoints } from './checkpoint.js';
import { finishFragment, parseDocument, readDocument, unpackGzip, type Enricher, type ParsedDocument } from './document-step.js';
import { CriticalError, NotRetryableError, RetryableError, isAuthError, rejectionClass } from './errors.js';
import { Fetcher, type FetchedDocument } from './fetch.js';
import type { RawDocument } from './format.js';
import { IngestedSources } from './ingested-sources.js';
import { PendingWrites } from './pending-writes.js';
import { expandInputs } from './inputs.js';
import { RawStore } from './raw-store.js';
import { createSummary, type IngestSummary } from './summary.js';

export interface IngestOptions {
  graph: Graph;
  config: Config;
  /** Force this format for every document instead of detecting it. */
  format?: string;
  /** Parse and write again even documents that were ingested unchanged before. */
  force?: boolean;
  /** Stop a feed after this many pages (the checkpoint keeps the place). */
  maxPages?: number;
  /** Makes the enrichment step; called again after each write, so it sees what the run has written. */
  enricher?: () => Promise<Enricher>;
  fetcher?: Fetcher;
  /** The URLs to try for an official publication id (document first, fallbacks after, metadata last). */
  publicationUrls?: (id: string) => string[];
  onProgress?: (done: number, total: number, current: string) => void;
  /**
   * Stops the run between documents once aborted: no further input or feed page is taken, what is
   * pending is written, and the summary is marked interrupted. The document in hand finishes, so
   * the graph, the raw store and the checkpoints stay as consistent as at a normal end.
   */
  signal?: AbortSignal;
}

/**
 * Ingests files, directories, feed URLs and publication ids: raw first, parse, enrich, write in
 * batches; a bad document is rejected with its reason and the run goes on. An aborted
 * `options.signal` ends it before the next input, with what was taken written.
 */
export async function ingestInputs(args: string[], options: IngestOptions): Promise<IngestSummary> {
  const started = Date.now();
  const { inputs, ignored, unreadable } = await expandInputs(args);
  const run = new Run(options, await IngestedSources.load(options.graph));
  run.summary.inputs = inputs.length + unreadable.length;
  run.summary.ignored = ignored.length;
  for (const u of unreadable) run.reject(u.path, new NotRetryableError(u.reason));
  let taken = 0;
  for (const [i, input] of inputs.entries()) {
    const name = input.kind === 'file' ? input.path : input.kind === 'feed' ? input.url : input.id;
    options.onProgress?.(i, inputs.length, name);
    if (options.signal?.aborted) break;
    taken++;
    try {
      if (input.kind === 'file') await run.file(input.path);
      else if (input.kind === 'feed') await run.feed(input.url);
      else await run.publication(input.id);
    } catch (error) {
      if (error instanceof CriticalError || isAuthError(error)) throw error;
      run.reject(name, error);
    }
  }
  await run.flush();
  options.onProgress?.(taken, inputs.length, '');
  // Also when the signal came during the last input or the final write: the caller then skips what follows the run.
  run.summary.interrupted = options.signal?.aborted ?? false;
  run.summary.seconds = (Date.now() - started) / 1000;
  return run.summary;
}

class Run {
  readonly summary = createSummary();
  private readonly store: RawStore;
  private readonly checkpoints: Checkpoints;
  private readonly fetcher: Fetcher;
  private readonly pending: PendingWrites;
  private enrich: Enricher | undefined;
  private enricherStale = true;

  constructor(
    private readonly options: IngestOptions,
    private readonly ingested: IngestedSources,
  ) {
    const { config } = options;
    const writer = new GraphWriter(options.graph, { batchSize: config.writeBatchSize, concurrency: config.writeConcurrency });
    this.pending = new PendingWrites(writer, ingested, (stats) => this.count(stats), (document, error) => this.reject(document, error));
    this.store = new RawStore(resolve(config.rawStore));
    this.checkpoints = new Checkpoints(resolve(join(config.stateDir, 'checkpoints.json')));
    this.fetcher =
      options.fetcher ??
      new Fetcher({
        userAgent: config.userAgent,
        ratePerSecond: config.fetchRatePerSecond,
        timeoutMs: config.fetchTimeoutMs,
        maxBytes: config.maxDocumentBytes,
        attempts: 4,
        backoffMs: 500,
        respectRobots: true,
      });
  }

  async file(path: string): Promise<void> {
    const { doc, fetchedAt } = await readDocument(path, this.options.config.maxDocumentBytes);
    this.summary.read++;
    await this.take(await this.parse(doc, fetchedAt));
  }

  /**
   * Follows a paged feed from its checkpoint; the cursor advances only after each page's write
   * commits. A page that fails (fetch, parse or write) is rejected by its own URL and ends the
   * feed there, so the next run starts again from that page. A next-page link is followed only
   * within the origin its page came from and only to a page not yet read in this run. An aborted
   * signal ends the feed before its next page, the checkpoint on the last page written.
   */
  async feed(start: string): Promise<void> {
    const before = (await this.checkpoints.get(start)) ?? null;
    let url: string | undefined = before ?? start;
    let cursor = before;
    // A page linking to itself ends the feed (nothing newer yet); one linking back to an earlier page of
    // this run is a cycle, which would be followed for ever (see nextLinkRefusal).
    const seen = new Set<string>();
    // What is pending from earlier inputs is written first, so a failure below is this feed's own.
    await this.flush();
    try {
      for (let pages = 0; url && pages < (this.options.maxPages ?? Infinity) && !this.options.signal?.aborted; pages++) {
        seen.add(new URL(url).href);
        const page = await this.page(url);
        if (page === false) break;
        const { next, from } = page;
        const refusal: string | undefined = next === undefined || next === url ? undefined : nextLinkRefusal(next, from, seen);
        // The checkpoint stays on a page whose link is refused, so the next run reads that page's link anew.
        cursor = next === undefined || refusal ? url : next;
        await this.checkpoints.set(start, cursor);
        if (refusal) this.reject(url, new NotRetryableError(refusal));
        url = refusal || next === url ? undefined : next;
      }
    } finally {
      this.summary.checkpoints.push({ feed: start, before, after: cursor });
    }
  }

  /**
   * Ingests one feed page: the URL its bytes came from (after redirects) and its next page's URL,
   * read against that URL; or false when the page was rejected.
   */
  private async page(url: string): Promise<{ next: string | undefined; from: string } | false> {
    const rejected = this.summary.rejectedDocuments.length;
    let doc: FetchedDocument;
    let parsed: ParsedDocument;
    try {
      doc = await this.fetch(url);
      parsed = await this.parse(doc, new Date().toISOString(), true);
      await this.take(parsed);
    } catch (error) {
      if (error instanceof CriticalError || isAuthError(error)) throw error;
      this.reject(url, error);
      return false;
    }
    await this.flush();
    if (this.summary.rejectedDocuments.length > rejected) return false;
    const { next } = parsed.result;
    return { next: next === undefined ? undefined : new URL(next, doc.finalUrl).href, from: doc.finalUrl };
  }

  /**
   * Fetches an official publication by id: the first of its document URLs that answers (XML, then
   * the HTML page), then its metadata.xml, which many publications do not need and may lack.
   */
  async publication(id: string): Promise<void> {
    const urls = this.options.publicationUrls?.(id);
    if (!urls || urls.length === 0) throw new NotRetryableError(`no URLs are known for publication ${id}`);
    const metadata = urls.find((u) => u.endsWith('metadata.xml'));
    const failures: unknown[] = [];
    for (const url of urls.filter((u) => u !== metadata)) {
      try {
        await this.take(await this.parse(await this.fetch(url), new Date().toISOString()));
        break;
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length === urls.length - (metadata ? 1 : 0)) {
      const last = failures.at(-1);
      const reasons = failures.map((e) => (e instanceof Error ? e.message : String(e))).join('; ');
      throw last instanceof RetryableError ? new RetryableError(`publication ${id}: ${reasons}`) : new NotRetryableError(`publication ${id}: ${reasons}`);
    }
    if (!metadata) return;
    try {
      await this.take(await this.parse(await this.fetch(metadata), new Date().toISOString()));
    } catch (error) {
      if (!(error instanceof NotRetryableError && error.status === 404)) this.reject(metadata, error);
    }
  }

  reject(document: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    // Some errors already start with the document's name; the summary names it once.
    const reason = message.startsWith(`${document}: `) ? message.slice(document.length + 2) : message;
    this.summary.rejectedDocuments.push({ document, class: rejectionClass(error), reason });
  }

  /** Writes what is pending; the enricher is made again when persons, parties or offices were among it. */
  async flush(): Promise<void> {
    if (await this.pending.flush()) this.enricherStale = true;
  }

  /** Fetches a document; gzip bytes (a `.json.gz` served as it is stored) are unpacked as a local `.gz` file is. */
  private async fetch(url: string): Promise<FetchedDocument> {
    const doc = await this.fetcher.fetch(url);
    this.summary.fetched++;
    return { ...doc, bytes: unpackGzip(doc.bytes, this.options.config.maxDocumentBytes) };
  }

  private parse(doc: RawDocument, fetchedAt: string, needNext = false): Promise<ParsedDocument> {
    return parseDocument(doc, fetchedAt, { ingested: this.ingested, store: this.store, needNext, ...pick(this.options) });
  }

  /**
   * Names in a document resolve against the persons, parties and offices written before it, so
   * when some are still pending they are written first and the enricher is made again.
   */
  private async enricherFor(fragment: GraphFragment): Promise<Enricher | undefined> {
    if (!this.options.enricher) return undefined;
    if (this.pending.holdsPeople && fragment.nodes.some((n) => isTextLabel(n.label) || (n.label === 'Person' && n.provisional))) await this.flush();
    if (this.enricherStale) {
      this.enrich = await this.options.enricher();
      this.enricherStale = false;
    }
    return this.enrich;
  }

  private async take(parsed: ParsedDocument): Promise<void> {
    const { result } = parsed;
    const fragment = parsed.unchanged ? parsed.fragment : finishFragment(parsed.fragment, await this.enricherFor(parsed.fragment));
    for (const r of result.rejected) this.summary.rejectedRows.push({ document: fragment.source.url, class: 'row', reason: `${r.where}: ${r.reason}` });
    if (parsed.unchanged) {
      this.summary.unchanged++;
      return;
    }
    this.summary.parsed++;
    this.summary.records += result.records;
    await this.pending.add(fragment);
  }

  private count(stats: WriteStats): void {
    const w = this.summary.written;
    w.sources += stats.sources;
    w.nodes += stats.nodes;
    w.edges += stats.edges;
    w.tombstones += stats.tombstones;
    w.sameAs += stats.sameAs;
  }
}

/**
 * Why a page's next-page link is not followed, or undefined when it may be: a link to another origin
 * (scheme, host and port) than the page's own could lead the feed anywhere, and one back to a page of
 * this run is a cycle.
 */
function nextLinkRefusal(next: string, page: string, seen: Set<string>): string | undefined {
  const [to, from] = [new URL(next).origin, new URL(page).origin];
  if (to !== from) return `its next-page link ${next} leads to ${to}, another origin than its page's ${from}`;
  if (seen.has(new URL(next).href)) return `its next-page link ${next} repeats a page of this run (the feed's links form a cycle)`;
  return undefined;
}

function pick(o: IngestOptions): { format?: string; force?: boolean } {
  return {
    ...(o.format === undefined ? {} : { format: o.format }),
    ...(o.force === undefined ? {} : { force: o.force }),
  };
}
