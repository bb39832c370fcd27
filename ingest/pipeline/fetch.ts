import robotsModule from 'robots-parser';
import { NotRetryableError, RetryableError, isRetryable } from './errors.js';
import type { RawDocument } from './format.js';

export interface FetchPolicy {
  userAgent: string;
  /** Requests per second per host. */
  ratePerSecond: number;
  timeoutMs: number;
  maxBytes: number;
  /** Attempts in all, the first included. */
  attempts: number;
  /** The first back-off in ms; it doubles with each retry (with jitter). */
  backoffMs: number;
  respectRobots: boolean;
}

interface Robots {
  isAllowed(url: string, ua?: string): boolean | undefined;
}
// The package's typings describe a CommonJS default that Node's ESM loader hands over as the function itself.
const robotsParser = robotsModule as unknown as (url: string, text: string) => Robots;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Fetches documents politely: a user agent, a rate limit per host, robots.txt, a timeout, a size
 * bound, and retries with exponential back-off for network errors, 429 and 5xx (Retry-After honoured).
 */
export class Fetcher {
  private readonly nextSlot = new Map<string, number>();
  private readonly robots = new Map<string, Promise<Robots | undefined>>();
  /** Requests sent, retries included (for the run summary). */
  requests = 0;

  constructor(private readonly policy: FetchPolicy) {}

  async fetch(url: string): Promise<RawDocument> {
    if (this.policy.respectRobots && !(await this.allowedByRobots(url)))
      throw new NotRetryableError(`${url}: disallowed by robots.txt`);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.fetchOnce(url);
      } catch (error) {
        if (!isRetryable(error) || attempt >= this.policy.attempts) throw error;
        const backoff = this.policy.backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random());
        await sleep(Math.min(60_000, Math.max(backoff, (error.retryAfterSeconds ?? 0) * 1000)));
      }
    }
  }

  private async fetchOnce(url: string): Promise<RawDocument> {
    await this.waitForSlot(new URL(url).host);
    this.requests++;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { 'user-agent': this.policy.userAgent, accept: '*/*' },
        signal: AbortSignal.timeout(this.policy.timeoutMs),
        redirect: 'follow',
      });
    } catch (error) {
      throw new RetryableError(`${url}: ${describeFetchFailure(error)}`);
    }
    if (response.status === 429 || response.status >= 500) {
      await response.body?.cancel();
      const retryAfter = Number(response.headers.get('retry-after'));
      throw new RetryableError(`${url}: HTTP ${response.status}`, Number.isFinite(retryAfter) ? retryAfter : undefined);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new NotRetryableError(`${url}: HTTP ${response.status}`, response.status);
    }
    const bytes = await this.readBounded(url, response);
    const contentType = response.headers.get('content-type') ?? undefined;
    return contentType === undefined ? { bytes, url } : { bytes, url, contentType };
  }

  private async readBounded(url: string, response: Response): Promise<Buffer> {
    const declared = Number(response.headers.get('content-length'));
    if (declared > this.policy.maxBytes) {
      await response.body?.cancel();
      throw new NotRetryableError(`${url}: ${declared} bytes is over the limit of ${this.policy.maxBytes}`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of (response.body ?? []) as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > this.policy.maxBytes) throw new NotRetryableError(`${url}: larger than the limit of ${this.policy.maxBytes} bytes`);
        chunks.push(Buffer.from(chunk));
      }
    } catch (error) {
      if (error instanceof NotRetryableError) throw error;
      throw new RetryableError(`${url}: the download broke off: ${error instanceof Error ? error.message : String(error)}`);
    }
    return Buffer.concat(chunks);
  }

  private async waitForSlot(host: string): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot.get(host) ?? 0);
    this.nextSlot.set(host, slot + 1000 / this.policy.ratePerSecond);
    if (slot > now) await sleep(slot - now);
  }

  private allowedByRobots(url: string): Promise<boolean> {
    const { origin } = new URL(url);
    let robots = this.robots.get(origin);
    if (!robots) {
      robots = this.fetchRobots(`${origin}/robots.txt`);
      this.robots.set(origin, robots);
    }
    return robots.then((r) => r?.isAllowed(url, this.policy.userAgent) ?? true);
  }

  private async fetchRobots(robotsUrl: string): Promise<Robots | undefined> {
    try {
      await this.waitForSlot(new URL(robotsUrl).host);
      const response = await fetch(robotsUrl, {
        headers: { 'user-agent': this.policy.userAgent },
        signal: AbortSignal.timeout(this.policy.timeoutMs),
      });
      if (!response.ok) return undefined;
      return robotsParser(robotsUrl, (await response.text()).slice(0, 500_000));
    } catch {
      return undefined;
    }
  }
}

/**
 * What went wrong with a request: fetch() says only "fetch failed" and keeps the reason
 * (ECONNREFUSED, ENOTFOUND, a TLS error) in its cause, which can be an AggregateError of one per address.
 */
export function describeFetchFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as (Error & { code?: string; errors?: unknown[] }) | undefined;
  if (!(cause instanceof Error)) return error.message;
  const parts = cause.errors?.length ? cause.errors.map(describeOne) : [describeOne(cause)];
  return `${error.message}: ${[...new Set(parts)].join('; ')}`;
}

function describeOne(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code;
  if (!error.message) return code ?? error.name;
  return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}
