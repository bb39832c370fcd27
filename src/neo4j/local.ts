import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';

/** The project's own Neo4j: a Java launcher built with Maven, run in the background on 127.0.0.1. */

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LAUNCHER = join(PROJECT_ROOT, 'neo4j-local');
const CLASSPATH = ['target/classes', 'target/lib/*'].map((p) => join(LAUNCHER, p)).join(':');
const JVM_FLAGS = [
  '-Xms256m',
  '-Xmx1g',
  '-XX:+UseG1GC',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.nio.maxCachedBufferSize=1024',
];
const READY_TIMEOUT_MS = 180_000;

class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

export interface LocalStatus {
  running: boolean;
  pid?: number;
  uri: string;
  home: string;
}

const homeOf = (config: Config): string => resolve(PROJECT_ROOT, config.localHome);
const pidFile = (config: Config): string => join(homeOf(config), 'neo4j.pid');
const logFile = (config: Config): string => join(homeOf(config), 'neo4j.log');

/** The Bolt URI to use: NEO4J_URI when set, else the local Neo4j. */
export function boltUri(config: Config): string {
  return config.neo4jUri || `bolt://127.0.0.1:${config.localBoltPort}`;
}

function requireTool(cmd: string, args: string[], hint: string): void {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  if (r.error || r.status !== 0) throw new LocalNeo4jError(`${cmd} was not found or does not run: ${hint}`);
}

/** Builds the launcher with Maven unless its jars are newer than its sources. */
function buildLauncher(log: (msg: string) => void = () => {}): void {
  const marker = join(LAUNCHER, 'target/lib/.complete');
  const sources = [join(LAUNCHER, 'pom.xml'), join(LAUNCHER, 'src/main/java/nl/graafwerk/neo4j/LocalNeo4j.java')];
  const newest = Math.max(...sources.map((f) => statSync(f).mtimeMs));
  if (existsSync(marker) && statSync(marker).mtimeMs >= newest) return;
  requireTool('java', ['-version'], 'install a JDK 17 (e.g. apt-get install openjdk-17-jdk-headless)');
  requireTool('mvn', ['-v'], 'install Maven (e.g. apt-get install maven)');
  log('building the local Neo4j launcher with Maven (first run downloads ~120 MB of jars)');
  const r = spawnSync('mvn', ['-B', '-q', '-Dstyle.color=never', '--no-transfer-progress', '-f', join(LAUNCHER, 'pom.xml'), 'package', '-DskipTests'], { stdio: 'inherit' });
  if (r.status !== 0) throw new LocalNeo4jError(`building the Neo4j launcher failed (mvn exit ${r.status})`);
  writeFileSync(marker, new Date().toISOString());
}

function readPid(config: Config): number | undefined {
  try {
    const pid = Number(readFileSync(pidFile(config), 'utf8').trim());
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
    socket.once('timeout', () => (socket.destroy(), done(false)));
  });
}

/** Whether the local Neo4j runs, and where. */
export async function localStatus(config: Config): Promise<LocalStatus> {
  const pid = readPid(config);
  const running = pid !== undefined && (await portAnswers(config.localBoltPort));
  return { running, ...(pid === undefined ? {} : { pid }), uri: boltUri({ ...config, neo4jUri: '' }), home: homeOf(config) };
}

/** Starts the local Neo4j in the background and waits until Bolt answers; returns false when it already ran. */
export async function startLocal(config: Config, log: (msg: string) => void = () => {}): Promise<boolean> {
  if ((await localStatus(config)).running) return false;
  if (await portAnswers(config.localBoltPort))
    throw new LocalNeo4jError(`port ${config.localBoltPort} is taken by another process; set GRAAFWERK_BOLT_PORT`);
  buildLauncher(log);
  const home = homeOf(config);
  mkdirSync(home, { recursive: true });
  const out = openSync(logFile(config), 'w');
  const child = spawn(
    'java',
    [...JVM_FLAGS, `-Dneo4j.home=${join(home, 'store')}`, `-Dneo4j.bolt=${config.localBoltPort}`, '-cp', CLASSPATH, 'nl.graafwerk.neo4j.LocalNeo4j'],
    { detached: true, stdio: ['ignore', out, out], env: { ...process.env, NEO4J_PASSWORD: config.neo4jPassword } },
  );
  closeSync(out);
  child.unref();
  writeFileSync(pidFile(config), String(child.pid));
  log(`starting the local Neo4j (pid ${child.pid}, log ${logFile(config)})`);
  const started = Date.now();
  for (;;) {
    const text = readFileSync(logFile(config), 'utf8');
    if (text.includes('NEO4J_READY')) return true;
    if (readPid(config) === undefined || text.includes('NEO4J_FAILED'))
      throw new LocalNeo4jError(`the local Neo4j stopped while starting; its log ${logFile(config)} ends:\n${text.slice(-2000)}`);
    if (Date.now() - started > READY_TIMEOUT_MS) throw new LocalNeo4jError(`the local Neo4j did not answer within ${READY_TIMEOUT_MS / 1000} s; see ${logFile(config)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Stops the local Neo4j cleanly (SIGTERM, then waits); returns false when it was not running. */
export async function stopLocal(config: Config): Promise<boolean> {
  const pid = readPid(config);
  if (pid === undefined) return false;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 240 && readPid(config) !== undefined; i++) await new Promise((r) => setTimeout(r, 250));
  if (readPid(config) !== undefined) process.kill(pid, 'SIGKILL');
  rmSync(pidFile(config), { force: true });
  return true;
}
