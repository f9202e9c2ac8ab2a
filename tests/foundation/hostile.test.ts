import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";

/**
 * A hostile client's corpus: every request is answered with the expected status class and code,
 * within a time bound, and no answer shows anything internal (stack, paths, Cypher, driver text).
 * Client errors are 4xx (or, for errors inside execution, a 200 whose errors carry the code);
 * nothing is ever 5xx. Runs with NODE_ENV=production, as deployed.
 */

type Expect =
  /** Answered with data and no error. */
  | { ok: true }
  /** Refused before execution: 4xx, with one of these codes. */
  | { refused: string[] }
  /** An error inside execution: the code on the error, the status 2xx or 4xx. */
  | { fieldError: string[] };

interface Case {
  category: string;
  name: string;
  /** A GraphQL POST body (JSON-encoded here), or a raw HTTP request. */
  body?: unknown;
  http?: { method?: string; path: string; headers?: Record<string, string>; body?: string };
  expect: Expect | { status: number[] };
  /** Milliseconds the answer may take (default 5 s on a shared 2-core machine). */
  withinMs?: number;
  /**
   * Answered 500 or INTERNAL_SERVER_ERROR until the error shaping gives every client error its
   * 4xx status and code: checked once that is in (see `statusFixed`), skipped before.
   */
  statusFix?: boolean;
}

const LIMIT = ["QUERY_TOO_COMPLEX"];
const PARSE = ["GRAPHQL_PARSE_FAILED"];
const INVALID = ["GRAPHQL_VALIDATION_FAILED"];
const BAD_INPUT = ["BAD_USER_INPUT"];
/** A malformed request, as the codes of the service name it (BAD_REQUEST where it has one). */
const MALFORMED = ["BAD_REQUEST", "BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED", "OPERATION_RESOLUTION_FAILURE"];

const q = (query: string, variables?: unknown, operationName?: string) => ({ query, variables, operationName });
/** A POST of a JSON text written by hand (too deep for JSON.stringify to write). */
const rawPost = (body: string) => ({ method: "POST", path: "/graphql", headers: { "content-type": "application/json" }, body });
const repeat = (n: number, f: (i: number) => string, sep = " ") => Array.from({ length: n }, (_, i) => f(i)).join(sep);
const nest = (depth: number, inner: string) => {
  let s = inner;
  for (let i = 0; i < depth; i++) s = `parent { ${s} }`;
  return `{ organisation(id: "org:unicef") { ${s} } }`;
};

const cases: Case[] = [
  // Depth
  { category: "depth", name: "depth at the limit", body: q(nest(10, "id")), expect: { ok: true } },
  { category: "depth", name: "depth over the limit", body: q(nest(12, "id")), expect: { refused: LIMIT } },
  { category: "depth", name: "depth 100", body: q(nest(100, "id")), expect: { refused: LIMIT } },
  { category: "depth", name: "deep through fragments", body: q(`{ organisation(id: "org:unicef") { ...F } } fragment F on Organisation { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } } } } } } }`), expect: { refused: LIMIT } },
  { category: "depth", name: "deep introspection ofType chain", statusFix: true, body: q(`{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } }`), expect: { ok: true }, withinMs: 5_000 },
  { category: "depth", name: "deep nested lists", body: q(`{ speakers { edges { node { claims { edges { node { about { ... on Person { claims { edges { node { about { id } } } } } } } } } } } } }`), expect: { refused: LIMIT } },

  // Aliases
  { category: "aliases", name: "30 aliases (the limit)", body: q(`{ ${repeat(30, (i) => `a${i}: organisation(id: "org:unicef") { id }`)} }`), expect: { ok: true } },
  { category: "aliases", name: "31 aliases", body: q(`{ ${repeat(31, (i) => `a${i}: organisation(id: "org:unicef") { id }`)} }`), expect: { refused: LIMIT } },
  { category: "aliases", name: "31 __typename aliases", body: q(`{ ${repeat(31, (i) => `t${i}: __typename`)} }`), expect: { refused: LIMIT } },
  { category: "aliases", name: "1000 __typename aliases", statusFix: true, body: q(`{ ${repeat(1000, (i) => `t${i}: __typename`)} }`), expect: { refused: LIMIT } },
  { category: "aliases", name: "30 aliases of a heavy export", body: q(`{ ${repeat(30, (i) => `e${i}: graphExport(format: GEXF, includePassages: true)`)} }`), expect: { refused: LIMIT } },
  { category: "aliases", name: "30 aliases of the document text", body: q(`{ ${repeat(30, (i) => `d${i}: document(id: "document:zhusan-2021-01-08") { text }`)} }`), expect: { ok: true } },
  { category: "aliases", name: "aliases hidden in fragments", body: q(`{ ...F ...G } fragment F on Query { ${repeat(16, (i) => `f${i}: __typename`)} } fragment G on Query { ${repeat(16, (i) => `g${i}: __typename`)} }`), expect: { refused: LIMIT } },
  { category: "aliases", name: "30 aliases of a default-page chain", body: q(`{ ${repeat(30, (i) => `a${i}: speakers { edges { node { claims { edges { node { about { id } } } } } } }`)} }`), expect: { refused: LIMIT } },

  // Fragments
  { category: "fragments", name: "a fragment spreading itself", body: q(`{ ...F } fragment F on Query { ...F }`), expect: { refused: INVALID } },
  { category: "fragments", name: "two fragments spreading each other", body: q(`{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }`), expect: { refused: INVALID } },
  { category: "fragments", name: "an unknown fragment", body: q(`{ ...Nope }`), expect: { refused: INVALID } },
  { category: "fragments", name: "an unused fragment", body: q(`{ __typename } fragment F on Query { __typename }`), expect: { refused: INVALID } },
  { category: "fragments", name: "a fragment on a wrong type", body: q(`{ organisation(id: "org:unicef") { ... on Person { name } id } }`), expect: { refused: INVALID } },
  { category: "fragments", name: "fragment fan-out (a billion laughs)", body: q(`{ ...A } fragment A on Query { ...B ...B ...B ...B ...B ...B ...B ...B ...B ...B } fragment B on Query { ...C ...C ...C ...C ...C ...C ...C ...C ...C ...C } fragment C on Query { ...D ...D ...D ...D ...D ...D ...D ...D ...D ...D } fragment D on Query { organisations { edges { node { id } } } }`), expect: { refused: LIMIT } },
  { category: "fragments", name: "inline fragments on an interface", body: q(`{ node(id: "org:unicef") { id ... on Organisation { name } ... on Person { name } } }`), expect: { ok: true } },

  // Directives
  { category: "directives", name: "@skip(if: true)", body: q(`{ organisation(id: "org:unicef") { id name @skip(if: true) } }`), expect: { ok: true } },
  { category: "directives", name: "21 directives", body: q(`{ __typename ${repeat(21, () => "@include(if: true)")} }`), expect: { refused: [...LIMIT, ...INVALID] } },
  { category: "directives", name: "an unknown directive", body: q(`{ __typename @nope }`), expect: { refused: INVALID } },
  { category: "directives", name: "@include without if", body: q(`{ __typename @include }`), expect: { refused: INVALID } },
  { category: "directives", name: "@skip with a string", body: q(`{ __typename @skip(if: "yes") }`), expect: { refused: INVALID } },
  { category: "directives", name: "@deprecated on a query field", body: q(`{ __typename @deprecated }`), expect: { refused: INVALID } },
  { category: "directives", name: "1000 directives", statusFix: true, body: q(`{ __typename ${repeat(1000, () => "@skip(if: false)")} }`), expect: { refused: [...LIMIT, ...INVALID] } },

  // Numbers
  { category: "numbers", name: "first: 0", body: q(`{ organisations(first: 0) { edges { node { id } } } }`), expect: { ok: true } },
  { category: "numbers", name: "first: -1", body: q(`{ organisations(first: -1) { edges { node { id } } } }`), expect: { fieldError: BAD_INPUT } },
  { category: "numbers", name: "first: 101", body: q(`{ organisations(first: 101) { edges { node { id } } } }`), expect: { fieldError: BAD_INPUT } },
  { category: "numbers", name: "first: 2^31 - 1", body: q(`{ organisations(first: 2147483647) { edges { node { id } } } }`), expect: { fieldError: BAD_INPUT } },
  { category: "numbers", name: "first: 2^31 (not an Int)", body: q(`{ organisations(first: 2147483648) { edges { node { id } } } }`), expect: { refused: INVALID } },
  { category: "numbers", name: "first: 1e9 as a float", body: q(`{ organisations(first: 1.5) { edges { node { id } } } }`), expect: { refused: INVALID } },
  { category: "numbers", name: "first: a huge literal", body: q(`{ organisations(first: ${"9".repeat(400)}) { edges { node { id } } } }`), expect: { refused: INVALID } },
  { category: "numbers", name: "neighbourhood depth 4", body: q(`{ neighbourhood(id: "org:unicef", depth: 4) { nodes { id } } }`), expect: { fieldError: BAD_INPUT } },
  { category: "numbers", name: "neighbourhood depth -1", body: q(`{ neighbourhood(id: "org:unicef", depth: -1) { nodes { id } } }`), expect: { fieldError: BAD_INPUT } },
  { category: "numbers", name: "neighbourhood limit 1000000", body: q(`{ neighbourhood(id: "org:unicef", limit: 1000000) { nodes { id } } }`), expect: { fieldError: BAD_INPUT } },
  { category: "numbers", name: "shortestPath maxLength 11", body: q(`{ shortestPath(from: "org:unicef", to: "country:KZ", maxLength: 11) { nodes { id } } }`), expect: { fieldError: BAD_INPUT } },
  { category: "numbers", name: "evidence(first: 1000)", body: q(`{ person(id: "person:yerzhan-ashykbayev") { referencedOrganisations { evidence(first: 1000) { surface } } } }`), expect: { fieldError: BAD_INPUT } },
  { category: "numbers", name: "search first 0", body: q(`{ search(query: "UNICEF", first: 0) { score } }`), expect: { fieldError: [...BAD_INPUT, "ok"] } },
  { category: "numbers", name: "quantity filter with NaN-ish", body: q(`{ claims(quantity: { min: "NaN" }) { totalCount } }`), expect: { refused: INVALID } },
  { category: "numbers", name: "graphExport depth 99", body: q(`{ graphExport(format: GRAPHML, rootId: "org:unicef", depth: 99) }`), expect: { fieldError: BAD_INPUT } },

  // Sizes
  { category: "sizes", name: "a 99 kB query of whitespace", body: q(`{ __typename ${" ".repeat(99_000)}}`), expect: { ok: true } },
  { category: "sizes", name: "a body over 100 kB", body: q(`{ __typename }`, { pad: "x".repeat(120_000) }), expect: { status: [413] } },
  { category: "sizes", name: "1,500 fields", body: q(`{ ${repeat(1500, () => "__typename")} }`), expect: { refused: [...LIMIT, ...INVALID] } },
  { category: "sizes", name: "a 10 kB string argument", body: q(`{ organisation(id: "${"a".repeat(10_000)}") { id } }`), expect: { fieldError: BAD_INPUT } },
  { category: "sizes", name: "a 100,000-character comment", body: q(`# ${"x".repeat(90_000)}\n{ __typename }`), expect: { ok: true } },
  { category: "sizes", name: "many fields, no aliases", body: q(`{ organisation(id: "org:unicef") { ${repeat(500, () => "id")} } }`), expect: { ok: true } },
  { category: "sizes", name: "a page of 100 with long texts", body: q(`{ claims(first: 100) { edges { node { text } } } }`), expect: { ok: true } },
  { category: "sizes", name: "every export with passages at once", body: q(`{ a: graphExport(format: GEXF, includePassages: true) b: graphExport(format: GRAPHML, includePassages: true) c: graphExport(format: CYTOSCAPE_JSON, includePassages: true) }`), expect: { ok: true }, withinMs: 8_000 },

  // Variables
  { category: "variables", name: "a string for an Int", statusFix: true, body: q(`query ($f: Int) { claims(first: $f) { totalCount } }`, { f: "ten" }), expect: { refused: BAD_INPUT } },
  { category: "variables", name: "a missing ID!", statusFix: true, body: q(`query ($id: ID!) { organisation(id: $id) { id } }`, {}), expect: { refused: BAD_INPUT } },
  { category: "variables", name: "null for ID!", statusFix: true, body: q(`query ($id: ID!) { organisation(id: $id) { id } }`, { id: null }), expect: { refused: BAD_INPUT } },
  { category: "variables", name: "an object for ID!", statusFix: true, body: q(`query ($id: ID!) { organisation(id: $id) { id } }`, { id: { $ne: 1 } }), expect: { refused: BAD_INPUT } },
  { category: "variables", name: "an unknown enum value", statusFix: true, body: q(`query ($t: [EntityType!]) { search(query: "x", types: $t) { score } }`, { t: ["NOPE"] }), expect: { refused: BAD_INPUT } },
  { category: "variables", name: "an undeclared variable", body: q(`{ organisation(id: $id) { id } }`, { id: "org:unicef" }), expect: { refused: INVALID } },
  { category: "variables", name: "an unused variable", body: q(`query ($x: Int) { __typename }`, { x: 1 }), expect: { refused: INVALID } },
  { category: "variables", name: "variables as an array", statusFix: true, body: q(`query ($id: ID!) { organisation(id: $id) { id } }`, ["org:unicef"]), expect: { refused: MALFORMED } },
  { category: "variables", name: "variables as a string", statusFix: true, body: q(`query ($id: ID!) { organisation(id: $id) { id } }`, "org:unicef"), expect: { refused: MALFORMED } },
  { category: "variables", name: "a 10,000-element list", body: q(`query ($t: [EntityType!]) { search(query: "UNICEF", types: $t, first: 1) { score } }`, { t: Array.from({ length: 10_000 }, () => "PERSON") }), expect: { ok: true } },
  { category: "variables", name: "a variable cursor of garbage", body: q(`query ($a: String) { organisations(after: $a) { totalCount } }`, { a: "%%%%" }), expect: { fieldError: BAD_INPUT } },
  { category: "variables", name: "first over the maximum through a variable", body: q(`query ($f: Int) { organisations(first: $f) { edges { node { id } } } }`, { f: 100000 }), expect: { fieldError: BAD_INPUT } },
  // JSON nested thousands deep fits in a small body; refused before anything walks it.
  { category: "variables", name: "a 40,000-deep list for a list variable", http: rawPost(`{"query":"query ($t: [EntityType!]) { search(query: \\"x\\", types: $t) { score } }","variables":{"t":${"[".repeat(40_000)}${"]".repeat(40_000)}}}`), expect: { refused: ["BAD_REQUEST"] } },
  { category: "variables", name: "a 15,000-deep object as an unused variable", http: rawPost(`{"query":"{ __typename }","variables":{"o":${'{"a":'.repeat(15_000)}1${"}".repeat(15_000)}}}`), expect: { refused: ["BAD_REQUEST"] } },
  { category: "variables", name: "a 15,000-deep object for an ID", http: rawPost(`{"query":"query ($id: ID!) { node(id: $id) { id } }","variables":{"id":${'{"a":'.repeat(15_000)}1${"}".repeat(15_000)}}}`), expect: { refused: ["BAD_REQUEST"] } },
  { category: "variables", name: "a 15,000-deep object in extensions", http: rawPost(`{"query":"{ __typename }","extensions":{"e":${'{"a":'.repeat(15_000)}1${"}".repeat(15_000)}}}`), expect: { refused: ["BAD_REQUEST"] } },
  { category: "variables", name: "a 1,000-deep list in a GET's variables", http: { method: "GET", path: `/graphql?query=${encodeURIComponent("query ($t: [EntityType!]) { search(query: \"x\", types: $t) { score } }")}&variables=${encodeURIComponent(`{"t":${"[".repeat(1_000)}${"]".repeat(1_000)}}`)}`, headers: { accept: "application/graphql-response+json" } }, expect: { refused: ["BAD_REQUEST"] } },
  { category: "variables", name: "__proto__ in variables", statusFix: true, body: JSON.parse(`{"query":"query ($id: ID!) { organisation(id: $id) { id } }","variables":{"__proto__":{"id":"org:unicef"}}}`), expect: { refused: BAD_INPUT } },

  // Operations
  { category: "operations", name: "two anonymous operations", body: q(`{ __typename } { __typename }`), expect: { refused: INVALID } },
  { category: "operations", name: "two named, no operationName", statusFix: true, body: q(`query A { __typename } query B { __typename }`), expect: { refused: MALFORMED } },
  { category: "operations", name: "an unknown operationName", statusFix: true, body: q(`query A { __typename }`, undefined, "B"), expect: { refused: MALFORMED } },
  { category: "operations", name: "the right operationName", body: q(`query A { __typename } query B { health { neo4j } }`, undefined, "B"), expect: { ok: true } },
  { category: "operations", name: "a mutation that writes nothing", body: q(`mutation { __typename }`), expect: { ok: true } },
  { category: "operations", name: "a write without a key", statusFix: true, body: q(`mutation { retract(input: { id: "org:unicef", reason: "x" }) { factId } }`), expect: { refused: ["UNAUTHENTICATED"] } },
  { category: "operations", name: "a write with a forged key", http: { path: "/graphql", method: "POST", headers: { "content-type": "application/json", authorization: `Bearer kg_AAAAAAAAAAAA_${"A".repeat(43)}` }, body: JSON.stringify(q(`mutation { retract(input: { id: "org:unicef", reason: "x" }) { factId } }`)) }, expect: { refused: ["UNAUTHENTICATED"] } },
  { category: "operations", name: "a write with a malformed Authorization", http: { path: "/graphql", method: "POST", headers: { "content-type": "application/json", authorization: "Basic dXNlcjpwYXNz" }, body: JSON.stringify(q(`{ __typename }`)) }, expect: { refused: ["UNAUTHENTICATED"] } },
  { category: "operations", name: "a mutation of 1,000 aliased writes", body: q(`mutation { ${repeat(1000, (i) => `w${i}: retract(input: { id: "org:unicef", reason: "x" }) { factId }`)} }`), expect: { refused: [...LIMIT, ...INVALID] } },
  { category: "operations", name: "a subscription", statusFix: true, body: q(`subscription { __typename }`), expect: { refused: [...INVALID, ...MALFORMED] } },
  { category: "operations", name: "an empty document", statusFix: true, body: q(``), expect: { refused: [...PARSE, ...MALFORMED] } },
  { category: "operations", name: "a syntax error", statusFix: true, body: q(`{ __typename `), expect: { refused: PARSE } },
  { category: "operations", name: "an unknown field", body: q(`{ shoeSize }`), expect: { refused: INVALID } },
  { category: "operations", name: "a field on a scalar", body: q(`{ health { neo4j { x } } }`), expect: { refused: INVALID } },
  { category: "operations", name: "only a fragment", body: q(`fragment F on Query { __typename }`), expect: { refused: [...INVALID, ...MALFORMED] } },

  // Batches
  { category: "batches", name: "a batched array of two", statusFix: true, body: [q(`{ __typename }`), q(`{ __typename }`)], expect: { refused: MALFORMED } },
  { category: "batches", name: "a batched array of 1000", statusFix: true, body: Array.from({ length: 1000 }, () => q(`{ __typename }`)), expect: { refused: MALFORMED } },
  { category: "batches", name: "an empty array", statusFix: true, body: [], expect: { refused: MALFORMED } },

  // Introspection
  { category: "introspection", name: "the full introspection query", body: q(getIntrospectionQuery()), expect: { ok: true } },
  { category: "introspection", name: "types, fields and args", body: q(`{ __schema { queryType { name } types { name kind fields { name args { name } } } } }`), expect: { ok: true } },
  { category: "introspection", name: "__type by name", body: q(`{ __type(name: "Organisation") { fields { name } } }`), expect: { ok: true } },
  { category: "introspection", name: "__type of nothing", body: q(`{ __type(name: "Nope") { name } }`), expect: { ok: true } },
  { category: "introspection", name: "30 aliased __schema", body: q(`{ ${repeat(30, (i) => `s${i}: __schema { types { name } }`)} }`), expect: { refused: LIMIT } },
  { category: "introspection", name: "5 aliased full introspections", body: q(`{ ${repeat(5, (i) => `s${i}: __schema { types { name fields { name type { name } args { name } } } }`)} }`), expect: { ok: true } },
  { category: "introspection", name: "__typename on every level", body: q(`{ __typename organisation(id: "org:unicef") { __typename parent { __typename id } } }`), expect: { ok: true } },

  // Search text
  ...[
    ['"unterminated', "a lone quote"],
    ["AND OR NOT", "operators only"],
    ["*", "a wildcard"],
    ["UNICEF~", "fuzzy syntax"],
    ["(((((", "brackets"],
    ["\\", "a backslash"],
    ["title:UNICEF", "a field query"],
    ["'; MATCH (n) DETACH DELETE n //", "Cypher in the text"],
    ["<script>alert(1)</script>", "HTML"],
    ["👍🏽 Казахстан", "emoji and Cyrillic"],
    ["\u0000", "a NUL"],
    ["a".repeat(200), "200 characters"],
  ].map(
    ([text, name]): Case => ({ category: "search", name: `search: ${name}`, body: q(`query ($q: String!) { search(query: $q, first: 5) { score snippet node { id } } }`, { q: text }), expect: { ok: true } }),
  ),
  { category: "search", name: "search: empty", body: q(`{ search(query: "") { score } }`), expect: { fieldError: BAD_INPUT } },
  { category: "search", name: "search: blanks only", body: q(`{ search(query: "   ") { score } }`), expect: { fieldError: BAD_INPUT } },
  { category: "search", name: "search: 201 characters", body: q(`query ($q: String!) { search(query: $q) { score } }`, { q: "a".repeat(201) }), expect: { fieldError: BAD_INPUT } },
  { category: "search", name: "search: 100,000 characters", body: q(`query ($q: String!) { search(query: $q) { score } }`, { q: "a ".repeat(45_000) }), expect: { fieldError: BAD_INPUT } },

  // Ids
  ...["UNICEF", "org:", ":x", "org:un icef", "org:../../etc/passwd", "org:%00", "org:unicef' OR 1=1", "x".repeat(1000), "org:ü"].map(
    (id): Case => ({ category: "ids", name: `id ${JSON.stringify(id.slice(0, 30))}`, body: q(`query ($id: ID!) { node(id: $id) { id } }`, { id }), expect: { fieldError: BAD_INPUT } }),
  ),
  { category: "ids", name: "an unknown well-formed id", body: q(`{ node(id: "org:nobody") { id } }`), expect: { ok: true } },
  { category: "ids", name: "an id of another type", body: q(`{ person(id: "org:unicef") { id } }`), expect: { ok: true } },
  { category: "ids", name: "an integer id", body: q(`{ node(id: 12) { id } }`), expect: { fieldError: BAD_INPUT } },
  { category: "ids", name: "neighbourhood of an unknown id", body: q(`{ neighbourhood(id: "org:nobody") { nodes { id } } }`), expect: { ok: true } },
  { category: "ids", name: "shortestPath between malformed ids", body: q(`{ shortestPath(from: "x", to: "y") { nodes { id } } }`), expect: { fieldError: BAD_INPUT } },

  // Cursors
  ...["%%%", "e30=", "bnVsbA==", "WzEsMiwzXQ==", Buffer.from(JSON.stringify({ k: ["x"], id: "org:unicef" })).toString("base64"), Buffer.from("x".repeat(5000)).toString("base64"), "a".repeat(10_000)].map(
    (after, i): Case => ({ category: "cursors", name: `cursor ${i}: ${after.slice(0, 16)}`, body: q(`query ($a: String) { organisations(first: 2, after: $a) { edges { node { id } } } }`, { a: after }), expect: { fieldError: BAD_INPUT } }),
  ),
  { category: "cursors", name: "a cursor of another list", body: null as unknown, expect: { fieldError: [...BAD_INPUT, "ok"] } },

  // HTTP
  { category: "http", name: "GET /graphql with a query and no preflight header", http: { method: "GET", path: `/graphql?query=${encodeURIComponent("{ __typename }")}` }, expect: { status: [400, 405, 415] } },
  { category: "http", name: "PUT /graphql", http: { method: "PUT", path: "/graphql", headers: { "content-type": "application/json" }, body: JSON.stringify(q("{ __typename }")) }, expect: { status: [400, 404, 405] } },
  { category: "http", name: "DELETE /graphql", http: { method: "DELETE", path: "/graphql" }, expect: { status: [400, 404, 405] } },
  { category: "http", name: "text/plain body", http: { method: "POST", path: "/graphql", headers: { "content-type": "text/plain" }, body: JSON.stringify(q("{ __typename }")) }, expect: { status: [400, 415] } },
  { category: "http", name: "a form body", http: { method: "POST", path: "/graphql", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "query=%7B__typename%7D" }, expect: { status: [400, 415] } },
  { category: "http", name: "JSON that does not parse", http: { method: "POST", path: "/graphql", headers: { "content-type": "application/json" }, body: '{"query": ' }, expect: { status: [400] } },
  { category: "http", name: "JSON null", http: { method: "POST", path: "/graphql", headers: { "content-type": "application/json" }, body: "null" }, expect: { status: [400] } },
  { category: "http", name: "a JSON number", http: { method: "POST", path: "/graphql", headers: { "content-type": "application/json" }, body: "42" }, expect: { status: [400] } },
  { category: "http", name: "query as a number", http: { method: "POST", path: "/graphql", headers: { "content-type": "application/json" }, body: '{"query": 1}' }, expect: { status: [400] } },
  { category: "http", name: "a deeply nested JSON body", http: { method: "POST", path: "/graphql", headers: { "content-type": "application/json" }, body: `{"query":"{ __typename }","variables":${"[".repeat(5000)}${"]".repeat(5000)}}` }, expect: { status: [400] } },
  { category: "http", name: "an unknown path", http: { method: "GET", path: "/nope" }, expect: { status: [404] } },
  { category: "http", name: "a path traversal on the explorer", http: { method: "GET", path: "/explorer/..%2f..%2fpackage.json" }, expect: { status: [400, 403, 404] } },
  { category: "http", name: "a hostile request id is replaced", http: { method: "GET", path: "/healthz", headers: { "x-request-id": "<script>" } }, expect: { status: [200] } },
  { category: "http", name: "/readyz", http: { method: "GET", path: "/readyz" }, expect: { status: [200] } },

  // Exports
  { category: "exports", name: "export of the whole graph", http: { method: "GET", path: "/exports/graph.graphml" }, expect: { status: [200] }, withinMs: 5_000 },
  { category: "exports", name: "export with passages", http: { method: "GET", path: "/exports/graph.gexf?includePassages=true" }, expect: { status: [200] }, withinMs: 5_000 },
  { category: "exports", name: "export of an unknown format", http: { method: "GET", path: "/exports/graph.exe" }, expect: { status: [404] } },
  { category: "exports", name: "export with depth 99", http: { method: "GET", path: "/exports/graph.json?rootId=org:unicef&depth=99" }, expect: { status: [400] } },
  { category: "exports", name: "export with depth abc", http: { method: "GET", path: "/exports/graph.json?rootId=org:unicef&depth=abc" }, expect: { status: [400] } },
  { category: "exports", name: "export with a malformed root", http: { method: "GET", path: "/exports/graph.json?rootId=%27%20OR%201=1" }, expect: { status: [400] } },
  { category: "exports", name: "export with an unknown root", http: { method: "GET", path: "/exports/graph.json?rootId=org:nobody" }, expect: { status: [404] } },
  { category: "exports", name: "export with rootId twice", http: { method: "GET", path: "/exports/graph.json?rootId=org:unicef&rootId=org:icrc" }, expect: { status: [400] } },
  { category: "exports", name: "export with includePassages=maybe", http: { method: "GET", path: "/exports/graph.json?includePassages=maybe" }, expect: { status: [400] } },
  { category: "exports", name: "graphExport with an unknown root", body: q(`{ graphExport(format: GEXF, rootId: "org:nobody") }`), expect: { fieldError: BAD_INPUT } },
  { category: "exports", name: "graphExport with an unknown format", body: q(`{ graphExport(format: EXE) }`), expect: { refused: INVALID } },
];

/** What must never reach a client. */
const INTERNAL = [/\bat \S+ \(/, /node_modules/, /\/work\//, /\.ts:\d+/, /Neo4jError/, /neo4j-driver/i, /bolt:\/\//, /\bMATCH \(/, /Pool status/, /stacktrace/, /"exception"/];

describe("a hostile client's corpus", () => {
  let server: TestServer;
  /** Whether client errors already get their 4xx status and code (a syntax error is the probe). */
  let statusFixed = false;
  beforeAll(async () => {
    server = await startTestServer({ NODE_ENV: "production" });
    const probe = await fetch(`${server.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
      body: JSON.stringify({ query: "{ __typename " }),
    });
    statusFixed = probe.status === 400;
    // Warm up: the first request compiles plans and fills the pool.
    await server.gql(`{ organisation(id: "org:unicef") { id } }`);
    // A cursor of one list used on another.
    const page = await server.gql(`{ claims(first: 1) { pageInfo { endCursor } } }`);
    const cursor = page.body.data.claims.pageInfo.endCursor as string;
    cases.find((c) => c.name === "a cursor of another list")!.body = q(`query ($a: String) { organisations(first: 2, after: $a) { edges { node { id } } } }`, { a: cursor });
  });
  afterAll(() => server.close());

  it("has at least 100 requests across every category", () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    const categories = new Set(cases.map((c) => c.category));
    for (const c of ["depth", "aliases", "fragments", "directives", "numbers", "sizes", "variables", "operations", "batches", "introspection", "search", "ids", "cursors", "http", "exports"]) {
      expect(categories, c).toContain(c);
    }
  });

  it.for(cases.map((c) => [`${c.category}: ${c.name}`, c] as const))("%s", async ([, c], testContext) => {
    // Reported as skipped, not passed, until client errors get their status.
    if (c.statusFix && !statusFixed) testContext.skip();
    const started = performance.now();
    const res = c.http
      ? await fetch(`${server.baseUrl}${c.http.path}`, { method: c.http.method ?? "GET", headers: c.http.headers, body: c.http.body })
      : await fetch(`${server.baseUrl}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
          body: JSON.stringify(c.body),
        });
    const text = await res.text();
    const ms = performance.now() - started;
    const context = `${res.status} ${text.slice(0, 400)}`;

    expect(res.status, context).toBeLessThan(500);
    expect(ms, context).toBeLessThan(c.withinMs ?? 5_000);
    for (const pattern of INTERNAL) expect(text, `${pattern} in ${context}`).not.toMatch(pattern);

    const e = c.expect;
    if ("status" in e) {
      expect(e.status, context).toContain(res.status);
      return;
    }
    const body = JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    const codes = (body.errors ?? []).map((x) => x.extensions?.code);
    if ("ok" in e) {
      expect(res.status, context).toBe(200);
      expect(body.errors, context).toBeUndefined();
      expect(body.data, context).toBeTruthy();
    } else if ("refused" in e) {
      expect(res.status, context).toBeGreaterThanOrEqual(400);
      expect(body.data ?? null, context).toBeNull();
      expect(codes.length, context).toBeGreaterThan(0);
      for (const code of codes) expect(e.refused, context).toContain(code);
    } else {
      // An execution error: data may be partial; the failing field carries the code.
      if (e.fieldError.includes("ok") && codes.length === 0) return;
      expect(codes.length, context).toBeGreaterThan(0);
      for (const code of codes) expect(e.fieldError, context).toContain(code);
    }
  });
});
