import { ref, type NodeRef, type Props } from '../../src/model/fragment.js';
import type { NodeLabel } from '../../src/model/kinds.js';
import { bool, childrenOf, date, int, str, version, type TkRecord } from './record.js';
import { walkChildren, type EntityMapper, type MapContext, type Parent } from './map-context.js';
import { parseKoopId } from '../../src/model/koop-id.js';
import { aanhangselKoopId } from './koop-ids.js';
import { DOCUMENT_ROLE } from './soorten.js';

/** The KOOP id of a document: its current version's ExterneIdentifier, else a publication's identifier. */
function documentKoopId(rec: TkRecord): string | undefined {
  for (const versie of childrenOf(rec, 'HuidigeDocumentVersie')) {
    const external = str(versie.fields.ExterneIdentifier);
    if (external) return external;
    for (const nav of ['DocumentPublicatie', 'DocumentPublicatieMetadata'])
      for (const pub of childrenOf(versie, nav)) {
        const identifier = str(pub.fields.Identifier) ?? str(pub.fields.FileName)?.replace(/\.[a-z]+$/i, '');
        if (identifier && /^(kst|kv|ah|h)-/.test(identifier)) return identifier;
      }
  }
  return undefined;
}

const caseLabel = (parent: Parent | undefined): NodeLabel | undefined => {
  const label = parent?.node?.label;
  return label === 'Question' || label === 'Motion' || label === 'Case' ? label : undefined;
};

/** Document → Answer, Postponement or Document linked to its case; a question's or motion's own text folds into the case. */
export const mapDocument: EntityMapper = (ctx, rec, id, parent) => {
  const f = rec.fields;
  const soort = str(f.Soort);
  const role = soort ? DOCUMENT_ROLE[soort] : undefined;
  const v = version(f.GewijzigdOp);
  const owner = caseLabel(parent);
  const koopId = documentKoopId(rec);
  if (bool(f.Verwijderd)) {
    const label = role === 'answer' || role === 'laterAnswer' ? 'Answer' : role === 'postponement' ? 'Postponement' : 'Document';
    // Without a Soort the deleted document may be stored as an answer or a postponement.
    return void ctx.b.tombstone(label, id, v, soort ? [] : ['Answer', 'Postponement']);
  }
  const base = { documentNumber: str(f.DocumentNummer), subject: str(f.Onderwerp), title: str(f.Titel) };
  if (role === 'question' && owner === 'Question') {
    const number = str(parent!.rec.fields.Nummer);
    const derived = number && /^\d{4}Z\d+$/.test(number) ? `kv-tk-${number}` : undefined;
    ctx.b.node('Question', parent!.id, { documentNumber: base.documentNumber, koopId: koopId ?? derived });
  } else if (role === 'motion' && owner === 'Motion') {
    foldMotionDocument(ctx, parent!, rec, koopId);
  } else if (role === 'answer' || role === 'laterAnswer' || role === 'postponement') {
    const ah = koopId ?? aanhangselKoopId(str(f.Vergaderjaar), str(f.Aanhangselnummer));
    const isAnswer = role !== 'postponement';
    const props: Props = isAnswer
      ? { ...base, receivedAt: date(f.DatumOntvangst) ?? date(f.Datum), koopId: ah, later: role === 'laterAnswer' }
      : { ...base, sentAt: date(f.Datum), koopId: ah };
    const node = ctx.b.node(isAnswer ? 'Answer' : 'Postponement', id, props, { version: v });
    if (owner === 'Question') ctx.b.edge(isAnswer ? 'ANSWERS' : 'POSTPONES', node, parent!.node!);
    else if (owner) ctx.b.edge('HAS_DOCUMENT', parent!.node!, node);
  } else {
    const node = ctx.b.node(
      'Document',
      id,
      { ...base, kind: soort, koopId, date: date(f.Datum), parliamentaryYear: str(f.Vergaderjaar), ondernummer: positive(f.Volgnummer) },
      { version: v },
    );
    if (owner) ctx.b.edge('HAS_DOCUMENT', parent!.node!, node);
  }
  walkChildren(ctx, rec, parent, ['HuidigeDocumentVersie']);
  countVersions(ctx, rec);
};

/** "Motie van het lid …", "Gewijzigde motie van de leden …": a motion's own title, not its dossier's ("Politie"). */
const MOTION_TITLE = /^(?:(?:tweede\s+|derde\s+)?nader\s+)?(?:gewijzigde\s+)?motie\s+van\b/i;

/** The motion's own title from its text's Document: the Titel or Onderwerp that reads as one. */
function motionOwnTitle(f: Record<string, unknown>): string | undefined {
  return [str(f.Titel), str(f.Onderwerp)].find((t) => t !== undefined && MOTION_TITLE.test(t));
}

/** The motion text's document gives the motion its document number, own title, KOOP id, dossier and ondernummer. */
function foldMotionDocument(ctx: MapContext, parent: Parent, rec: TkRecord, koopId: string | undefined): void {
  const kst = koopId ? parseKoopId(koopId) : undefined;
  const motion: NodeRef = parent.node!;
  ctx.b.node('Motion', parent.id, {
    documentNumber: str(rec.fields.DocumentNummer),
    title: motionOwnTitle(rec.fields),
    koopId,
    dossier: kst?.dossier,
    ondernummer: kst?.ondernummer ? Number(kst.ondernummer) : positive(rec.fields.Volgnummer),
  });
  if (kst?.dossier) ctx.b.edge('PART_OF', motion, ref('Dossier', kst.dossier));
}

/** Document versions and publications are read for the KOOP id only; they still count as records. */
function countVersions(ctx: MapContext, rec: TkRecord): void {
  for (const versie of childrenOf(rec, 'HuidigeDocumentVersie')) {
    ctx.records += 1;
    for (const pubs of Object.values(versie.children)) ctx.records += pubs.length;
  }
}

function positive(v: unknown): number | undefined {
  const n = int(v);
  return n !== undefined && n > 0 ? n : undefined;
}
