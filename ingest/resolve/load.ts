import type { OfficeNames, PartyNames } from '../../src/analysis/mention-forms.js';
import { DATE_FIELDS } from '../../src/model/kinds.js';
import { readRows, type Graph } from '../../src/neo4j/driver.js';
import type { KnownPerson, Membership } from './people.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** Cypher for the date of stored document node `x`: the first of its date fields that it has. */
export const storedDateCypher = (x: string): string => `coalesce(${DATE_FIELDS.map((f) => `${x}.${f}`).join(', ')})`;

interface PersonRow {
  id: string;
  p: Record<string, unknown>;
  memberships: { partyId: string | null; abbreviation: unknown; name: unknown; partyName: unknown; from: unknown; to: unknown; observedAt: unknown }[];
}

/** The Tweede Kamer persons (not the name-only stand-ins, nor nodes a review merged into another) with their party memberships. */
export async function loadPeople(graph: Graph): Promise<KnownPerson[]> {
  const rows = await readRows<PersonRow>(
    graph,
    `MATCH (p:Person) WHERE NOT p.id STARTS WITH 'name:' AND coalesce(p.deleted, false) = false AND coalesce(p.stub, false) = false AND p.mergedInto IS NULL
     OPTIONAL MATCH (p)-[m:MEMBER_OF]->(f:Party)
     RETURN p.id AS id, properties(p) AS p,
       collect({partyId: f.id, abbreviation: f.abbreviation, name: f.name, partyName: m.partyName, from: m.from, to: m.to, observedAt: m.observedAt}) AS memberships`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: str(r.p.name),
    initials: str(r.p.initials),
    firstName: str(r.p.firstName),
    givenNames: str(r.p.givenNames),
    prefix: str(r.p.prefix),
    surname: str(r.p.surname),
    memberships: r.memberships
      .filter((m) => m.partyId !== null)
      .map((m): Membership => {
        const out: Membership = { partyId: m.partyId!, partyNames: [m.abbreviation, m.name, m.partyName].map(str).filter((x): x is string => !!x) };
        if (str(m.from)) out.from = str(m.from)!;
        if (str(m.to)) out.to = str(m.to)!;
        if (str(m.observedAt)) out.observedAt = str(m.observedAt)!;
        return out;
      }),
  }));
}

/** Parties and offices with the names texts use for them. */
export async function loadPartiesAndOffices(graph: Graph): Promise<{ parties: PartyNames[]; offices: OfficeNames[] }> {
  const parties = await readRows<{ id: string; abbreviation: unknown; name: unknown }>(
    graph,
    `MATCH (f:Party) WHERE coalesce(f.deleted, false) = false AND f.mergedInto IS NULL RETURN f.id AS id, f.abbreviation AS abbreviation, f.name AS name`,
  );
  const offices = await readRows<{ id: string; title: unknown }>(graph, `MATCH (o:Office) WHERE o.title IS NOT NULL AND o.mergedInto IS NULL RETURN o.id AS id, o.title AS title`);
  return {
    parties: parties.map((p) => ({ id: p.id, ...(str(p.abbreviation) ? { abbreviation: str(p.abbreviation)! } : {}), ...(str(p.name) ? { name: str(p.name)! } : {}) })),
    offices: offices.filter((o) => str(o.title)).map((o) => ({ id: o.id, title: str(o.title)! })),
  };
}
