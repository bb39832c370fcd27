import { ref, type EdgeKindChoice, type FragmentBuilder } from '../../src/model/fragment.js';
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

/** What a deleted ZaakActor row may have been stored as. */
const ACTOR_EDGES = ['ASKED', 'SUBMITTED', 'ADDRESSED_TO'] as const;

/**
 * ZaakActor → ASKED (question) or SUBMITTED (motion) for Indiener/Medeindiener, ADDRESSED_TO an
 * Office for "Gericht aan", each stored for the row (its Id), which a deleted row removes. The kind
 * of the case is known when the actor is nested in it; a row of its own (a ZaakActor page) names
 * only its Zaak_Id, so its edge says which type it makes with a question and which with a motion, and
 * the GraphWriter writes it once it knows which the case is.
 */
export const mapZaakActor: EntityMapper = (ctx, rec, id, parent) => {
  const f = rec.fields;
  const v = version(f.GewijzigdOp);
  if (bool(f.Verwijderd)) {
    ctx.b.edgeTombstone([...ACTOR_EDGES], id, v);
    return walkChildren(ctx, rec, parent);
  }
  const relation = str(f.Relatie);
  const person = refOf(rec, 'Persoon');
  const party = refOf(rec, 'Fractie');
  const stated = { version: v, record: id };
  const nested = parent?.rec.entity === 'Zaak';
  const caseId = nested ? parent!.id : refOf(rec, 'Zaak');
  const label = nested ? parent!.node?.label : undefined;
  const functie = str(f.Functie);
  if (caseId && person && relation && SUBMITTERS.has(relation) && (!nested || label === 'Question' || label === 'Motion')) {
    const props = { role: relation, party: str(f.ActorFractie), actorName: str(f.ActorNaam) };
    const from = ref('Person', person);
    if (label === 'Question') ctx.b.edge('ASKED', from, ref('Question', caseId), props, '', stated);
    else if (label === 'Motion') ctx.b.edge('SUBMITTED', from, ref('Motion', caseId), props, '', stated);
    else ctx.b.edge('SUBMITTED', from, ref('Motion', caseId), props, '', { ...stated, kindOf: SUBMITTED_OR_ASKED });
  }
  if (caseId && relation === 'Gericht aan' && functie && (!nested || label === 'Question')) {
    const office = ctx.b.node('Office', officeId(functie), { title: functie });
    const props = { actorName: str(f.ActorNaam) };
    ctx.b.edge('ADDRESSED_TO', ref('Question', caseId), office, props, '', nested ? stated : { ...stated, kindOf: ADDRESSED_IF_QUESTION });
  }
  if (person && party) observeMembership(ctx.b, person, party, parent?.date ?? date(v), str(f.ActorFractie));
  walkChildren(ctx, rec, parent);
};

/** A submitter of a case known by id only: of a motion it submitted, of a written question it asked. */
const SUBMITTED_OR_ASKED: EdgeKindChoice = {
  end: 'to',
  choices: [
    { type: 'SUBMITTED', label: 'Motion' },
    { type: 'ASKED', label: 'Question' },
  ],
};
/** An addressee of a case known by id only: only a written question is addressed to an office. */
const ADDRESSED_IF_QUESTION: EdgeKindChoice = { end: 'from', choices: [{ type: 'ADDRESSED_TO', label: 'Question' }] };
