import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";

/**
 * An unexpected error (here: the configured database does not exist, which the driver reports with
 * its own words) shows a fixed message and the request id, in every NODE_ENV; the details are in the
 * log under that id. Only EXPOSE_ERRORS=true puts them in the response.
 */
const QUERY = `{ country(id: "country:KZ") { name } }`;

describe.each([
  ["unset (development)", { NODE_ENV: "development" }],
  ["production", { NODE_ENV: "production" }],
  ["test", { NODE_ENV: "test" }],
])("an unexpected error with NODE_ENV %s", (_name, env) => {
  let server: TestServer;
  const log: Array<Record<string, any>> = [];
  beforeAll(async () => {
    server = await startTestServer({ ...env, NEO4J_DATABASE: "no-such-database" }, { log });
  });
  afterAll(() => server.close());

  it("answers a fixed message with the request id, and nothing of the cause", async () => {
    const res = await server.gql(QUERY);
    const requestId = res.headers.get("x-request-id");
    expect(requestId).toBeTruthy();
    expect(res.body.errors).toEqual([
      { message: "Internal server error", locations: [{ line: 1, column: 3 }], path: ["country"], extensions: { code: "INTERNAL_SERVER_ERROR", requestId } },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/no-such-database|stacktrace|Neo4j|\.ts:|\/work\//i);
  });

  it("logs the error's message and stack under the same request id", async () => {
    const res = await server.gql(QUERY);
    const requestId = res.headers.get("x-request-id");
    const entry = log.find((line) => line.msg === "unexpected error" && line.requestId === requestId);
    expect(entry).toBeDefined();
    expect(entry!.err.message).toMatch(/no-such-database/);
    expect(entry!.err.stack).toMatch(/\n\s+at /);
  });
});

describe("EXPOSE_ERRORS=true", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ NODE_ENV: "production", EXPOSE_ERRORS: "true", NEO4J_DATABASE: "no-such-database" });
  });
  afterAll(() => server.close());

  it("shows the real message and the stack, for debugging", async () => {
    const res = await server.gql(QUERY);
    const [error] = res.body.errors!;
    expect(error!.extensions!.code).toBe("INTERNAL_SERVER_ERROR");
    expect(error!.message).toMatch(/no-such-database/);
    expect(Array.isArray(error!.extensions!.stacktrace)).toBe(true);
  });
});

/** Pages of the maximum size nested four deep: every size allowed, the product over MAX_QUERY_COST. */
const COSTLY = "{ speakers(first: 100) { edges { node { claims(first: 100) { edges { node { about { ... on Person { claims(first: 100) { edges { node { text } } } } } } } } } } } }";

describe("limit refusals are marked where they are raised", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ NODE_ENV: "production" });
  });
  afterAll(() => server.close());

  const code = async (query: string) => (await server.gql(query)).body.errors?.map((e) => e.extensions?.code);

  it("tokens, depth, aliases and cost answer QUERY_TOO_COMPLEX; a syntax error of a long document does not", async () => {
    expect(await code(`{ ${"__typename ".repeat(3000)} }`)).toEqual(["QUERY_TOO_COMPLEX"]);
    expect(await code(COSTLY)).toEqual(["QUERY_TOO_COMPLEX"]);
    // A page of billions is the caller's input error, named by its argument, not a cost.
    expect(await code(`{ speakers(first: 1000000000) { totalCount } }`)).toEqual(["BAD_USER_INPUT"]);
    // A syntax error before the token limit is reached is a syntax error, however long the rest is.
    expect(await code(`{ { ${"__typename ".repeat(3000)} }`)).toEqual(["GRAPHQL_PARSE_FAILED"]);
    // Exactly MAX_TOKENS tokens parse: 15 tokens around the list of enum values.
    const withTokens = (n: number) => `{ search(query: "unicef", types: [${"CLAIM ".repeat(n - 15)}]) { type } }`;
    expect(await code(withTokens(server.config.MAX_TOKENS))).toBeUndefined();
    expect(await code(withTokens(server.config.MAX_TOKENS + 1))).toEqual(["QUERY_TOO_COMPLEX"]);
  });
});
