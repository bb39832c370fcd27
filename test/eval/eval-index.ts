import { readFileSync } from 'node:fs';
import { companyForms, partyForms, personForms } from '../../src/analysis/mention-forms.js';
import { createMentionIndex, type MentionIndex } from '../../src/analysis/mentions.js';
import { ministryShieldForms } from '../../src/analysis/ministries.js';
import type { PersonRecord } from '../../src/analysis/person-names.js';
import { loadCompanyRegistry } from '../../ingest/companies/load.js';
import { toCompanyNames } from '../../ingest/companies/to-fragment.js';

interface PersoonRow {
  Id: string;
  Initialen: string | null;
  Tussenvoegsel: string | null;
  Achternaam: string;
  Voornamen: string | null;
  Roepnaam: string | null;
}

const json = (name: string) => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8'));

/** The persons of the Persoon fixture, as the resolver sees them. */
function evalPersons(): PersonRecord[] {
  return (json('./persons.json').value as PersoonRow[]).map((r) => ({
    id: r.Id,
    surname: r.Achternaam,
    ...(r.Initialen ? { initials: r.Initialen } : {}),
    ...(r.Tussenvoegsel ? { prefix: r.Tussenvoegsel } : {}),
    ...(r.Roepnaam ? { firstName: r.Roepnaam } : {}),
    ...(r.Voornamen ? { givenNames: r.Voornamen } : {}),
  }));
}

/** The mention index of the evaluation: the bundled company registry, the Persoon fixture and the party fixture. */
export async function createEvalIndex(): Promise<MentionIndex> {
  const registry = await loadCompanyRegistry([]);
  const parties = json('./parties.json').value as { id: string; abbreviation: string; name: string }[];
  return createMentionIndex([
    ...registry.companies.flatMap((c) => companyForms(toCompanyNames(c))),
    ...evalPersons().flatMap(personForms),
    ...parties.flatMap(partyForms),
    ...ministryShieldForms(),
  ]);
}
