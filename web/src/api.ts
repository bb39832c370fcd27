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
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => null)) as { data?: T; errors?: { message: string }[] } | null;
  if (body?.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '));
  if (!response.ok || !body?.data) throw new ApiError(`the API answered ${response.status}`);
  return body.data;
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
  return {
    truncated: Boolean(n.truncated),
    nodes: n.nodes.map((x) => {
      const node = { ...x, properties: props(x.properties) };
      return { ...node, label: displayLabel(node) };
    }),
    edges: n.edges.map((x) => ({ ...x, properties: props(x.properties) })),
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
export const NODE_NAMING = `id
  ... on Person { name } ... on Party { abbreviation name } ... on Office { title }
  ... on Question { number subject submittedAt } ... on Answer { koopId receivedAt } ... on Postponement { koopId sentAt }
  ... on Motion { number title koopId } ... on Company { name country } ... on Article { title url publishedAt }
  ... on Publisher { name } ... on Decision { text date }`;

type Named = Record<string, string | null | undefined> & { id: string };

/** The label a person would use for a node: a name, a number with its subject, a title. */
export function nameOf(n: Named, type: string): { label: string; detail: string } {
  switch (type) {
    case 'Party':
      return { label: n.abbreviation ?? n.name ?? n.id, detail: n.name ?? '' };
    case 'Question':
      return { label: n.number ?? n.id, detail: [n.subject, n.submittedAt].filter(Boolean).join(' · ') };
    case 'Motion':
      return { label: n.number ?? n.koopId ?? n.id, detail: n.title ?? '' };
    case 'Answer':
    case 'Postponement':
      return { label: n.koopId ?? n.id, detail: n.receivedAt ?? n.sentAt ?? '' };
    case 'Article':
      return { label: n.title ?? n.url ?? n.id, detail: n.publishedAt ?? n.url ?? '' };
    default:
      return { label: n.name ?? n.title ?? n.text ?? n.id, detail: n.country ?? n.date ?? '' };
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

/** The raw documents behind some nodes, keyed by node id (one request, one alias per node). */
export async function loadSources(ids: string[]): Promise<Map<string, Source[]>> {
  const out = new Map<string, Source[]>();
  if (!ids.length) return out;
  const fields = ids.map((_, i) => `n${i}: node(id: $id${i}) { id sources { id url fetchedAt parser } }`).join('\n');
  const vars = Object.fromEntries(ids.map((id, i) => [`id${i}`, id]));
  const data = await gql<Record<string, { id: string; sources: Source[] } | null>>(
    `query Sources(${ids.map((_, i) => `$id${i}: ID!`).join(', ')}) { ${fields} }`,
    vars,
  );
  for (const n of Object.values(data)) if (n) out.set(n.id, n.sources);
  return out;
}

/** The short label the page shows for a subgraph node: a question's number rather than its long subject. */
export function displayLabel(node: GraphNode): string {
  const p = node.properties;
  const pick = (...keys: string[]) => keys.map((k) => p[k]).find((v): v is string => typeof v === 'string' && v !== '');
  if (node.type === 'Question' || node.type === 'Case') return pick('number') ?? node.label;
  if (node.type === 'Motion') return pick('number', 'koopId') ?? node.label;
  if (node.type === 'Party') return pick('abbreviation') ?? node.label;
  if (node.type === 'Answer' || node.type === 'Postponement') return pick('koopId') ?? node.label;
  return node.label || node.id;
}
