import { INGEST_STATE_LABEL } from '../model/kinds.js';
import { readRows, writeGraph, type Graph } from './driver.js';

/** What an IngestState node `id` holds under `property` (see INGEST_STATE_LABEL), or undefined when it holds nothing there. */
export async function readIngestState<T>(graph: Graph, id: string, property: string): Promise<T | undefined> {
  const [row] = await readRows<{ value: T | null }>(graph, `MATCH (s:${INGEST_STATE_LABEL} {id: $id}) RETURN s[$property] AS value`, { id, property });
  return row?.value ?? undefined;
}

/** Sets `property` of the IngestState node `id`, made when missing. */
export async function writeIngestState(graph: Graph, id: string, property: string, value: string | string[]): Promise<void> {
  await writeGraph(graph, (tx) => tx.run(`MERGE (s:${INGEST_STATE_LABEL} {id: $id}) SET s[$property] = $value`, { id, property, value }));
}
