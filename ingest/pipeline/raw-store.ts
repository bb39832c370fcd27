import { mkdir, rename, writeFile } from 'node:fs/promises';
import { pathExists } from './path-exists.js';
import { join } from 'node:path';
import { sha256 } from '../../src/model/ids.js';

/**
 * The content-addressed raw store: every document is kept verbatim, under its sha256, before it
 * is parsed, so parsing can be re-run offline and nothing fetched is lost.
 */
export class RawStore {
  constructor(private readonly dir: string) {}

  /** Stores the bytes (once) and returns their id. */
  async put(bytes: Buffer): Promise<string> {
    const id = sha256(bytes);
    const path = this.pathOf(id);
    if (await pathExists(path)) return id;
    await mkdir(join(this.dir, id.slice(0, 2)), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, path);
    return id;
  }

  /** Where the document with this id is kept. */
  pathOf(id: string): string {
    return join(this.dir, id.slice(0, 2), id);
  }
}
