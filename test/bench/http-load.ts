/** What the HTTP benchmarks share: servers in child processes, load runs with autocannon, and their figures. */
import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';

export interface Stats {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Percentiles (ms) and requests per second of one target's load runs over `seconds` in all. */
export function stats(latencies: number[], seconds: number, errors: number): Stats {
  const s = [...latencies].sort((a, b) => a - b);
  return { p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), rps: latencies.length / seconds, errors };
}

/** One load run over HTTP; latencies (ms) of the 200 answers, and the count of the others and of 200s that carry GraphQL errors. */
export async function loadHttp(url: string, body: string, connections: number, seconds: number): Promise<{ latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const request = {
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body,
    onResponse: (status: number, text: string) => {
      if (status === 200 && text.includes('"errors"')) errors++;
    },
  };
  const instance = autocannon({ url, requests: [request], connections, duration: seconds });
  (instance as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, status: number, _bytes: number, time: number) => {
    if (status === 200) latencies.push(time);
    else errors++;
  });
  const result = await instance;
  return { latencies, errors: errors + result.errors };
}

/** Starts a child process and resolves with the first URL it prints (on stdout or stderr). */
export function startChild(command: string, args: string[], env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    const look = (chunk: Buffer) => {
      seen += chunk.toString();
      const url = /(http:\/\/[\d.:a-z]+?)(?:\/graphql|\s|")/.exec(seen)?.[1];
      if (url) resolve({ url, child });
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', look);
    child.once('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited (${code}) before it served: ${seen.slice(-500)}`)));
  });
}
