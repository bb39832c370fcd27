import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/neo4j/local.js';

const WEB = join(PROJECT_ROOT, 'web');

/** Builds the explorer bundle into web/dist with the project's Vite. */
function buildWeb(): void {
  execFileSync(join(PROJECT_ROOT, 'node_modules/.bin/vite'), ['build', '--config', join(WEB, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
}

/** Builds the bundle when web/dist is missing or older than a source file, so nobody is served a stale page. */
export function ensureWebBuilt(): void {
  const index = join(WEB, 'dist/index.html');
  if (!existsSync(index) || newestSource() > statSync(index).mtimeMs) buildWeb();
}

function newestSource(): number {
  const files = [join(WEB, 'index.html'), join(WEB, 'vite.config.ts'), ...readdirSync(join(WEB, 'src')).map((f) => join(WEB, 'src', f))];
  return Math.max(...files.map((f) => statSync(f).mtimeMs));
}
