import { readRows, type Graph } from '../../src/neo4j/driver.js';
import type { Format } from './format.js';

/**
 * The raw documents the graph already holds, by content hash and the parser version that read
 * them, loaded once per run so an unchanged document is skipped without asking the database.
 */
export class IngestedSources {
  private constructor(private readonly seen: Set<string>) {}

  /** Loads the Source nodes of the graph (one short string each). */
  static async load(graph: Graph): Promise<IngestedSources> {
    const rows = await readRows<{ k: string }>(graph, "MATCH (s:Source) RETURN s.id + '|' + s.parser + '|' + s.parserVersion AS k");
    return new IngestedSources(new Set(rows.map((r) => r.k)));
  }

  has(sourceId: string, format: Format): boolean {
    return this.seen.has(`${sourceId}|${format.name}|${format.version}`);
  }

  /** Records documents once their write has committed. */
  add(sources: { id: string; parser: string; parserVersion: string }[]): void {
    for (const s of sources) this.seen.add(`${s.id}|${s.parser}|${s.parserVersion}`);
  }
}
