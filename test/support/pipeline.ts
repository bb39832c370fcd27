import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';
import { sha256 } from '../../src/model/ids.js';
import { fixtureBytes } from '../fixtures/tk/fixtures.js';
import { startLocalServer, type LocalServer } from './http-server.js';

/** A raw store and a state folder of their own, and the config that points at them. */
export interface PipelineDirs {
  raw: string;
  state: string;
  config: Config;
  /** The environment a spawned `graafwerk` needs to use the same folders. */
  env: Record<string, string>;
  remove(): Promise<void>;
}

/** Creates temporary raw-store and state folders and a config for them (fetching without a rate limit to wait for). */
export async function createPipelineDirs(): Promise<PipelineDirs> {
  const root = await mkdtemp(join(tmpdir(), 'graafwerk-pipeline-'));
  const env = { GRAAFWERK_RAW_STORE: join(root, 'raw'), GRAAFWERK_STATE: join(root, 'state'), GRAAFWERK_FETCH_RATE: '1000' };
  return {
    raw: env.GRAAFWERK_RAW_STORE,
    state: env.GRAAFWERK_STATE,
    config: loadConfig({ ...process.env, ...env }),
    env,
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** The feed checkpoints saved in a state folder (empty when none was saved). */
export async function readCheckpoints(state: string): Promise<Record<string, string>> {
  try {
    return JSON.parse(await readFile(join(state, 'checkpoints.json'), 'utf8')) as Record<string, string>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

/** Whether the raw store holds exactly these bytes under their sha256. */
export async function inRawStore(raw: string, bytes: Buffer): Promise<boolean> {
  const id = sha256(bytes);
  try {
    return (await readFile(join(raw, id.slice(0, 2), id))).equals(bytes);
  } catch {
    return false;
  }
}

/** What a page route answers: a body (status 200), or a status and body. */
export type PageAnswer = string | Buffer | { status: number; body?: string };

/** A local HTTP server of feed pages by path (with query); what it answers can change between runs. */
export interface PageServer extends LocalServer {
  pages: Map<string, PageAnswer | (() => PageAnswer)>;
  /** Requests for pages, robots.txt left out. */
  pageRequests(): string[];
}

/** Starts a real HTTP server that answers the paths in `pages` and 404 for anything else. */
export async function startPageServer(): Promise<PageServer> {
  const pages = new Map<string, PageAnswer | (() => PageAnswer)>();
  const server = await startLocalServer((req, res) => {
    const found = pages.get(req.url ?? '');
    const answer = typeof found === 'function' ? found() : found;
    if (answer === undefined) return void res.writeHead(404).end();
    const { status, body } = typeof answer === 'string' || Buffer.isBuffer(answer) ? { status: 200, body: answer } : answer;
    res.writeHead(status, { 'content-type': 'application/octet-stream' }).end(body ?? '');
  });
  return { ...server, pages, pageRequests: () => server.requests.filter((p) => p !== '/robots.txt') };
}

/** A real OData page of the fixtures, with an `@odata.nextLink` put in front when `next` is given. */
export function odataPage(name: string, next?: string): Buffer {
  const bytes = fixtureBytes(name);
  if (!next) return bytes;
  const text = bytes.toString('utf8');
  const open = text.indexOf('{') + 1;
  return Buffer.from(`${text.slice(0, open)}"@odata.nextLink":${JSON.stringify(next)},${text.slice(open)}`);
}

/** A SyncFeed page of the fixtures with its `next` link pointing at `next`, or without one. */
export function syncFeedPage(name: string, next?: string): Buffer {
  const text = fixtureBytes(name).toString('utf8');
  const link = /\s*<link rel="next" href="[^"]*"\/>/;
  return Buffer.from(text.replace(link, next ? `\n  <link rel="next" href="${next.replaceAll('&', '&amp;')}"/>` : ''));
}


/** What a run of the command line gave. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/graafwerk.js <args>` with extra environment (asynchronously, so a local server in this process can answer it). */
export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return startCli(args, env).result;
}

/** A running `node bin/graafwerk.js <args>`, its output as far as it has come, and what it gave once it ends. */
export interface RunningCli {
  child: ChildProcess;
  /** Resolves once stderr contains `text`. */
  stderrContains(text: string): Promise<void>;
  result: Promise<CliResult>;
}

export function startCli(args: string[], env: Record<string, string>): RunningCli {
  const child = spawn(process.execPath, ['bin/graafwerk.js', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const result = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  const stderrContains = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!stderr.includes(text)) return;
        child.stderr!.off('data', check);
        resolve();
      };
      child.stderr!.on('data', check);
      void result.then(() => (stderr.includes(text) ? resolve() : reject(new Error(`the command ended without printing ${JSON.stringify(text)}:\n${stderr}`))));
      check();
    });
  return { child, stderrContains, result };
}
