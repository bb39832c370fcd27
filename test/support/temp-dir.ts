import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

// Imported at the top of a test file, so the removal is registered for that file (files run isolated).
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new temporary folder, removed after the last test of the file that made it. */
export function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `graafwerk-${name}-`));
  made.push(dir);
  return dir;
}
