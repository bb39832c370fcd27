import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotRetryableError, RetryableError } from '../../ingest/pipeline/errors.js';
import { Fetcher, MAX_REDIRECTS, retryAfterMs, type FetchPolicy } from '../../ingest/pipeline/fetch.js';
import type { ServerResponse } from 'node:http';
import { startLocalServer, type LocalServer } from '../support/http-server.js';

const policy: FetchPolicy = {
  userAgent: 'graafwerk-test/1',
  ratePerSecond: 1000,
  timeoutMs: 2000,
  maxBytes: 1000,
  attempts: 3,
  backoffMs: 5,
  respectRobots: true,
};

let server: LocalServer;
/** Another host (another port: another origin), with robots.txt rules of its own. */
let other: LocalServer;
const flaky = new Map<string, number>();
/** A host whose robots.txt answers as the test sets: a status, or a hang-up. */
let robotsHost: LocalServer;
let robotsAnswer: number | 'hang-up' = 200;
const redirect = (res: ServerResponse, status: number, location: string) => void res.writeHead(status, { location }).end();

beforeAll(async () => {
  other = await startLocalServer((req, res) => {
    if (req.url === '/robots.txt') return void res.end('User-agent: *\nDisallow: /secret/\n');
    res.end('other host');
  });
  robotsHost = await startLocalServer((req, res) => {
    if (req.url !== '/robots.txt') return void res.end('document');
    if (robotsAnswer === 'hang-up') return void req.socket.destroy();
    res.writeHead(robotsAnswer).end(robotsAnswer === 200 ? 'User-agent: *\nDisallow: /private/\n' : '');
  });
  server = await startLocalServer((req, res) => {
    const path = req.url ?? '';
    if (path === '/robots.txt') return void res.end('User-agent: *\nDisallow: /private/\n');
    if (path === '/moved') return redirect(res, 301, '/landing');
    if (path === '/landing') return void res.end('landed');
    if (path === '/loop/a') return redirect(res, 302, '/loop/b');
    if (path === '/loop/b') return redirect(res, 307, `${server.url}/loop/a`);
    const hop = /^\/hop\/(\d+)$/.exec(path);
    if (hop && Number(hop[1]) < 10) return redirect(res, 302, `/hop/${Number(hop[1]) + 1}`);
    if (hop) return void res.end('the last hop');
    if (path === '/to-private') return redirect(res, 302, '/private/y');
    if (path === '/to-other-secret') return redirect(res, 303, `${other.url}/secret/x`);
    if (path === '/busy-until') return void res.writeHead(503, { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() }).end();
    if (path === '/busy-for-seconds') return void res.writeHead(429, { 'retry-after': '2' }).end();
    if (path.startsWith('/flaky/')) {
      const seen = (flaky.get(path) ?? 0) + 1;
      flaky.set(path, seen);
      if (seen < 3) return void res.writeHead(seen === 1 ? 503 : 429, { 'retry-after': '0' }).end();
      return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    }
    if (path === '/down') return void res.writeHead(500).end();
    if (path === '/big') return void res.writeHead(200).end('x'.repeat(5000));
    if (path === '/agent') return void res.end(req.headers['user-agent']);
    if (path.startsWith('/private/')) return void res.end('secret');
    res.writeHead(404).end();
  });
});
afterAll(() => Promise.all([server.close(), other.close(), robotsHost.close()]));

describe('Fetcher against a real local HTTP server', () => {
  it('retries 503 and 429 with back-off and then returns the document with its content type', async () => {
    const doc = await new Fetcher(policy).fetch(`${server.url}/flaky/a`);
    expect(doc.bytes.toString()).toBe('{"ok":true}');
    expect(doc.contentType).toBe('application/json');
    expect(flaky.get('/flaky/a')).toBe(3);
  });

  it('gives up after the last attempt with a retryable error', async () => {
    const fetcher = new Fetcher(policy);
    await expect(fetcher.fetch(`${server.url}/down`)).rejects.toBeInstanceOf(RetryableError);
    expect(server.requests.filter((p) => p === '/down')).toHaveLength(3);
  });

  it('does not retry a 404', async () => {
    await expect(new Fetcher(policy).fetch(`${server.url}/missing`)).rejects.toThrow(NotRetryableError);
    expect(server.requests.filter((p) => p === '/missing')).toHaveLength(1);
  });

  it('refuses a document over the size limit and names it', async () => {
    await expect(new Fetcher(policy).fetch(`${server.url}/big`)).rejects.toThrow(/\/big: .*limit of 1000/);
  });

  it('honours robots.txt and sends its user agent', async () => {
    const fetcher = new Fetcher(policy);
    await expect(fetcher.fetch(`${server.url}/private/x`)).rejects.toThrow(/robots\.txt/);
    expect(server.requests).not.toContain('/private/x');
    expect((await fetcher.fetch(`${server.url}/agent`)).bytes.toString()).toBe('graafwerk-test/1');
  });

  it('treats a refused connection as retryable', async () => {
    const fetcher = new Fetcher({ ...policy, respectRobots: false, attempts: 1 });
    await expect(fetcher.fetch('http://127.0.0.1:1/x')).rejects.toBeInstanceOf(RetryableError);
  });

  it('names why a connection failed, not only that fetch failed', async () => {
    const closed = await startLocalServer((_, res) => res.end());
    await closed.close();
    const fetcher = new Fetcher({ ...policy, respectRobots: false, attempts: 1 });
    await expect(fetcher.fetch(`${closed.url}/x`)).rejects.toThrow(`${closed.url}/x: fetch failed: connect ECONNREFUSED ${closed.url.slice('http://'.length)}`);
  });
});

describe('Retry-After', () => {
  it('is read as delay-seconds or as an HTTP-date in any of its three forms', () => {
    const now = Date.UTC(1994, 10, 6, 8, 48, 37);
    expect(retryAfterMs('120', now)).toBe(120_000);
    for (const date of ['Sun, 06 Nov 1994 08:49:37 GMT', 'Sunday, 06-Nov-94 08:49:37 GMT', 'Sun Nov  6 08:49:37 1994']) expect(retryAfterMs(date, now)).toBe(60_000);
    expect(retryAfterMs('Sun, 06 Nov 1994 08:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });

  it('given as an HTTP-date an hour away, rejects the document after one request, naming the URL and the wait', async () => {
    const url = `${server.url}/busy-until`;
    const error = await new Fetcher(policy).fetch(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotRetryableError);
    expect((error as Error).message).toMatch(new RegExp(`^${url}: HTTP 503 asks to wait 3[56]\\d\\d s before trying again \\(Retry-After: \\w{3}, .* GMT\\)`));
    expect(server.requests.filter((p) => p === '/busy-until')).toHaveLength(1);
  });

  it('over the bound is not cut to the bound and retried early: the document is rejected, naming the URL and the wait', async () => {
    const url = `${server.url}/busy-for-seconds`;
    const fetcher = new Fetcher({ ...policy, attempts: 2, maxRetryAfterMs: 1000 });
    const message = `${url}: HTTP 429 asks to wait 2 s before trying again (Retry-After: 2), longer than the 1 s a fetch waits; not retried`;
    await expect(fetcher.fetch(url)).rejects.toThrow(new NotRetryableError(message, 429));
    expect(server.requests.filter((p) => p === '/busy-for-seconds')).toHaveLength(1);
  });
});

describe('redirects', () => {
  it('are followed hop by hop, each hop a request of its own, and the final URL is reported', async () => {
    const fetcher = new Fetcher(policy);
    const doc = await fetcher.fetch(`${server.url}/moved`);
    expect(doc).toMatchObject({ url: `${server.url}/moved`, finalUrl: `${server.url}/landing` });
    expect(doc.bytes.toString()).toBe('landed');
    expect(fetcher.requests).toBe(2);
  });

  it(`are followed up to ${MAX_REDIRECTS} hops; one more rejects the document after one attempt, naming the chain`, async () => {
    const fetcher = new Fetcher(policy);
    expect((await fetcher.fetch(`${server.url}/hop/${10 - MAX_REDIRECTS}`)).finalUrl).toBe(`${server.url}/hop/10`);
    const start = `${server.url}/hop/0`;
    const chain = Array.from({ length: MAX_REDIRECTS + 2 }, (_, i) => `${server.url}/hop/${i}`).join(' → ');
    const before = server.requests.length;
    await expect(fetcher.fetch(start)).rejects.toThrow(new NotRetryableError(`${start}: more than ${MAX_REDIRECTS} redirects: ${chain}`));
    expect(server.requests.slice(before).filter((p) => p.startsWith('/hop/'))).toHaveLength(MAX_REDIRECTS + 1);
  });

  it('in a loop reject the document after one attempt, naming the loop', async () => {
    const start = `${server.url}/loop/a`;
    await expect(new Fetcher(policy).fetch(start)).rejects.toThrow(new NotRetryableError(`${start}: redirect loop: ${start} → ${server.url}/loop/b → ${start}`));
    expect(server.requests.filter((p) => p.startsWith('/loop/'))).toEqual(['/loop/a', '/loop/b']);
  });

  it('to a path robots.txt disallows, on the same host or another, are not followed', async () => {
    const fetcher = new Fetcher(policy);
    const sameHost = `${server.url}/to-private`;
    await expect(fetcher.fetch(sameHost)).rejects.toThrow(new NotRetryableError(`${sameHost}: redirected to ${server.url}/private/y, disallowed by robots.txt`));
    expect(server.requests).not.toContain('/private/y');
    const otherHost = `${server.url}/to-other-secret`;
    await expect(fetcher.fetch(otherHost)).rejects.toThrow(new NotRetryableError(`${otherHost}: redirected to ${other.url}/secret/x, disallowed by robots.txt`));
    expect(other.requests).toEqual(['/robots.txt']);
  });
});

describe('an unavailable robots.txt', () => {
  it('answering 5xx disallows the host with a rejection that says so, and is asked for again by the next document', async () => {
    const fetcher = new Fetcher(policy);
    const url = `${robotsHost.url}/doc`;
    robotsAnswer = 503;
    const message = `${url}: not fetched: the robots.txt of ${robotsHost.url} was unavailable (HTTP 503), which disallows everything there (RFC 9309)`;
    await expect(fetcher.fetch(url)).rejects.toThrow(new NotRetryableError(message));
    expect(robotsHost.requests).toEqual(['/robots.txt']);
    robotsAnswer = 200;
    expect((await fetcher.fetch(url)).bytes.toString()).toBe('document');
    expect(robotsHost.requests).toEqual(['/robots.txt', '/robots.txt', '/doc']);
  });

  it('that cannot be fetched at all disallows the host; one answering 4xx allows it', async () => {
    const url = `${robotsHost.url}/unreachable-robots`;
    robotsAnswer = 'hang-up';
    await expect(new Fetcher(policy).fetch(url)).rejects.toThrow(/robots\.txt of .* was unavailable \(fetch failed: .*\), which disallows everything there/);
    expect(robotsHost.requests).not.toContain('/unreachable-robots');
    robotsAnswer = 404;
    expect((await new Fetcher(policy).fetch(url)).bytes.toString()).toBe('document');
  });
});
