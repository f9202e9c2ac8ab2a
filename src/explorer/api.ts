/** The explorer's only way to the service: POST /graphql with a JSON body, as any client would. */

export type EntityType = "PERSON" | "ORGANISATION" | "COUNTRY" | "REGION" | "PROGRAM" | "EVENT" | "DOCUMENT" | "PASSAGE" | "CLAIM";

export interface ViewNode {
  id: string;
  type: EntityType;
  label: string;
  /** The server's layout hint: the same picture in every client. */
  layout: { x: number; y: number } | null;
}
export interface ViewEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  /** Stored properties of the relationship: role, title, quote, start, end, passageId, … */
  properties: Record<string, unknown>;
  /** The document's words behind the link, with their paragraph. */
  evidence: Mention[];
}
export interface GraphView {
  nodes: ViewNode[];
  edges: ViewEdge[];
  truncated: boolean;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json().catch(() => ({}))) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (body.errors?.length) throw new ApiError(body.errors[0]!.message, body.errors[0]!.extensions?.code);
  if (!res.ok || !body.data) throw new ApiError(`The service answered ${res.status}.`, undefined);
  return body.data;
}

/** Where a quote lies: its offsets in the document and the paragraph that holds it. */
const PLACE = "start end passage { id ordinal }";
const MENTION = `surface ${PLACE}`;

const VIEW = `nodes: viewNodes { id: key type label layout { x y } } edges { id source target type properties evidence { ${MENTION} } } truncated`;

export const NEIGHBOURHOOD = `query Neighbourhood($id: ID!, $depth: Int, $limit: Int) {
  neighbourhood(id: $id, depth: $depth, limit: $limit) { ${VIEW} }
}`;

export const SHORTEST_PATH = `query Path($from: ID!, $to: ID!) {
  shortestPath(from: $from, to: $to, maxLength: 10) { ${VIEW} }
}`;

export const SEARCH = `query Search($query: String!) {
  search(query: $query, first: 15) {
    type
    snippet
    node {
      id
      ... on Person { name }
      ... on Organisation { name acronym }
      ... on Country { name }
      ... on Region { name }
      ... on Program { name }
      ... on Event { name }
      ... on Claim { text }
      ... on Passage { ordinal text }
      ... on Document { title }
    }
  }
}`;

export interface SearchHit {
  type: EntityType;
  snippet: string | null;
  node: { id: string; name?: string; acronym?: string | null; text?: string; ordinal?: number; title?: string | null };
}

const PARTICIPATION = `role evidence { ${MENTION} }`;
const NAMED = "id ... on Person { name } ... on Organisation { name } ... on Country { name } ... on Region { name } ... on Program { name } ... on Event { name } ... on Claim { text }";
const CLAIMS = `claims(first: 20) { totalCount edges { node { id text kind ${PLACE} speaker { id name } } } }`;

/** One fragment per type: only the selected node's fields are asked for, so each query stays small. */
const FIELDS: Record<EntityType, string> = {
  PERSON: `... on Person { id name honorific title aliases
    affiliations { id name }
    roles { role event { id name } }
    referencedOrganisations { mentionCount organisation { id name } evidence(first: 3) { ${MENTION} } }
    referencedCountries { mentionCount country { id name } evidence(first: 3) { ${MENTION} } }
    ${CLAIMS} }`,
  ORGANISATION: `... on Organisation { id name acronym kind aliases wikidataId
    parent { id name } units { id name } country { id name }
    programs { ${PARTICIPATION} program { id name } }
    referencedBy { mentionCount person { id name } evidence(first: 3) { ${MENTION} } } }`,
  COUNTRY: `... on Country { id name isoCode aliases demonyms
    regions { id name }
    programs { ${PARTICIPATION} program { id name } }
    referencedBy { mentionCount person { id name } evidence(first: 3) { ${MENTION} } } }`,
  REGION: `... on Region { id name kind aliases demonyms country { id name }
    programs { ${PARTICIPATION} program { id name } } }`,
  PROGRAM: `... on Program { id name kind aliases description
    participants { ${PARTICIPATION} participant { ${NAMED} } }
    ${CLAIMS} }`,
  EVENT: `... on Event { id name date online participantCount participantCountQualifier recordingUrl
    hosts { id name } participants { role person { id name } } }`,
  CLAIM: `... on Claim { id text kind ${PLACE} speaker { id name } about { ${NAMED} }
    quantities { value unit qualifier surface } }`,
  PASSAGE: `... on Passage { id ordinal start end text speaker { id name } mentions { surface start end entity { ${NAMED} } } }`,
  DOCUMENT: `... on Document { id title url }`,
};

export function nodeQuery(type: EntityType): string {
  return `query Node($id: ID!) { node(id: $id) { __typename ${FIELDS[type]} } }`;
}

export const PASSAGE = `query Passage($id: ID!) {
  node(id: $id) { ... on Passage { id ordinal start end text speaker { name } } }
}`;

export interface Place {
  start: number;
  end: number;
  passage: { id: string; ordinal: number };
}
export interface Mention extends Place {
  surface: string;
}
export interface PassageDetail {
  id: string;
  ordinal: number;
  start: number;
  end: number;
  text: string;
  speaker: { name: string } | null;
}
