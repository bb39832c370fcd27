import { readdir, stat } from 'node:fs/promises';
import { pathExists } from './path-exists.js';
import { extname, join } from 'node:path';

/** One thing to ingest, as named on the command line. */
export type Input =
  | { kind: 'file'; path: string }
  | { kind: 'feed'; url: string }
  | { kind: 'publication'; id: string };

/** Files a directory walk considers: data documents (also gzipped), not schemas or notes. */
const DOCUMENT_EXTENSIONS = new Set(['.json', '.xml', '.html', '.htm', '.atom']);
/** Official publication ids: kv-tk-2022Z04510, ah-tk-20212022-3019, kst-30821-84, … */
const PUBLICATION_ID = /^(kv|ah|kst|h|blg)-[a-z0-9-]+$/i;

/** Expands command-line inputs: directories into their documents (sorted), URLs into feeds, ids into publications. */
export async function expandInputs(args: string[]): Promise<{ inputs: Input[]; ignored: string[] }> {
  const inputs: Input[] = [];
  const ignored: string[] = [];
  for (const arg of args) {
    if (/^https?:\/\//i.test(arg)) inputs.push({ kind: 'feed', url: arg });
    else if (PUBLICATION_ID.test(arg) && !(await pathExists(arg))) inputs.push({ kind: 'publication', id: arg });
    else if ((await stat(arg)).isDirectory()) {
      for (const path of await walk(arg)) {
        if (DOCUMENT_EXTENSIONS.has(extname(path.replace(/\.gz$/i, '')).toLowerCase())) inputs.push({ kind: 'file', path });
        else ignored.push(path);
      }
    } else inputs.push({ kind: 'file', path: arg });
  }
  return { inputs, ignored };
}

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(path)));
    else if (e.isFile()) out.push(path);
  }
  return out;
}
