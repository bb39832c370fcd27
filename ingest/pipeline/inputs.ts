import { readdir, realpath, stat } from 'node:fs/promises';
import { pathExists } from './path-exists.js';
import { extname, join } from 'node:path';

/** One thing to ingest, as named on the command line. */
export type Input =
  | { kind: 'file'; path: string }
  | { kind: 'feed'; url: string }
  | { kind: 'publication'; id: string };

/** A named path that cannot be read (missing, no permission, a broken link) or a named folder without documents, with the reason. */
export interface UnreadableInput {
  path: string;
  reason: string;
}

/** Files a directory walk considers: data documents (also gzipped), not schemas or notes. */
const DOCUMENT_EXTENSIONS = new Set(['.json', '.xml', '.html', '.htm', '.atom']);
/** What a folder walk takes, in words: ".json, .xml, .html, .htm, .atom files, also gzipped". */
export const DOCUMENT_FILES = `${[...DOCUMENT_EXTENSIONS].join(', ')} files, also gzipped`;
const NO_DOCUMENTS = `no documents in it (a folder is walked for ${DOCUMENT_FILES})`;
/** Official publication ids: kv-tk-2022Z04510, ah-tk-20212022-3019, kst-30821-84, … */
const PUBLICATION_ID = /^(kv|ah|kst|h|blg)-[a-z0-9-]+$/i;

/**
 * Expands command-line inputs: directories into their documents (sorted, symbolic links followed),
 * URLs into feeds, ids into publications. A path that cannot be read, or a named folder in which no
 * document is found, is returned as unreadable, so the run reports it by name and goes on with the rest.
 */
export async function expandInputs(args: string[]): Promise<{ inputs: Input[]; ignored: string[]; unreadable: UnreadableInput[] }> {
  const found: Found = { inputs: [], ignored: [], unreadable: [] };
  for (const arg of args) {
    if (/^https?:\/\//i.test(arg)) found.inputs.push({ kind: 'feed', url: arg });
    else if (PUBLICATION_ID.test(arg) && !(await pathExists(arg))) found.inputs.push({ kind: 'publication', id: arg });
    else await addPath(arg, true, new Set(), found);
  }
  return found;
}

interface Found {
  inputs: Input[];
  ignored: string[];
  unreadable: UnreadableInput[];
}

/** Adds a file, or the documents under a folder; a file named on the command line is taken whatever its extension. */
async function addPath(path: string, named: boolean, foldersOnTheWay: Set<string>, found: Found): Promise<void> {
  let entries: string[];
  let real: string;
  try {
    // stat follows symbolic links, so a linked file or folder counts as what it points at.
    const info = await stat(path);
    if (!info.isDirectory()) {
      // Inside a folder only regular files count: a pipe or device there would block or never end.
      if (named || (info.isFile() && isDocumentName(path))) found.inputs.push({ kind: 'file', path });
      else found.ignored.push(path);
      return;
    }
    real = await realpath(path);
    entries = (await readdir(path)).filter((name) => !name.startsWith('.')).sort((a, b) => a.localeCompare(b));
  } catch (error) {
    found.unreadable.push({ path, reason: unreadableReason(error) });
    return;
  }
  // A link back to a folder above would otherwise be walked for ever.
  if (foldersOnTheWay.has(real)) {
    found.ignored.push(path);
    return;
  }
  const inside = new Set(foldersOnTheWay).add(real);
  const before = { inputs: found.inputs.length, unreadable: found.unreadable.length };
  for (const name of entries) await addPath(join(path, name), false, inside, found);
  if (named && found.inputs.length === before.inputs && found.unreadable.length === before.unreadable) found.unreadable.push({ path, reason: NO_DOCUMENTS });
}

const isDocumentName = (path: string) => DOCUMENT_EXTENSIONS.has(extname(path.replace(/\.gz$/i, '')).toLowerCase());

function unreadableReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder (or a link to nothing)';
  if (code === 'EACCES' || code === 'EPERM') return 'not allowed to read it';
  if (code === 'ELOOP') return 'symbolic links in a loop';
  return error instanceof Error ? error.message : String(error);
}
