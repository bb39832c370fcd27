import type { Config } from '../../src/config.js';
import { companyForms, officeForms, partyForms, personForms, type OfficeNames, type PartyNames } from '../../src/analysis/mention-forms.js';
import { createMentionIndex, type MentionIndex } from '../../src/analysis/mentions.js';
import { ministryShieldForms } from '../../src/analysis/ministries.js';
import type { Enricher } from '../pipeline/document-step.js';
import type { Graph } from '../../src/neo4j/driver.js';
import { loadCompanyRegistry } from '../companies/load.js';
import type { CompanyRegistry } from '../companies/schema.js';
import { toCompanyNames } from '../companies/to-fragment.js';
import { loadPartiesAndOffices, loadPeople } from './load.js';
import { documentDate, mentionEdges } from './mention-edges.js';
import type { KnownPerson } from './people.js';
import { addObservedMemberships } from './party-memberships.js';
import { resolveNamedPersons } from './resolve-fragment.js';
import { loadReviews, type ReviewDecision } from '../../src/review/decisions.js';

/** Everything the enricher knows, loaded once. */
export interface EnricherData {
  people: KnownPerson[];
  parties: PartyNames[];
  offices: OfficeNames[];
  registry: CompanyRegistry;
  reviews: ReviewDecision[];
}

/** The mention index of every known company, person, party and office, with the ministry names as shields. */
export function createMentionIndexFrom(data: EnricherData): MentionIndex {
  return createMentionIndex([
    ...data.registry.companies.flatMap((c) => companyForms(toCompanyNames(c))),
    ...data.people.flatMap(personForms),
    ...data.parties.flatMap(partyForms),
    ...data.offices.flatMap(officeForms),
    ...ministryShieldForms(),
  ]);
}

/** Builds an enricher from loaded data: resolves name-only persons, then adds MENTIONS edges (pure). */
function createEnricherFrom(data: EnricherData): Enricher {
  const index = createMentionIndexFrom(data);
  const people = new Map(data.people.map((p) => [p.id, p]));
  // Mentioned companies are not copied into the document: the registry is written before any
  // ingest (runIngest), with its own source, so a mention does not claim to back its facts.
  return (body) => {
    const date = documentDate(body);
    const resolved = addObservedMemberships(resolveNamedPersons(body, data.people, data.reviews, date), data.parties, date);
    const mentions = mentionEdges(resolved.nodes, index, people, date);
    return mentions.length === 0 ? resolved : { ...resolved, edges: [...resolved.edges, ...mentions] };
  };
}

/** Loads persons, parties, offices, the company registry and the review decisions. */
export async function loadEnricherData(graph: Graph, config: Config): Promise<EnricherData> {
  const [people, { parties, offices }, registry, reviews] = await Promise.all([
    loadPeople(graph),
    loadPartiesAndOffices(graph),
    loadCompanyRegistry(config.companiesFiles),
    loadReviews(config.stateDir),
  ]);
  return { people, parties, offices, registry, reviews };
}

/** Loads what the enricher needs from the graph and the configured files, and returns the enricher. */
export async function createEnricher(graph: Graph, config: Config): Promise<Enricher> {
  return createEnricherFrom(await loadEnricherData(graph, config));
}
