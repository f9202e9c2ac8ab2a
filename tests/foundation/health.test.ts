import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";

describe("the service over HTTP against the real Neo4j", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("answers the health query with counts read from Neo4j", async () => {
    const session = server.driver.session();
    const before = await session.run("MATCH (n) RETURN count(n) AS n");
    await session.close();
    const expected = Number(before.records[0]!.get("n"));

    const res = await server.gql("{ health { neo4j nodeCount relationshipCount } }");
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.health.neo4j).toBe(true);
    expect(res.body.data.health.nodeCount).toBe(expected);
    expect(server.dbQueries(res)).toBe(1);
  });

  it("says neo4j: false within a second when Neo4j does not answer, and fails the counts", async () => {
    const down = await startTestServer({}, { neo4jUri: "bolt://127.0.0.1:1" });
    try {
      const started = performance.now();
      const res = await down.gql("{ health { neo4j } }");
      expect(performance.now() - started).toBeLessThan(1_500);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.health.neo4j).toBe(false);
      const counts = await down.gql("{ health { neo4j nodeCount } }");
      expect(counts.body.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
      const ready = await fetch(`${down.baseUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: "unavailable", neo4j: "down" });
    } finally {
      await down.close();
    }
  });

  it("serves /healthz and /readyz", async () => {
    const live = await fetch(`${server.baseUrl}/healthz`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${server.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", neo4j: "up" });
  });

  it("echoes a request id for log correlation", async () => {
    const res = await fetch(`${server.baseUrl}/healthz`, { headers: { "x-request-id": "abc-123" } });
    expect(res.headers.get("x-request-id")).toBe("abc-123");
  });

  it("refuses a cross-site simple request (CSRF prevention)", async () => {
    const res = await fetch(`${server.baseUrl}/graphql?query=${encodeURIComponent("{ health { neo4j } }")}`);
    expect(res.status).toBe(400);
  });
});
