import type { OfficeNames, PartyNames } from '../../src/analysis/mention-forms.js';
import { sha256 } from '../../src/model/ids.js';
import type { Graph } from '../../src/neo4j/driver.js';
import { readIngestState, writeIngestState } from '../../src/neo4j/ingest-state.js';
import { loadPartiesAndOffices, loadPeople } from './load.js';
import type { KnownPerson } from './people.js';

/**
 * The persons, parties and offices texts can mention, by `Label:id`, each with a signature of what
 * finding its mentions depends on: its names and, for a person, the dates of its party
 * memberships (they decide a name several persons share), as a digest. A changed signature means
 * stored texts may mention the entity where they did not before.
 */
export type MentionTargets = ReadonlyMap<string, string>;

/** The labels of the entities that are mention targets (companies come from the registry, not from texts' ingest order). */
export const TARGET_LABELS: readonly string[] = ['Person', 'Party', 'Office'];

/** The key of a target: `Label:id`. */
export const targetKey = (label: string, id: string): string => `${label}:${id}`;

/** A short digest of a value's JSON, so a stored set of targets stays small. */
const signature = (value: unknown): string => sha256(JSON.stringify(value)).slice(0, 22);

/** A person's names and the dates of its memberships, in a stable order; the party does not decide a shared name. */
function personSignature({ memberships, ...names }: KnownPerson): string {
  const terms = memberships.map((m) => JSON.stringify([m.from ?? null, m.to ?? null, m.observedAt ?? null])).sort();
  return signature([names, terms]);
}

/** The targets of the entities the enricher loaded. */
export function mentionTargetsOf(
  people: readonly KnownPerson[],
  parties: readonly PartyNames[],
  offices: readonly OfficeNames[],
): Map<string, string> {
  return new Map([
    ...people.map((p): [string, string] => [targetKey('Person', p.id), personSignature(p)]),
    ...parties.map((f): [string, string] => [targetKey('Party', f.id), signature(f)]),
    ...offices.map((o): [string, string] => [targetKey('Office', o.id), signature(o)]),
  ]);
}

/** The targets as the graph holds them now, read with the enricher's own loaders. */
export async function loadMentionTargets(graph: Graph): Promise<Map<string, string>> {
  const [people, { parties, offices }] = await Promise.all([loadPeople(graph), loadPartiesAndOffices(graph)]);
  return mentionTargetsOf(people, parties, offices);
}

/** The keys of `after` that are new since `before` or whose signature changed. */
export function changedTargets(before: MentionTargets, after: MentionTargets): Set<string> {
  return new Set([...after].filter(([key, signature]) => before.get(key) !== signature).map(([key]) => key));
}

const STATE_ID = 'mention-targets';

/**
 * The targets the stored texts were last brought in line with (saveMentionTargets), or undefined
 * before the first such pass. Kept in the graph, beside what it describes: a run cut short after
 * writing new persons and before its pass over the stored texts leaves them changed for the next run.
 */
export async function storedMentionTargets(graph: Graph): Promise<MentionTargets | undefined> {
  const targets = await readIngestState<string>(graph, STATE_ID, 'targets');
  return targets === undefined ? undefined : new Map(Object.entries(JSON.parse(targets) as Record<string, string>));
}

/** Records the targets the stored texts are now in line with. */
export async function saveMentionTargets(graph: Graph, targets: MentionTargets): Promise<void> {
  await writeIngestState(graph, STATE_ID, 'targets', JSON.stringify(Object.fromEntries(targets)));
}
