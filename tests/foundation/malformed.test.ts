import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { rawRequest } from "../support/raw-http.js";

/**
 * Malformed and hostile requests, each with the status and code it must get, in the default
 * settings and in production. No body may carry a file path, Cypher or a stack trace.
 */
type Case = {
  name: string;
  method?: string;
  headers?: Record<string, string>;
  /** A JSON value (sent as JSON) or a raw string. */
  body?: unknown;
  raw?: string;
  /** For GET: the query string, without `?`. */
  search?: Record<string, string>;
  status: number;
  code: string;
  /** The Content-Type the answer must carry, when the case is about it. */
  type?: string;
  /** Sent with exactly `headers` (fetch adds `accept: *\/*` when none is given). */
  bare?: boolean;
};

const JSON_CT = { "content-type": "application/json" };
const GQL = { ...JSON_CT, accept: "application/graphql-response+json" };
const LEGACY = { ...JSON_CT, accept: "application/json" };
const GET_GQL = { accept: "application/graphql-response+json" };

/**
 * The same request under both response types: 400 for the spec's type, which is also what a
 * request without `accept` gets; 200 for the legacy JSON, asked for by name or by `*\/*` (what
 * fetch and curl send when told nothing, where the service chooses application/json).
 */
function both(name: string, body: unknown, code: string): Case[] {
  return [
    { name: `${name} (graphql-response+json)`, headers: GQL, body, status: 400, code, type: "application/graphql-response+json" },
    { name: `${name} (no accept)`, headers: JSON_CT, body, status: 400, code, type: "application/graphql-response+json", bare: true },
    { name: `${name} (application/json)`, headers: LEGACY, body, status: 200, code, type: "application/json" },
    { name: `${name} (*/*)`, headers: JSON_CT, body, status: 200, code, type: "application/json" },
  ];
}

const deep = (n: number) => {
  let selection = "id";
  for (let i = 0; i < n; i++) selection = `parent { ${selection} }`;
  return `{ organisation(id: "org:unicef") { ${selection} } }`;
};

const CASES: Case[] = [
  // Documents that do not parse.
  ...both("unterminated selection", { query: "{ __typename " }, "GRAPHQL_PARSE_FAILED"),
  ...both("empty document", { query: " " }, "GRAPHQL_PARSE_FAILED"),
  ...both("unterminated string", { query: '{ search(query: "unicef) { type } }' }, "GRAPHQL_PARSE_FAILED"),
  ...both("stray character", { query: "{ __typename ¤ }" }, "GRAPHQL_PARSE_FAILED"),
  ...both("bare word", { query: "hello" }, "GRAPHQL_PARSE_FAILED"),
  ...both("SQL", { query: "SELECT * FROM people" }, "GRAPHQL_PARSE_FAILED"),
  ...both("Cypher", { query: "MATCH (n) DETACH DELETE n" }, "GRAPHQL_PARSE_FAILED"),
  // Invalid against the schema.
  ...both("unknown field", { query: '{ person(id: "person:noah-tucker") { shoeSize } }' }, "GRAPHQL_VALIDATION_FAILED"),
  ...both("unknown argument", { query: '{ person(id: "person:noah-tucker", colour: 1) { id } }' }, "GRAPHQL_VALIDATION_FAILED"),
  ...both("unknown enum value", { query: '{ search(query: "x", types: [NOPE]) { type } }' }, "GRAPHQL_VALIDATION_FAILED"),
  ...both("missing required argument", { query: "{ person { id } }" }, "GRAPHQL_VALIDATION_FAILED"),
  ...both("selection on a scalar", { query: '{ person(id: "person:noah-tucker") { name { x } } }' }, "GRAPHQL_VALIDATION_FAILED"),
  ...both("two anonymous operations", { query: "{ __typename } { __typename }" }, "GRAPHQL_VALIDATION_FAILED"),
  ...both("a mutation (the schema has none)", { query: "mutation { deleteEverything }" }, "GRAPHQL_VALIDATION_FAILED"),
  ...both("a subscription (the schema has none)", { query: "subscription { ticks }" }, "GRAPHQL_VALIDATION_FAILED"),
  ...both("undefined variable", { query: "{ node(id: $id) { id } }" }, "GRAPHQL_VALIDATION_FAILED"),
  ...both("unknown fragment", { query: "{ ...Nope }" }, "GRAPHQL_VALIDATION_FAILED"),
  // Variables that do not fit their types.
  ...both("string for Int", { query: "query($f: Int) { claims(first: $f) { totalCount } }", variables: { f: "ten" } }, "BAD_USER_INPUT"),
  ...both("missing ID!", { query: "query($id: ID!) { node(id: $id) { id } }" }, "BAD_USER_INPUT"),
  ...both("null for ID!", { query: "query($id: ID!) { node(id: $id) { id } }", variables: { id: null } }, "BAD_USER_INPUT"),
  ...both("unknown enum in a variable", { query: "query($t: [EntityType!]) { search(query: \"x\", types: $t) { type } }", variables: { t: ["NOPE"] } }, "BAD_USER_INPUT"),
  ...both("object for ID", { query: "query($id: ID!) { node(id: $id) { id } }", variables: { id: { a: 1 } } }, "BAD_USER_INPUT"),
  // Limits.
  ...both("3,000 tokens", { query: `{ ${"__typename ".repeat(3000)}}` }, "QUERY_TOO_COMPLEX"),
  ...both("a cost of millions", { query: "{ speakers(first: 100) { edges { node { claims(first: 100) { edges { node { about { ... on Person { claims(first: 100) { edges { node { text } } } } } } } } } } } }" }, "QUERY_TOO_COMPLEX"),
  ...both("too deep", { query: deep(14) }, "QUERY_TOO_COMPLEX"),
  ...both("too many aliases", { query: `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: node(id: "country:KZ") { id }`).join(" ")} }` }, "QUERY_TOO_COMPLEX"),
  ...both("too many directives", { query: `{ ${"__typename @include(if: true) ".repeat(25)}}` }, "QUERY_TOO_COMPLEX"),
  // Not a GraphQL request.
  { name: "unknown operationName", headers: GQL, body: { query: "query A { __typename }", operationName: "B" }, status: 400, code: "BAD_REQUEST" },
  { name: "two named operations, no operationName", headers: GQL, body: { query: "query A { __typename } query B { __typename }" }, status: 400, code: "BAD_REQUEST" },
  { name: "a batch", headers: GQL, body: [{ query: "{ __typename }" }], status: 400, code: "BAD_REQUEST" },
  { name: "an empty batch", headers: JSON_CT, body: [], status: 400, code: "BAD_REQUEST" },
  { name: "no query", headers: GQL, body: {}, status: 400, code: "BAD_REQUEST" },
  { name: "no query, other keys", headers: JSON_CT, body: { variables: {} }, status: 400, code: "BAD_REQUEST" },
  { name: "query a number", headers: GQL, body: { query: 1 }, status: 400, code: "BAD_REQUEST" },
  { name: "query an object", headers: JSON_CT, body: { query: { a: 1 } }, status: 400, code: "BAD_REQUEST" },
  { name: "query an array", headers: JSON_CT, body: { query: ["{ __typename }"] }, status: 400, code: "BAD_REQUEST" },
  { name: "query a boolean", headers: JSON_CT, body: { query: true }, status: 400, code: "BAD_REQUEST" },
  { name: "variables a string", headers: GQL, body: { query: "{ __typename }", variables: "{}" }, status: 400, code: "BAD_REQUEST" },
  { name: "variables an array", headers: JSON_CT, body: { query: "{ __typename }", variables: [1] }, status: 400, code: "BAD_REQUEST" },
  { name: "variables a number", headers: JSON_CT, body: { query: "{ __typename }", variables: 1 }, status: 400, code: "BAD_REQUEST" },
  { name: "extensions a string", headers: JSON_CT, body: { query: "{ __typename }", extensions: "x" }, status: 400, code: "BAD_REQUEST" },
  { name: "operationName a number", headers: JSON_CT, body: { query: "{ __typename }", operationName: 1 }, status: 400, code: "BAD_REQUEST" },
  { name: "persisted-query hash mismatch", headers: JSON_CT, body: { query: "{ __typename }", extensions: { persistedQuery: { version: 1, sha256Hash: "abc" } } }, status: 400, code: "BAD_REQUEST" },
  { name: "persisted-query version 2", headers: JSON_CT, body: { query: "{ __typename }", extensions: { persistedQuery: { version: 2, sha256Hash: "abc" } } }, status: 400, code: "BAD_REQUEST" },
  { name: "persisted query not yet known", headers: JSON_CT, body: { extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }, status: 200, code: "PERSISTED_QUERY_NOT_FOUND" },
  { name: "a body that is not JSON", headers: JSON_CT, raw: '{"query": "{ __typename }"', status: 400, code: "BAD_REQUEST" },
  { name: "an empty body", headers: JSON_CT, raw: "", status: 400, code: "BAD_REQUEST" },
  { name: "JSON null", headers: JSON_CT, raw: "null", status: 400, code: "BAD_REQUEST" },
  { name: "a JSON string", headers: JSON_CT, raw: '"{ __typename }"', status: 400, code: "BAD_REQUEST" },
  { name: "a body over 100 kB", headers: JSON_CT, body: { query: "{ __typename }", padding: "x".repeat(150_000) }, status: 413, code: "BAD_REQUEST" },
  // Wrong content type or method.
  { name: "text/plain", headers: { "content-type": "text/plain" }, raw: '{"query":"{ __typename }"}', status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
  { name: "a form", headers: { "content-type": "application/x-www-form-urlencoded" }, raw: "query=%7B__typename%7D", status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
  { name: "multipart", headers: { "content-type": "multipart/form-data; boundary=x" }, raw: '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{__typename}\r\n--x--\r\n', status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
  { name: "no content type", headers: {}, raw: '{"query":"{ __typename }"}', status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
  { name: "application/graphql", headers: { "content-type": "application/graphql" }, raw: "{ __typename }", status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
  { name: "XML", headers: { "content-type": "application/xml" }, raw: "<query/>", status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
  { name: "PUT", method: "PUT", headers: JSON_CT, body: { query: "{ __typename }" }, status: 405, code: "METHOD_NOT_ALLOWED" },
  { name: "DELETE", method: "DELETE", headers: JSON_CT, status: 405, code: "METHOD_NOT_ALLOWED" },
  { name: "PATCH", method: "PATCH", headers: JSON_CT, body: { query: "{ __typename }" }, status: 405, code: "METHOD_NOT_ALLOWED" },
  { name: "OPTIONS", method: "OPTIONS", status: 405, code: "METHOD_NOT_ALLOWED" },
  { name: "accept only text/plain", headers: { ...JSON_CT, accept: "text/plain" }, body: { query: "{ __typename }" }, status: 406, code: "NOT_ACCEPTABLE" },
  // GET.
  { name: "GET that asks for no GraphQL type (cross-site)", method: "GET", headers: { accept: "*/*" }, search: { query: "{ __typename }" }, status: 400, code: "BAD_REQUEST" },
  { name: "GET without accept", method: "GET", headers: {}, search: { query: "{ __typename }" }, status: 400, code: "BAD_REQUEST", bare: true },
  { name: "GET with an image's accept header", method: "GET", headers: { accept: "image/avif,image/webp,*/*" }, search: { query: "{ __typename }" }, status: 400, code: "BAD_REQUEST" },
  { name: "GET without a query", method: "GET", headers: GET_GQL, search: {}, status: 400, code: "BAD_REQUEST" },
  { name: "GET with a mutation", method: "GET", headers: GET_GQL, search: { query: "mutation { x }" }, status: 400, code: "GRAPHQL_VALIDATION_FAILED" },
  { name: "GET with variables that are not JSON", method: "GET", headers: GET_GQL, search: { query: "{ __typename }", variables: "{" }, status: 400, code: "BAD_REQUEST" },
  { name: "GET with a syntax error", method: "GET", headers: GET_GQL, search: { query: "{" }, status: 400, code: "GRAPHQL_PARSE_FAILED" },
];

const LEAKS = [
  /stacktrace/i,
  /\n\s+at\s/, // stack frames
  /\/(work|home|usr|src|dist|node_modules)\//, // file paths
  /\.(ts|js|mjs|cjs):\d+/,
  /\b(MATCH|UNWIND|MERGE|OPTIONAL MATCH|RETURN)\b.*\(/, // Cypher
  /Neo4j|neo4j-driver|bolt:/i,
];

describe.each([
  ["default settings", { NODE_ENV: "development" }],
  ["production", { NODE_ENV: "production" }],
])("malformed requests, %s", (_name, env) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(env);
  });
  afterAll(() => server.close());

  it("has at least 60 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_n, c) => {
    const method = c.method ?? "POST";
    const search = c.search ? `?${new URLSearchParams(c.search)}` : "";
    const body = c.raw ?? (c.body === undefined ? undefined : JSON.stringify(c.body));
    const url = `${server.baseUrl}/graphql${search}`;
    const res = c.bare
      ? await rawRequest(url, { method, headers: c.headers, body: method === "GET" ? undefined : body })
      : await fetch(url, { method, headers: c.headers, body: method === "GET" ? undefined : body }).then(async (r) => ({
          status: r.status,
          headers: { "content-type": r.headers.get("content-type") ?? undefined },
          text: await r.text(),
        }));
    const text = res.text;
    expect({ status: res.status }).toEqual({ status: c.status });
    if (c.type) expect(res.headers["content-type"]?.split(";")[0]).toBe(c.type);
    const parsed = JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    expect(parsed.errors?.map((e) => e.extensions?.code)).toContain(c.code);
    for (const error of parsed.errors ?? []) expect(error.extensions?.code).toBe(c.code);
    expect(parsed.data).toBeUndefined();
    for (const leak of LEAKS) expect(text).not.toMatch(leak);
  });
});
