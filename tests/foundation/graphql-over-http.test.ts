import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditServer, type AuditResult } from "graphql-http";
import { startTestServer, type TestServer } from "../support/test-server.js";

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
