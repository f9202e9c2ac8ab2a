import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditServer, type AuditResult } from "graphql-http";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { rawRequest } from "../support/raw-http.js";

/**
 * graphql-http's audit: the GraphQL-over-HTTP spec's own checks, run against the service. Every
 * MUST and every SHOULD (all of the status-code ones among them) passes; the MAYs are reported.
 */
describe.each(["development", "production"])("GraphQL over HTTP audit (NODE_ENV=%s)", (env) => {
  let server: TestServer;
  let results: AuditResult[];
  beforeAll(async () => {
    server = await startTestServer({ NODE_ENV: env });
    results = await auditServer({ url: `${server.baseUrl}/graphql` });
  });
  afterAll(() => server.close());

  it("runs the whole audit", () => {
    expect(results.length).toBeGreaterThan(50);
  });

  it("passes every MUST and every SHOULD", () => {
    const failed = results
      .filter((r) => /^(MUST|SHOULD)/.test(r.name) && r.status !== "ok")
      .map((r) => `${r.id} ${r.name}: ${"reason" in r ? r.reason : ""}`);
    expect(failed).toEqual([]);
  });

  it("passes the status-code checks by name", () => {
    const byId = new Map(results.map((r) => [r.id, r.status]));
    // 400 under application/graphql-response+json; 200 under application/json (parse, validation, variables).
    for (const id of ["556A", "74FF", "86EE", "572B", "FDE2", "7B9B", "BCF8", "B7N8", "9ABE"]) expect([id, byId.get(id)]).toEqual([id, "ok"]);
  });
});

/**
 * The spec's watershed (2025-01-01): a request without `accept` is treated as if it had `accept:
 * application/graphql-response+json`. Sent with node:http, since fetch adds `accept: *\/*`.
 */
describe("a request without accept", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const post = (body: unknown, accept?: string) =>
    rawRequest(`${server.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(accept === undefined ? {} : { accept }) },
      body: JSON.stringify(body),
    });
  const typeOf = (res: { headers: { "content-type"?: string } }) => res.headers["content-type"]?.split(";")[0];
  const codesOf = (res: { text: string }) => (JSON.parse(res.text) as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.map((e) => e.extensions?.code);

  it("is answered in application/graphql-response+json, 200 when it runs", async () => {
    const res = await post({ query: "{ __typename }" });
    expect(res.status).toBe(200);
    expect(typeOf(res)).toBe("application/graphql-response+json");
    expect(JSON.parse(res.text)).toEqual({ data: { __typename: "Query" } });
  });

  it.each([
    ["a document that does not parse", { query: "{ __typename " }, "GRAPHQL_PARSE_FAILED"],
    ["a document that does not validate", { query: "{ shoeSize }" }, "GRAPHQL_VALIDATION_FAILED"],
    ["variables that do not fit", { query: "query ($id: ID!) { node(id: $id) { id } }", variables: { id: { a: 1 } } }, "BAD_USER_INPUT"],
  ])("gets 400 for %s, as with accept: application/graphql-response+json", async (_name, body, code) => {
    const bare = await post(body);
    expect([bare.status, typeOf(bare), codesOf(bare)]).toEqual([400, "application/graphql-response+json", [code]]);
    const asked = await post(body, "application/graphql-response+json");
    expect([asked.status, typeOf(asked), codesOf(asked)]).toEqual([400, "application/graphql-response+json", [code]]);
  });

  it.each(["application/json", "*/*"])("keeps the legacy application/json, 200 for the same failures, for accept: %s", async (accept) => {
    for (const [body, code] of [
      [{ query: "{ __typename " }, "GRAPHQL_PARSE_FAILED"],
      [{ query: "{ shoeSize }" }, "GRAPHQL_VALIDATION_FAILED"],
    ] as const) {
      const res = await post(body, accept);
      expect([res.status, typeOf(res), codesOf(res)]).toEqual([200, "application/json", [code]]);
    }
  });

  it("a refusal Apollo raises before running anything carries the same type", async () => {
    const res = await post({ query: "query A { __typename }", operationName: "B" });
    expect([res.status, typeOf(res), codesOf(res)]).toEqual([400, "application/graphql-response+json", ["BAD_REQUEST"]]);
  });
});
