import { stat } from 'node:fs/promises';

/** Whether a file or folder exists at the path. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
