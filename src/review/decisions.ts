import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { sha256 } from '../model/ids.js';

const endpoint = z.object({ label: z.string(), id: z.string() });

const decisionSchema = z.object({
  id: z.string(),
  from: endpoint,
  to: endpoint,
  decision: z.enum(['accepted', 'rejected']),
  decidedAt: z.string(),
});

/** A reviewed identity: the two nodes of a SAME_AS candidate and the reviewer's decision. */
export type ReviewDecision = z.infer<typeof decisionSchema>;

const fileSchema = z.object({ decisions: z.array(decisionSchema) });

/** The short, stable id of a SAME_AS candidate between two nodes, as the review command shows it. */
export function candidateId(from: { label: string; id: string }, to: { label: string; id: string }): string {
  return sha256(`${from.label}\u0000${from.id}\u0000${to.label}\u0000${to.id}`).slice(0, 10);
}

/** Where the review decisions are kept. */
const reviewsPath = (stateDir: string): string => join(stateDir, 'reviews.json');

/** Reads the stored decisions; none when the file does not exist yet. */
export async function loadReviews(stateDir: string): Promise<ReviewDecision[]> {
  let text: string;
  try {
    text = await readFile(reviewsPath(stateDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const parsed = fileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${reviewsPath(stateDir)}: not a review file: ${parsed.error.issues[0]?.message}`);
  return parsed.data.decisions;
}

/** Saves of this process, one after another: two decisions at once (the API takes them concurrently) must not drop one. */
let saving: Promise<unknown> = Promise.resolve();

/** Stores a decision (replacing an earlier one for the same pair), writing the file atomically. */
export function saveReview(stateDir: string, decision: ReviewDecision): Promise<void> {
  const save = async () => {
    const decisions = (await loadReviews(stateDir)).filter((d) => d.id !== decision.id);
    decisions.push(decision);
    await mkdir(stateDir, { recursive: true });
    const path = reviewsPath(stateDir);
    const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
    await writeFile(temporary, `${JSON.stringify({ decisions }, null, 2)}\n`);
    await rename(temporary, path);
  };
  const done = saving.then(save, save);
  saving = done.catch(() => undefined);
  return done;
}
