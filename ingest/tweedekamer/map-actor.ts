import { ref, type FragmentBuilder } from '../../src/model/fragment.js';
import { officeId } from '../../src/model/ids.js';
import { bool, date, refOf, str, version } from './record.js';
import { walkChildren, type EntityMapper } from './map-context.js';

const SUBMITTERS = new Set(['Indiener', 'Medeindiener']);

/**
 * A party membership seen on a row that carries both a person and a party (ZaakActor,
 * Stemming): one MEMBER_OF edge per observation date.
 */
export function observeMembership(b: FragmentBuilder, person: string, party: string, observedAt: string | undefined, partyName?: string): void {
  if (!observedAt) return;
  b.edge('MEMBER_OF', ref('Person', person), ref('Party', party), { observedAt, partyName }, `observed:${observedAt}`);
}

/**
 * ZaakActor → ASKED (question) or SUBMITTED (motion) for Indiener/Medeindiener, ADDRESSED_TO an
 * Office for "Gericht aan". The label of the case is known only when the actor is nested in it.
 */
export const mapZaakActor: EntityMapper = (ctx, rec, _id, parent) => {
  const f = rec.fields;
  const relation = str(f.Relatie);
  const person = refOf(rec, 'Persoon');
  const party = refOf(rec, 'Fractie');
  const deleted = bool(f.Verwijderd) ?? false;
  const stated = { version: version(f.GewijzigdOp) };
  const owner = parent?.node && (parent.node.label === 'Question' || parent.node.label === 'Motion') ? parent.node : undefined;
  if (owner && person && relation && SUBMITTERS.has(relation)) {
    const props = { role: relation, party: str(f.ActorFractie), actorName: str(f.ActorNaam), deleted };
    ctx.b.edge(owner.label === 'Question' ? 'ASKED' : 'SUBMITTED', ref('Person', person), owner, props, '', stated);
  }
  const functie = str(f.Functie);
  if (owner?.label === 'Question' && relation === 'Gericht aan' && functie) {
    const office = ctx.b.node('Office', officeId(functie), { title: functie });
    ctx.b.edge('ADDRESSED_TO', owner, office, { actorName: str(f.ActorNaam), deleted }, '', stated);
  }
  if (person && party && !deleted) observeMembership(ctx.b, person, party, parent?.date ?? date(version(f.GewijzigdOp)), str(f.ActorFractie));
  walkChildren(ctx, rec, parent);
};
