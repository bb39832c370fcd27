import { FragmentBuilder, type FragmentBody } from '../../src/model/fragment.js';
import type { Rejection } from '../pipeline/format.js';
import { str, type TkRecord } from './record.js';
import { walkChildren, type EntityMapper, type MapContext, type Parent } from './map-context.js';
import { mapFractie, mapFractieZetelPersoon, mapPersoon } from './map-people.js';
import { mapKamerstukdossier, mapZaak } from './map-zaak.js';
import { mapDocument } from './map-document.js';
import { mapZaakActor } from './map-actor.js';
import { mapBesluit, mapStemming } from './map-decision.js';

const MAPPERS: Record<string, EntityMapper> = {
  Persoon: mapPersoon,
  Fractie: mapFractie,
  FractieZetelPersoon: mapFractieZetelPersoon,
  Zaak: mapZaak,
  Kamerstukdossier: mapKamerstukdossier,
  Document: mapDocument,
  ZaakActor: mapZaakActor,
  Besluit: mapBesluit,
  Stemming: mapStemming,
};

/**
 * The one mapping from neutral records to the graph, shared by the OData and SyncFeed readers.
 * Entities without a node of their own (Agendapunt, FractieZetel, DocumentVersie, …) are
 * counted and their expanded children still mapped.
 */
export function mapRecords(records: readonly TkRecord[]): { body: FragmentBody; records: number; rejected: Rejection[] } {
  const ctx: MapContext = {
    b: new FragmentBuilder(),
    rejected: [],
    records: 0,
    walk: (rec: TkRecord, parent?: Parent) => {
      const raw = rec.fields.Id;
      // An object-valued column of no entity graafwerk maps, without an Id or anything expanded in it, is a
      // value and not an expanded entity: left aside, as an unknown plain column is.
      if (parent && raw === undefined && !MAPPERS[rec.entity] && Object.keys(rec.children).length === 0) return;
      ctx.records += 1;
      // Ids are texts (GUIDs); a number or an object there is not an id of the Tweede Kamer's data.
      const id = typeof raw === 'string' ? str(raw) : undefined;
      if (!id) {
        const reason = raw === undefined || raw === null || raw === '' ? `no Id (${rec.entity})` : `Id is not a text (${rec.entity}): ${JSON.stringify(raw).slice(0, 60)}`;
        return void ctx.rejected.push({ where: rec.where, reason });
      }
      const mapper = MAPPERS[rec.entity];
      if (mapper) mapper(ctx, rec, id, parent);
      else walkChildren(ctx, rec, parent);
    },
  };
  for (const rec of records) ctx.walk(rec);
  return { body: ctx.b.build(), records: ctx.records, rejected: ctx.rejected };
}
