import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotRetryableError, RetryableError } from '../../ingest/pipeline/errors.js';
import { Fetcher, type FetchPolicy } from '../../ingest/pipeline/fetch.js';
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
const flaky = new Map<string, number>();

beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    const path = req.url ?? '';
    if (path === '/robots.txt') return void res.end('User-agent: *\nDisallow: /private/\n');
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
afterAll(() => server.close());

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
