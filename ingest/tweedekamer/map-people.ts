import { ref } from '../../src/model/fragment.js';
import { bool, childrenOf, date, int, refOf, str, version, type TkRecord } from './record.js';
import { walkChildren, type EntityMapper } from './map-context.js';

/** The name as people use it: Roepnaam (else the first Voornaam, else the initials), particles, surname. */
export function personName(f: Record<string, unknown>): string | undefined {
  const surname = personSurname(f);
  if (!surname) return undefined;
  const first = str(f.Roepnaam) ?? str(f.Voornamen)?.split(/\s+/)[0] ?? str(f.Initialen);
  return [first, surname].filter(Boolean).join(' ');
}

/** Surname with its particles: Tussenvoegsel "van" + Achternaam "Ginneken" → "van Ginneken". */
function personSurname(f: Record<string, unknown>): string | undefined {
  const last = str(f.Achternaam);
  return last ? [str(f.Tussenvoegsel), last].filter(Boolean).join(' ') : undefined;
}

/** Persoon → Person. */
export const mapPersoon: EntityMapper = (ctx, rec, id, parent) => {
  const f = rec.fields;
  const v = version(f.GewijzigdOp);
  if (bool(f.Verwijderd)) return void ctx.b.tombstone('Person', id, v);
  // Rows that exist only as an Id (the API returns them for purged people) carry nothing to write.
  if (!str(f.Achternaam) && !str(f.Initialen)) return walkChildren(ctx, rec, parent);
  const node = ctx.b.node(
    'Person',
    id,
    {
      name: personName(f),
      initials: str(f.Initialen),
      surname: personSurname(f),
      firstName: str(f.Roepnaam) ?? str(f.Voornamen)?.split(/\s+/)[0],
      givenNames: str(f.Voornamen),
      titles: str(f.Titels),
      gender: str(f.Geslacht),
      birthDate: date(f.Geboortedatum),
      birthPlace: str(f.Geboorteplaats),
      deathDate: date(f.Overlijdensdatum),
      residence: str(f.Woonplaats),
      function: str(f.Functie),
      tkNumber: int(f.Nummer),
      partyLabel: str(f.Fractielabel),
    },
    { version: v },
  );
  walkChildren(ctx, rec, { rec, id, node });
};

/** Fractie → Party. */
export const mapFractie: EntityMapper = (ctx, rec, id, parent) => {
  const f = rec.fields;
  const v = version(f.GewijzigdOp);
  if (bool(f.Verwijderd)) return void ctx.b.tombstone('Party', id, v);
  if (!str(f.Afkorting) && !str(f.NaamNL)) return walkChildren(ctx, rec, parent);
  ctx.b.node(
    'Party',
    id,
    {
      abbreviation: str(f.Afkorting),
      name: str(f.NaamNL),
      nameEn: str(f.NaamEN),
      seats: int(f.AantalZetels),
      votes: int(f.AantalStemmen),
      activeFrom: date(f.DatumActief),
      activeTo: date(f.DatumInactief),
      tkNumber: int(f.Nummer),
    },
    { version: v },
  );
  walkChildren(ctx, rec, parent);
};

/** The party of a seat (FractieZetel), when the seat is expanded or referenced with its party. */
function seatParty(rec: TkRecord): string | undefined {
  const seat = childrenOf(rec, 'FractieZetel')[0];
  return seat ? (refOf(seat, 'Fractie') ?? str(childrenOf(seat, 'Fractie')[0]?.fields.Id)) : undefined;
}

/**
 * FractieZetelPersoon → MEMBER_OF (key: the row's Id, stored for that row) with from/to. The party is
 * only reachable through the seat (FractieZetel); when the seat is not expanded, its id stays on the
 * Person. A deleted row removes the membership by the row's Id (it may name neither end).
 */
export const mapFractieZetelPersoon: EntityMapper = (ctx, rec, id, parent) => {
  const f = rec.fields;
  const v = version(f.GewijzigdOp);
  if (bool(f.Verwijderd)) {
    ctx.b.edgeTombstone(['MEMBER_OF'], id, v);
    return walkChildren(ctx, rec, parent);
  }
  const person = refOf(rec, 'Persoon') ?? (parent?.rec.entity === 'Persoon' ? parent.id : undefined);
  const party = seatParty(rec);
  const seat = refOf(rec, 'FractieZetel') ?? str(childrenOf(rec, 'FractieZetel')[0]?.fields.Id);
  if (person && party) {
    const props = { from: date(f.Van), to: date(f.TotEnMet), function: str(f.Functie), seatId: seat };
    ctx.b.edge('MEMBER_OF', ref('Person', person), ref('Party', party), props, id, { version: v, record: id });
  } else if (person && seat) {
    ctx.b.node('Person', person, { seatId: seat });
  }
  walkChildren(ctx, rec, parent);
};
