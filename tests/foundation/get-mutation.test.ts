import "reflect-metadata";
import { Int, Mutation, Resolver } from "type-graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";

/**
 * The GraphQL-over-HTTP spec: a GET whose operation is a mutation MUST be answered 405, and the
 * mutation not run. The schema has no mutations yet, so one is added here (docs/architecture.md's
 * schema extension), counting its calls.
 */
let calls = 0;

@Resolver()
class CounterResolver {
  @Mutation(() => Int, { description: "Adds one to a counter and returns it." })
  increment(): number {
    calls += 1;
    return calls;
  }
}

const GQL = "application/graphql-response+json";

describe.each(["development", "production"])("a mutation over GET (NODE_ENV=%s)", (env) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ NODE_ENV: env }, { schemaExtension: { resolvers: [CounterResolver] } });
  });
  afterAll(() => server.close());

  const get = (query: string, accept: string, operationName?: string) =>
    fetch(`${server.baseUrl}/graphql?${new URLSearchParams({ query, ...(operationName ? { operationName } : {}) })}`, { headers: { accept } });

  it("runs over POST", async () => {
    const before = calls;
    const res = await server.gql("mutation { increment }");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { increment: before + 1 } });
    expect(calls).toBe(before + 1);
  });

  it.each([GQL, "application/json"])("is refused with 405 METHOD_NOT_ALLOWED, allow: POST, and not run (accept: %s)", async (accept) => {
    const before = calls;
    const res = await get("mutation { increment }", accept);
    const body = await res.json();
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect(res.headers.get("content-type")).toContain(accept);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toEqual({ code: "METHOD_NOT_ALLOWED" });
    expect(body.errors[0].message).toMatch(/GET.*query operations.*mutation/);
    expect(calls).toBe(before);
  });

  it("is refused when the mutation is the operation named in a document that also has a query", async () => {
    const before = calls;
    const document = "query Q { __typename } mutation M { increment }";
    const res = await get(document, GQL, "M");
    expect(res.status).toBe(405);
    expect((await res.json()).errors[0].extensions.code).toBe("METHOD_NOT_ALLOWED");
    expect(calls).toBe(before);
    // The query of the same document runs over GET.
    const query = await get(document, GQL, "Q");
    expect(query.status).toBe(200);
    expect(await query.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("is refused as an invalid document, not run, when it does not validate", async () => {
    const before = calls;
    const res = await get("mutation { increment(by: 2) }", GQL);
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(calls).toBe(before);
  });
});
