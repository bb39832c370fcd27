import { ParseError } from '../pipeline/format.js';
import { normaliseId } from '../../src/model/ids.js';
import type { TkRecord } from './record.js';

/** What the OData reader makes of one JSON document. */
export interface ODataPage {
  entitySet: string;
  rows: unknown[];
  next?: string;
}

/** Navigation properties whose entity differs from their name. */
const NAV_ENTITY: Record<string, string> = {
  HuidigeDocumentVersie: 'DocumentVersie',
  DocumentPublicatieMetadata: 'DocumentPublicatie',
  GerelateerdVanuit: 'Zaak',
  GerelateerdNaar: 'Zaak',
  VervangenVanuit: 'Zaak',
  VervangenDoor: 'Zaak',
  BronDocument: 'Document',
  BijlageDocument: 'Document',
};

/** A bare entity, or a page saved without its @odata.context, is recognised by a column only its entity set has. */
const TELLING_COLUMN: [string, string][] = [
  ['GestartOp', 'Zaak'],
  ['DocumentNummer', 'Document'],
  ['BesluitSoort', 'Besluit'],
  ['FractieGrootte', 'Stemming'],
  ['Achternaam', 'Persoon'],
  ['NaamNL', 'Fractie'],
  ['ExterneIdentifier', 'DocumentVersie'],
  ['TotEnMet', 'FractieZetelPersoon'],
  ['HoogsteVolgnummer', 'Kamerstukdossier'],
  ['Relatie', 'ZaakActor'],
];

const MAX_DEPTH = 8;

/** Parses the JSON text of an OData page, single entity or saved expanded response; throws ParseError. */
export function readODataPage(text: string): ODataPage {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ParseError(`not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(json)) throw new ParseError('not an OData response: the JSON is not an object');
  const context = json['@odata.context'];
  const next = typeof json['@odata.nextLink'] === 'string' ? json['@odata.nextLink'] : undefined;
  if (typeof context === 'string') {
    // The service document lists the entity sets and holds no records.
    if (/\$metadata$/.test(context) && Array.isArray(json.value)) return { entitySet: '', rows: [] };
    const entitySet = /#([A-Za-z]+)/.exec(context)?.[1];
    if (!entitySet) throw new ParseError(`@odata.context names no entity set: ${JSON.stringify(context.slice(0, 200))}`);
    if (/\/\$entity$/.test(context)) return { entitySet, rows: [json], next };
    if (!Array.isArray(json.value)) throw new ParseError('OData page without a "value" array');
    return { entitySet, rows: json.value, next };
  }
  if (isObject(json.decision)) return readDecisionBundle(json);
  // A page saved without its @odata.context: its rows tell their entity set.
  if (Array.isArray(json.value)) {
    const entitySet = json.value.filter(isObject).map(entitySetOf).find((set) => set !== undefined);
    if (!entitySet) throw new ParseError('an OData page without @odata.context whose rows tell no Tweede Kamer entity set (no Id, GewijzigdOp and a column such as GestartOp or Achternaam)');
    return { entitySet, rows: json.value, next };
  }
  const entitySet = entitySetOf(json);
  if (entitySet) return { entitySet, rows: [json] };
  throw new ParseError('not an OData response: no @odata.context, and not a Tweede Kamer entity');
}

/** The entity set a bare row belongs to, by a column only that set has; undefined when it tells none. */
function entitySetOf(row: Record<string, unknown>): string | undefined {
  if (typeof row.Id !== 'string' || !('GewijzigdOp' in row)) return undefined;
  return TELLING_COLUMN.find(([column]) => column in row)?.[1];
}

/** A saved decision with its votes ({decision, votes, zaak?}): the decision, nested in its case when known. */
function readDecisionBundle(json: Record<string, unknown>): ODataPage {
  const votes = Array.isArray(json.votes) ? json.votes.filter(isObject) : [];
  // The votes repeat their decision as a back-reference; drop it so each entity is read once.
  const decision = { ...(json.decision as Record<string, unknown>), Stemming: votes.map(({ Besluit: _, ...vote }) => vote) };
  if (isObject(json.zaak)) return { entitySet: 'Zaak', rows: [{ ...json.zaak, Besluit: [decision] }] };
  return { entitySet: 'Besluit', rows: [decision] };
}

/** Turns one JSON row into a neutral record: `X_Id` → refs.X, nested objects → children; GUIDs in lower case. */
export function toRecord(entity: string, row: Record<string, unknown>, where: string, depth = 0): TkRecord {
  const rec: TkRecord = { entity, fields: {}, refs: {}, children: {}, where };
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith('@') || key.startsWith('_')) continue;
    if (key.endsWith('_Id') && key !== '_Id') {
      if (typeof value === 'string' && value !== '') rec.refs[key.slice(0, -3)] = [normaliseId(value)];
    } else if (Array.isArray(value) || isObject(value)) {
      const items = (Array.isArray(value) ? value : [value]).filter((v): v is Record<string, unknown> => isObject(v) && !v._circular_reference);
      if (depth >= MAX_DEPTH) throw new ParseError(`${where}: expanded deeper than ${MAX_DEPTH} levels`);
      const child = NAV_ENTITY[key] ?? key;
      rec.children[key] = items.map((item, i) => toRecord(child, item, `${where} › ${key} ${i + 1}`, depth + 1));
    } else {
      rec.fields[key] = key === 'Id' ? normaliseId(value) : value;
    }
  }
  return rec;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
