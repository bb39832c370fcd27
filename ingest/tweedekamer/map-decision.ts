import { ref, type NodeRef } from '../../src/model/fragment.js';
import { decisionOutcome } from '../../src/analysis/motion-status.js';
import { bool, int, refOf, str, version, date } from './record.js';
import { walkChildren, type EntityMapper } from './map-context.js';
import { observeMembership } from './map-actor.js';
import { VOTE_CHOICE } from './soorten.js';

/**
 * Besluit → Decision with DECIDES → its case when the decision is nested in the case. The
 * case ids are also kept on the node (`caseIds`): a SyncFeed `<zaak ref>` names the case
 * without its kind, and `deriveMotionStatus` links those to their motions.
 */
export const mapBesluit: EntityMapper = (ctx, rec, id, parent) => {
  const f = rec.fields;
  const v = version(f.GewijzigdOp);
  if (bool(f.Verwijderd)) return void ctx.b.tombstone('Decision', id, v);
  const owner = parent?.node && ['Motion', 'Case', 'Question'].includes(parent.node.label) ? parent.node : undefined;
  const caseIds = [...new Set([...(rec.refs.Zaak ?? []), ...(owner ? [parent!.id] : [])])];
  const kind = str(f.BesluitSoort);
  const text = str(f.BesluitTekst);
  const node = ctx.b.node(
    'Decision',
    id,
    {
      kind,
      text,
      status: str(f.Status),
      votingKind: str(f.StemmingsSoort),
      outcome: decisionOutcome(kind, text),
      order: int(f.AgendapuntZaakBesluitVolgorde),
      remark: str(f.Opmerking),
      caseIds: caseIds.length > 0 ? caseIds : undefined,
    },
    { version: v },
  );
  if (owner) ctx.b.edge('DECIDES', node, owner);
  walkChildren(ctx, rec, { rec, id, node, date: date(v) });
};

/**
 * Stemming → VOTED (key: the Stemming Id, stored for that row) from the Person (roll call) or the
 * Party (show of hands). A deleted row names neither (its foreign keys are null, a SyncFeed deletion
 * has no children): it removes the vote by the row's Id.
 */
export const mapStemming: EntityMapper = (ctx, rec, id, parent) => {
  const f = rec.fields;
  const v = version(f.GewijzigdOp);
  if (bool(f.Verwijderd)) {
    ctx.b.edgeTombstone(['VOTED'], id, v);
    return walkChildren(ctx, rec, parent);
  }
  const decision = refOf(rec, 'Besluit') ?? (parent?.rec.entity === 'Besluit' ? parent.id : undefined);
  const person = refOf(rec, 'Persoon');
  const party = refOf(rec, 'Fractie');
  const voter: NodeRef | undefined = person ? ref('Person', person) : party ? ref('Party', party) : undefined;
  const soort = str(f.Soort);
  if (decision && voter) {
    const props = {
      choice: soort ? (VOTE_CHOICE[soort] ?? soort) : undefined,
      rawChoice: soort,
      // A party's seats on its show-of-hands row; on an MP's roll-call row FractieGrootte is the party's size, not the vote's weight.
      seats: person ? undefined : int(f.FractieGrootte),
      mistaken: bool(f.Vergissing),
      partyName: str(f.ActorFractie),
      actorName: str(f.ActorNaam),
    };
    ctx.b.edge('VOTED', voter, ref('Decision', decision), props, id, { version: v, record: id });
  }
  if (person && party) observeMembership(ctx.b, person, party, parent?.date ?? date(v), str(f.ActorFractie));
  walkChildren(ctx, rec, parent);
};
