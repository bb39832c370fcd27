import { ref } from '../../src/model/fragment.js';
import type { NodeLabel } from '../../src/model/kinds.js';
import { bool, childrenOf, date, int, str, version } from './record.js';
import { walkChildren, type EntityMapper, type Parent } from './map-context.js';
import { MOTION_SOORT, QUESTION_SOORT, ZAAK_SOORTEN } from './soorten.js';

/** The label a case (Zaak) becomes; Case for every other documented Soort. */
function zaakLabel(soort: string | undefined): NodeLabel {
  return soort === QUESTION_SOORT ? 'Question' : soort === MOTION_SOORT ? 'Motion' : 'Case';
}

/** Zaak → Question, Motion or Case; its expanded actors, documents, decisions and dossier follow. */
export const mapZaak: EntityMapper = (ctx, rec, id) => {
  const f = rec.fields;
  const soort = str(f.Soort);
  const v = version(f.GewijzigdOp);
  // Deleted rows come without their Soort: the deletion marks the case under whichever label it has.
  if (bool(f.Verwijderd)) return void ctx.b.tombstone(zaakLabel(soort), id, v, soort ? [] : ['Question', 'Motion']);
  if (!soort) return void ctx.rejected.push({ where: `${rec.where} (Id ${id})`, reason: 'case without a Soort' });
  if (!ZAAK_SOORTEN.has(soort)) return void ctx.rejected.push({ where: `${rec.where} (Id ${id})`, reason: `unknown Zaak Soort ${JSON.stringify(soort)}` });
  const label = zaakLabel(soort);
  const common = {
    number: str(f.Nummer),
    subject: str(f.Onderwerp),
    submittedAt: date(f.GestartOp),
    parliamentaryYear: str(f.Vergaderjaar),
    closed: bool(f.Afgedaan),
    tkStatus: str(f.Status),
  };
  // A motion's Zaak Titel is its dossier's title ("Politie"); its own title comes from the motion text's Document.
  const props =
    label === 'Question'
      ? { ...common, title: str(f.Titel) }
      : label === 'Motion'
        ? { ...common, dossierTitle: str(f.Titel), cabinetAppraisal: str(f.Kabinetsappreciatie) }
        : { ...common, title: str(f.Titel), kind: soort };
  const node = ctx.b.node(label, id, props, { version: v });
  const parent: Parent = { rec, id, node, date: date(f.GestartOp) };
  for (const dossier of childrenOf(rec, 'Kamerstukdossier')) {
    ctx.walk(dossier, parent);
    const number = dossierNumber(dossier.fields);
    if (number && !bool(dossier.fields.Verwijderd)) ctx.b.edge('PART_OF', node, ref('Dossier', number));
  }
  walkChildren(ctx, rec, parent, ['Kamerstukdossier']);
};

/** A dossier's number as KOOP writes it: Nummer, with its Toevoeging when there is one ("35300-VI"). */
function dossierNumber(f: Record<string, unknown>): string | undefined {
  const nummer = int(f.Nummer);
  if (nummer === undefined) return undefined;
  const extra = str(f.Toevoeging);
  return extra ? `${nummer}-${extra}` : String(nummer);
}

/** Kamerstukdossier → Dossier, keyed by its number (the id motions and KOOP ids know). */
export const mapKamerstukdossier: EntityMapper = (ctx, rec, id, parent) => {
  const f = rec.fields;
  const number = dossierNumber(f);
  if (number) {
    if (bool(f.Verwijderd)) ctx.b.tombstone('Dossier', number, version(f.GewijzigdOp));
    else
      ctx.b.node(
        'Dossier',
        number,
        { tkId: id, title: str(f.Titel), citationTitle: str(f.Citeertitel), closed: bool(f.Afgesloten), highestOndernummer: int(f.HoogsteVolgnummer) },
        { version: version(f.GewijzigdOp) },
      );
  }
  walkChildren(ctx, rec, parent);
};
