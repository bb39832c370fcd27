import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB = join(ROOT, 'web');
export const CHROMIUM = '/usr/bin/chromium';

/** Builds the web bundle into web/dist with the project's Vite. */
export function buildWeb(): void {
  execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--config', join(WEB, 'vite.config.ts'), '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
}

/** Builds the bundle when web/dist is missing or older than a source file, so a test never drives a stale page. */
export function ensureWebBuilt(): void {
  const index = join(WEB, 'dist/index.html');
  if (!existsSync(index) || newestSource() > statSync(index).mtimeMs) buildWeb();
}

function newestSource(): number {
  const files = [join(WEB, 'index.html'), join(WEB, 'vite.config.ts'), ...readdirSync(join(WEB, 'src')).map((f) => join(WEB, 'src', f))];
  return Math.max(...files.map((f) => statSync(f).mtimeMs));
}

/** Launches Debian's Chromium headless (CI installs it with `apt-get install -y chromium`). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with \`apt-get update && apt-get install -y chromium\``);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}
