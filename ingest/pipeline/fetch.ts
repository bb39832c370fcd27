import robotsModule from 'robots-parser';
import { NotRetryableError, RetryableError, isRetryable } from './errors.js';
import type { RawDocument } from './format.js';

/** Redirects followed for one document; a longer chain, like a loop, rejects it. */
export const MAX_REDIRECTS = 5;
/** The longest wait a Retry-After is honoured with; a server asking for more gets the document rejected, not waited for. */
const MAX_RETRY_AFTER_MS = 5 * 60_000;

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
  /** The longest Retry-After to wait for, in ms (MAX_RETRY_AFTER_MS when not given). */
  maxRetryAfterMs?: number;
}

/** A fetched document, with the URL its bytes came from after any redirects. */
export interface FetchedDocument extends RawDocument {
  /** The last URL of the redirect chain; `url` stays the one asked for. */
  finalUrl: string;
}

interface Robots {
  isAllowed(url: string, ua?: string): boolean | undefined;
}
// The package's typings describe a CommonJS default that Node's ESM loader hands over as the function itself.
const robotsParser = robotsModule as unknown as (url: string, text: string) => Robots;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * What a host's robots.txt says (RFC 9309 §2.3.1): its rules; no rules when it answers 4xx (everything
 * allowed); or why it could not be had (5xx, network error, timeout), which disallows everything.
 */
type RobotsAnswer = { rules: Robots | undefined } | { unavailable: string };

/** The statuses that send the client elsewhere with a Location header. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches documents politely: a user agent, a rate limit per host, robots.txt, a timeout, a size
 * bound, and retries with exponential back-off for network errors, 429 and 5xx (Retry-After honoured
 * up to a bound). Redirects are followed one hop at a time, each hop rate limited and checked
 * against its own host's robots.txt.
 */
export class Fetcher {
  private readonly nextSlot = new Map<string, number>();
  private readonly robots = new Map<string, Promise<RobotsAnswer>>();
  /** Requests sent, retries and redirect hops included (for the run summary). */
  requests = 0;

  constructor(private readonly policy: FetchPolicy) {}

  async fetch(url: string): Promise<FetchedDocument> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.fetchFollowingRedirects(url);
      } catch (error) {
        if (!isRetryable(error) || attempt >= this.policy.attempts) throw error;
        const backoff = this.policy.backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random());
        await sleep(Math.max(backoff, (error.retryAfterSeconds ?? 0) * 1000));
      }
    }
  }

  /**
   * One attempt: requests `url` and follows its redirects by hand, so each hop waits for its host's
   * slot and is checked against its host's robots.txt. A loop or a chain over MAX_REDIRECTS is final.
   */
  private async fetchFollowingRedirects(url: string): Promise<FetchedDocument> {
    const chain = [url];
    for (;;) {
      const hop = chain.at(-1)!;
      await this.checkRobots(url, hop);
      const response = await this.request(url, hop);
      const target = redirectTarget(response, url, hop);
      if (target === undefined) return this.read(url, hop, response);
      await response.body?.cancel();
      const followed = [...chain, target].join(' → ');
      if (!/^https?:$/.test(new URL(target).protocol)) throw new NotRetryableError(`${url}: redirected to a URL that is not http(s): ${followed}`);
      if (chain.includes(target)) throw new NotRetryableError(`${url}: redirect loop: ${followed}`);
      if (chain.length > MAX_REDIRECTS) throw new NotRetryableError(`${url}: more than ${MAX_REDIRECTS} redirects: ${followed}`);
      chain.push(target);
    }
  }

  /** Sends one GET for one hop, after its host's rate-limit slot; redirects come back as they are. */
  private async request(url: string, hop: string): Promise<Response> {
    await this.waitForSlot(new URL(hop).host);
    this.requests++;
    try {
      return await fetch(hop, {
        headers: { 'user-agent': this.policy.userAgent, accept: '*/*' },
        signal: AbortSignal.timeout(this.policy.timeoutMs),
        redirect: 'manual',
      });
    } catch (error) {
      throw new RetryableError(`${named(url, hop)} ${describeFetchFailure(error)}`);
    }
  }

  /** The document of a final answer: its bytes, or the error its status means. */
  private async read(url: string, finalUrl: string, response: Response): Promise<FetchedDocument> {
    if (response.status === 429 || response.status >= 500) {
      await response.body?.cancel();
      throw this.serverBusy(named(url, finalUrl), response);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new NotRetryableError(`${named(url, finalUrl)} HTTP ${response.status}`, response.status);
    }
    const bytes = await this.readBounded(url, response);
    const contentType = response.headers.get('content-type') ?? undefined;
    return contentType === undefined ? { bytes, url, finalUrl } : { bytes, url, finalUrl, contentType };
  }

  /**
   * The error for a 429 or 5xx: retryable after the wait its Retry-After asks for, unless that wait is
   * over the bound, which rejects the document rather than hold the run up.
   */
  private serverBusy(name: string, response: Response): Error {
    const header = response.headers.get('retry-after');
    const waitMs = header === null ? undefined : retryAfterMs(header);
    const maxWaitMs = this.policy.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS;
    if (waitMs !== undefined && waitMs > maxWaitMs)
      return new NotRetryableError(
        `${name} HTTP ${response.status} asks to wait ${Math.ceil(waitMs / 1000)} s before trying again (Retry-After: ${header}), longer than the ${maxWaitMs / 1000} s a fetch waits; not retried`,
        response.status,
      );
    return new RetryableError(`${name} HTTP ${response.status}`, waitMs === undefined ? undefined : waitMs / 1000);
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

  /** Rejects `url` when robots.txt refuses its hop `hop` (the URL itself, or where a redirect led). */
  private async checkRobots(url: string, hop: string): Promise<void> {
    if (!this.policy.respectRobots) return;
    const { origin } = new URL(hop);
    const answer = await this.robotsOf(origin);
    if ('unavailable' in answer)
      throw new NotRetryableError(
        `${named(url, hop)} not fetched: the robots.txt of ${origin} was unavailable (${answer.unavailable}), which disallows everything there (RFC 9309)`,
      );
    if (answer.rules?.isAllowed(hop, this.policy.userAgent) === false) throw new NotRetryableError(`${named(url, hop)} disallowed by robots.txt`);
  }

  /**
   * The robots.txt of an origin, asked once per run. An unavailable one is not kept: it disallows
   * while it is down, and the next document of its host asks again.
   */
  private robotsOf(origin: string): Promise<RobotsAnswer> {
    let answer = this.robots.get(origin);
    if (!answer) {
      answer = this.fetchRobots(`${origin}/robots.txt`);
      this.robots.set(origin, answer);
      void answer.then((a) => {
        if ('unavailable' in a) this.robots.delete(origin);
      });
    }
    return answer;
  }

  private async fetchRobots(robotsUrl: string): Promise<RobotsAnswer> {
    try {
      await this.waitForSlot(new URL(robotsUrl).host);
      const response = await fetch(robotsUrl, {
        headers: { 'user-agent': this.policy.userAgent },
        signal: AbortSignal.timeout(this.policy.timeoutMs),
      });
      if (response.ok) return { rules: robotsParser(robotsUrl, (await response.text()).slice(0, 500_000)) };
      await response.body?.cancel();
      if (response.status >= 400 && response.status < 500) return { rules: undefined };
      return { unavailable: `HTTP ${response.status}` };
    } catch (error) {
      return { unavailable: describeFetchFailure(error) };
    }
  }
}

/** How an error names a document: by the URL asked for, and the hop when a redirect led elsewhere. */
function named(url: string, hop: string): string {
  return hop === url ? `${url}:` : `${url}: redirected to ${hop},`;
}

/** Where a redirect answer sends the client (absolute), or undefined when the answer is not a redirect. */
function redirectTarget(response: Response, url: string, hop: string): string | undefined {
  const location = response.headers.get('location');
  if (!REDIRECT_STATUSES.has(response.status) || location === null) return undefined;
  try {
    return new URL(location, hop).href;
  } catch {
    throw new NotRetryableError(`${named(url, hop)} HTTP ${response.status} redirects to ${JSON.stringify(location)}, which is not a URL`);
  }
}

/** RFC 9110 §5.6.7: the preferred IMF-fixdate and the obsolete RFC 850 form, both in GMT. */
const HTTP_DATES_IN_GMT = [
  /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
  /^[A-Z][a-z]+, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT$/,
];
/** The obsolete asctime form, which names no zone and means GMT. */
const ASCTIME_DATE = /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/;

/**
 * The wait a Retry-After header asks for, in ms: delay-seconds, or an HTTP-date (RFC 9110 §10.2.3),
 * a date already past being no wait. Undefined for a value of neither form.
 */
export function retryAfterMs(header: string, now = Date.now()): number | undefined {
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = HTTP_DATES_IN_GMT.some((form) => form.test(value))
    ? Date.parse(value)
    : ASCTIME_DATE.test(value)
      ? Date.parse(`${value} GMT`)
      : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * What went wrong with a request: fetch() says only "fetch failed" and keeps the reason
 * (ECONNREFUSED, ENOTFOUND, a TLS error) in its cause, which can be an AggregateError of one per address.
 */
function describeFetchFailure(error: unknown): string {
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
