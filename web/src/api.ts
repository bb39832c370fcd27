/** The GraphQL client of the explorer: one small fetch helper and the queries the views use. */

export type Properties = Record<string, unknown>;

export interface GraphNode {
  id: string;
  label: string;
  type: string;
  properties: Properties;
}

export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Properties;
}

export interface Neighborhood {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

export class ApiError extends Error {
  override name = 'ApiError';
}

/** Posts a GraphQL query to the API and returns its data, or throws with the API's first message. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await send('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => null)) as { data?: T; errors?: { message: string }[] } | null;
  if (body?.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '));
  if (!response.ok || !body?.data) throw new ApiError(`the API answered ${response.status}`);
  return body.data;
}

/** Fetches from the API; a request that never reaches it fails with words a reader can act on, not "Failed to fetch". */
export async function send(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    throw new ApiError('The API cannot be reached: is the server running?');
  }
}

const NODE = 'id label type properties';
const EDGE = 'id type source target properties';

/** Fetches the neighbourhood of one node, capped at `limit` nodes. */
export async function loadNeighborhood(id: string, depth: number, limit: number): Promise<Neighborhood> {
  const data = await gql<{ neighborhood: Neighborhood }>(
    `query Neighborhood($id: ID!, $depth: Int, $limit: Int) {
      neighborhood(id: $id, depth: $depth, limit: $limit) { nodes { ${NODE} } edges { ${EDGE} } truncated }
    }`,
    { id, depth, limit },
  );
  return normaliseNeighborhood(data.neighborhood);
}

/** Makes `properties` an object whether the API sends a JSON scalar or a JSON string. */
export function normaliseNeighborhood(n: Neighborhood): Neighborhood {
  const props = (p: unknown): Properties => (typeof p === 'string' ? (JSON.parse(p) as Properties) : ((p ?? {}) as Properties));
  const edges = n.edges.map((x) => ({ ...x, properties: props(x.properties) }));
  return {
    truncated: Boolean(n.truncated),
    nodes: n.nodes.map((x) => {
      const node = { ...x, properties: props(x.properties) };
      const named = GUID.test(node.label || node.id) ? nameFromEdges(node.id, edges) : undefined;
      return { ...node, label: named ?? displayLabel(node) };
    }),
    edges,
  };
}

export interface Source {
  id: string;
  url: string | null;
  fetchedAt: string | null;
  parser: string | null;
}

export interface SearchHit {
  id: string;
  type: string;
  label: string;
  detail: string;
  score: number;
}

/** Fields that name a node, whatever its type; the API's Node interface only promises the id. */
const NODE_NAMING = `id
  ... on Person { name } ... on Party { abbreviation name } ... on Office { title }
  ... on Question { number subject submittedAt } ... on Answer { koopId receivedAt } ... on Postponement { koopId sentAt }
  ... on Motion { number title koopId } ... on Company { name country } ... on Article { title url publishedAt }
  ... on Publisher { name } ... on Decision { text outcome date } ... on Case { number subject }
  ... on Dossier { number title } ... on Document { koopId kind title subject date }`;

type Named = Record<string, string | null | undefined> & { id: string };

/** The label a person would use for a node: a name, a number with its subject, a title. */
function nameOf(n: Named, type: string): { label: string; detail: string } {
  const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ');
  switch (type) {
    case 'Party':
      return { label: n.abbreviation ?? n.name ?? n.id, detail: n.name ?? '' };
    case 'Question':
    case 'Case':
      return { label: n.number ?? questionNumberOf(n.id) ?? n.id, detail: join(n.subject, n.submittedAt) };
    case 'Motion':
      return { label: n.number ?? n.koopId ?? n.id, detail: n.title ?? '' };
    case 'Answer':
    case 'Postponement':
      return { label: n.koopId ?? n.id, detail: n.receivedAt ?? n.sentAt ?? '' };
    case 'Article':
      return { label: n.title ?? readableUrl(n.url ?? n.id), detail: n.publishedAt ?? n.url ?? '' };
    case 'Dossier':
      return { label: `Dossier ${n.number ?? n.id}`, detail: n.title ?? '' };
    case 'Document':
      return { label: n.title ?? n.subject ?? n.koopId ?? n.id, detail: join(n.kind, n.date) };
    case 'Decision':
      return { label: n.text ?? n.outcome ?? n.id, detail: n.date ?? '' };
    default:
      return { label: n.name ?? n.title ?? n.text ?? n.id, detail: n.country ?? n.date ?? '' };
  }
}

/** A question number (2022Z04510) when the id is one: the stand-in id a publication gives a question. */
function questionNumberOf(id: string): string | undefined {
  return /^\d{4}Z\d{5}$/.test(id) ? id : undefined;
}

/** An article URL as words: its site and its last path segment ("ftm.nl · de ogen van …"). */
function readableUrl(raw: string): string {
  try {
    const url = new URL(raw);
    const slug = decodeURIComponent(url.pathname.split('/').filter(Boolean).at(-1) ?? '').replace(/\.[a-z]+$/i, '').replace(/[-_]+/g, ' ');
    const site = url.hostname.replace(/^www\./, '');
    return slug ? `${site} · ${slug}` : site;
  } catch {
    return raw;
  }
}

/** Full-text search; hits keep the API's order (best first). */
export async function searchNodes(text: string, first = 30, types?: string[]): Promise<SearchHit[]> {
  const data = await gql<{ search: { type: string; score: number; node: Named }[] }>(
    `query Search($text: String!, $first: Int, $types: [NodeType!]) {
      search(text: $text, first: $first, types: $types) { type score node { ${NODE_NAMING} } }
    }`,
    { text, first, types },
  );
  return data.search.map((hit) => ({ id: hit.node.id, type: hit.type, score: hit.score, ...nameOf(hit.node, hit.type) }));
}

/** Aliases per request: the API refuses more than 30 (ALIAS_LIMIT_EXCEEDED). */
const ALIASES_PER_REQUEST = 25;

/** The raw documents behind some nodes, keyed by node id: one alias per node, at most 25 per request. */
export async function loadSources(ids: string[]): Promise<Map<string, Source[]>> {
  const out = new Map<string, Source[]>();
  const requests = [];
  for (let start = 0; start < ids.length; start += ALIASES_PER_REQUEST) {
    const chunk = ids.slice(start, start + ALIASES_PER_REQUEST);
    const fields = chunk.map((_, i) => `n${i}: node(id: $id${i}) { id sources { id url fetchedAt parser } }`).join('\n');
    const vars = Object.fromEntries(chunk.map((id, i) => [`id${i}`, id]));
    requests.push(gql<Record<string, { id: string; sources: Source[] } | null>>(`query Sources(${chunk.map((_, i) => `$id${i}: ID!`).join(', ')}) { ${fields} }`, vars));
  }
  for (const data of await Promise.all(requests)) for (const n of Object.values(data)) if (n) out.set(n.id, n.sources);
  return out;
}

/** The short label the page shows for a subgraph node: a question's number rather than its long subject. */
function displayLabel(node: GraphNode): string {
  const p = node.properties;
  const pick = (...keys: string[]) => keys.map((k) => p[k]).find((v): v is string => typeof v === 'string' && v !== '');
  if (node.type === 'Question' || node.type === 'Case') return pick('number') ?? questionNumberOf(node.id) ?? node.label;
  if (node.type === 'Motion') return pick('number', 'koopId') ?? node.label;
  if (node.type === 'Party') return pick('abbreviation') ?? node.label;
  if (node.type === 'Answer' || node.type === 'Postponement') return pick('koopId') ?? node.label;
  if (node.type === 'Article') return pick('title') ?? readableUrl(pick('url') ?? node.id);
  if (node.type === 'Dossier') return `Dossier ${pick('number') ?? node.id}`;
  if (node.type === 'Decision') return pick('text', 'kind', 'outcome') ?? node.label;
  const label = node.label || node.id;
  // A node known only by its GUID reads as its type and a short id, not as 36 characters of hex.
  return GUID.test(label) ? `${node.type} ${label.slice(0, 8)}…` : label;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The name an edge records for an actor the graph knows only by id (a vote's or a submission's actorName). */
function nameFromEdges(id: string, edges: GraphEdge[]): string | undefined {
  for (const e of edges) {
    const name = e.properties.actorName;
    if (e.source === id && typeof name === 'string' && name !== '') return name;
  }
  return undefined;
}

/** Whether a node is a stand-in: known only from a reference or by name, not (yet) joined to its own record. */
export function isStandIn(node: GraphNode): boolean {
  return node.properties.provisional === true || node.properties.stub === true || node.id.startsWith('name:');
}
