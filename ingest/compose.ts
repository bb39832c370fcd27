import type { Config } from '../src/config.js';
import { deriveMotionStatus } from '../src/neo4j/derive-motion-status.js';
import type { Graph } from '../src/neo4j/driver.js';
import { loadCompanyRegistry } from './companies/load.js';
import { registryToFragment } from './companies/to-fragment.js';
import { koopDocumentUrls } from './officielebekendmakingen/urls.js';
import { writeDerivedFragment } from './pipeline/derived-fragment.js';
import { ingestInputs, type IngestOptions } from './pipeline/run.js';
import { countByClass, type IngestSummary } from './pipeline/summary.js';
import { createLogger } from '../src/log.js';
import { createEnricher } from './resolve/enrich.js';
import { updateStoredMentions } from './resolve/mention-stored.js';
import { loadMentionTargets, saveMentionTargets, storedMentionTargets, type MentionTargets } from './resolve/mention-targets.js';
import { addStoredMemberships } from './resolve/membership-stored.js';
import { resolveStoredNames } from './resolve/resolve-stored.js';
import { applyAcceptedIdentities } from '../src/review/candidates.js';

/**
 * The ingest as the command line and `graafwerk start` run it: the company registry first, then the
 * pipeline wired to the enrichment step and the publication URLs, then the steps that depend on
 * the whole graph: names written before their persons were known, party memberships stated before
 * their parties were known, mentions of the persons, parties and offices the run added (or gave
 * other names or membership dates) in texts stored before them, and of those sharing a name with
 * them, motion status from decisions. A run interrupted through `extra.signal` skips those steps,
 * which the next run does (see mentionBaseline).
 */
export async function runIngest(graph: Graph, config: Config, args: string[], extra: Partial<IngestOptions> = {}): Promise<IngestSummary> {
  await writeCompanyRegistry(graph, config);
  const targets = await mentionBaseline(graph);
  const summary = await ingestInputs(args, {
    graph,
    config,
    enricher: () => createEnricher(graph, config),
    publicationUrls: (id) => koopDocumentUrls(id, config.koopBaseUrl).map((u) => u.url),
    ...extra,
  });
  // The steps below are left to the next run (see mentionBaseline).
  if (summary.interrupted) {
    logFinished(config, summary, {});
    return summary;
  }
  const namesResolved = await resolveStoredNames(graph, config);
  const membershipsAdded = await addStoredMemberships(graph, config);
  const mentions = await updateStoredMentions(graph, config, targets);
  // After everything that writes edges, so what this run wrote to a merged stand-in moves on.
  await applyAcceptedIdentities(graph, config.stateDir);
  await deriveMotionStatus(graph);
  logFinished(config, summary, { namesResolved, membershipsAdded, mentions });
  return summary;
}

/**
 * The mention targets the stored texts were last brought in line with (see updateStoredMentions).
 * Before the first such pass, the graph as this run finds it, recorded at once: a run stopped before
 * its pass (Ctrl-C, or a crash) leaves its newcomers changed for the next run. The other steps after
 * the pipeline need no record: the next run does each over the whole graph, this run's writes
 * included (resolveStoredNames every name-only person not yet merged, addStoredMemberships every
 * party-bearing edge without its membership, applyAcceptedIdentities every accepted review,
 * deriveMotionStatus every motion); so an interrupted run skips them all.
 */
async function mentionBaseline(graph: Graph): Promise<MentionTargets> {
  const stored = await storedMentionTargets(graph);
  if (stored) return stored;
  const now = await loadMentionTargets(graph);
  await saveMentionTargets(graph, now);
  return now;
}

/**
 * Logs the end of a run. The callers print the summary (for people, or as JSON); these structured
 * lines are for a debug log only, so a terminal does not show every rejection twice.
 */
function logFinished(config: Config, summary: IngestSummary, passes: Record<string, unknown>): void {
  const log = createLogger(config.logLevel);
  for (const r of summary.rejectedDocuments) log.debug(r, 'document rejected');
  const { rejectedDocuments, rejectedRows, ...counts } = summary;
  log.debug({ ...counts, ...passes, rejected: { documents: countByClass(rejectedDocuments), rows: countByClass(rejectedRows) } }, 'ingest finished');
}

/** Writes the company registry (bundled and user files) as Company nodes, once per version of it, so every listed company can be looked up. */
export async function writeCompanyRegistry(graph: Graph, config: Config): Promise<void> {
  const body = registryToFragment(await loadCompanyRegistry(config.companiesFiles));
  await writeDerivedFragment(graph, config, { url: 'graafwerk:company-registry', parser: 'company-registry' }, body);
}
