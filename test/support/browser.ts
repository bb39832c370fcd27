import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export { ensureWebBuilt } from '../../ingest/cli/web-build.js';
const CHROMIUM = '/usr/bin/chromium';

/** Launches Debian's Chromium headless (CI installs it with `apt-get install -y chromium`). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with \`apt-get update && apt-get install -y chromium\``);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}
