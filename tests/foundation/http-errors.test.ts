import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** Requests that never reach GraphQL still get a coded JSON error, never express's HTML page. */
describe("HTTP-level errors", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ NODE_ENV: "production" });
  });
  afterAll(() => server.close());

  const post = (body: string) =>
    fetch(`${server.baseUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body });

  it("a body that is not JSON: 400 BAD_REQUEST", async () => {
    const res = await post('{"query": "{ health { neo4j } }"');
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(await res.json()).toEqual({
      errors: [{ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }],
    });
  });

  it("a body over the size limit: 413 BAD_REQUEST, and the server keeps serving", async () => {
    const res = await post(JSON.stringify({ query: "{ health { neo4j } }", padding: "x".repeat(200_000) }));
    expect(res.status).toBe(413);
    const body = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe("BAD_REQUEST");
    const after = await server.gql("{ health { neo4j } }");
    expect(after.body.data.health.neo4j).toBe(true);
  });
});
