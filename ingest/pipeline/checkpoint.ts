import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Cursors of paged feeds (OData nextLink, SyncFeed skiptoken), by the URL the feed was started
 * from. A cursor is saved only after the write it covers has committed.
 */
export class Checkpoints {
  constructor(private readonly file: string) {}

  async get(feed: string): Promise<string | undefined> {
    return (await this.readAll())[feed];
  }

  async set(feed: string, cursor: string): Promise<void> {
    const all = await this.readAll();
    all[feed] = cursor;
    await mkdir(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(all, null, 2)}\n`);
    await rename(tmp, this.file);
  }

  private async readAll(): Promise<Record<string, string>> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as Record<string, string>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
  }
}
