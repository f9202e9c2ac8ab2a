import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type GraphQLResponse, type TestServer } from "../support/test-server.js";

/** The estimated cost a server with MAX_QUERY_COST=1 reports for a query it refuses. */
function cost(res: GraphQLResponse): number {
  const error = res.body.errors?.[0];
  expect(error?.extensions?.code, JSON.stringify(res.body)).toBe("QUERY_TOO_COMPLEX");
  return Number(error!.extensions!.cost);
}

describe("the cost model: every list costed by the rows it can return", () => {
  let probe: TestServer;
  let small: TestServer;
  beforeAll(async () => {
    // Refuses everything, so every answer reports the query's estimated cost.
    probe = await startTestServer({ MAX_QUERY_COST: "1" });
    // Answers at most 2,000 bytes.
    small = await startTestServer({ MAX_RESPONSE_BYTES: "2000" });
  });
  afterAll(async () => {
    await probe.close();
    await small.close();
  });

  it("costs a connection without `first` at DEFAULT_PAGE_SIZE rows, as many as it returns", async () => {
    const without = cost(await probe.gql("{ organisations { edges { node { id name } } } }"));
    const twenty = cost(await probe.gql("{ organisations(first: 20) { edges { node { id name } } } }"));
    const one = cost(await probe.gql("{ organisations(first: 1) { edges { node { id name } } } }"));
    expect(without).toBe(twenty);
    expect(without).toBeGreaterThanOrEqual(20 * one - 20);
  });

  it("multiplies nested lists, so a chain of default pages is refused at the default limit", async () => {
    const chain = "{ speakers { edges { node { claims { edges { node { about { ... on Person { claims { edges { node { text } } } } } } } } } } } }";
    expect(cost(await probe.gql(chain))).toBeGreaterThan(20 * 20 * 20 * 20);
    const server = await startTestServer();
    try {
      // A client that accepts application/graphql-response+json is told 400 (legacy JSON: 200).
      const http = await fetch(`${server.baseUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
        body: JSON.stringify({ query: chain }),
      });
      const body = await http.json();
      expect(http.status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
      expect(body.data).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it("costs neighbourhood by its limit, search by its hits, graphExport by the graph's nodes", async () => {
    const view = (limit: number) => `{ neighbourhood(id: "org:unicef", limit: ${limit}) { nodes { id label } edges { id type } } }`;
    const ten = cost(await probe.gql(view(10)));
    const forty = cost(await probe.gql(view(40)));
    expect(forty).toBeGreaterThan(3.5 * ten);
    // Without `limit`, the default of 50 rows.
    expect(cost(await probe.gql(`{ neighbourhood(id: "org:unicef") { nodes { id label } edges { id type } } }`))).toBeGreaterThan(forty);

    const hits = (first: number) => `{ search(query: "UNICEF", first: ${first}) { score node { id } } }`;
    expect(cost(await probe.gql(hits(50)))).toBeGreaterThan(9 * cost(await probe.gql(hits(5))));
    expect(cost(await probe.gql(`{ search(query: "UNICEF") { score node { id } } }`))).toBe(cost(await probe.gql(hits(20))));

    const session = probe.driver.session();
    const nodes = Number((await session.run("MATCH (n) RETURN count(n) AS n")).records[0]!.get("n"));
    await session.close();
    // The node count is read in the background; ask until it has been.
    let exportCost = 0;
    for (let i = 0; i < 20 && exportCost !== 1 + 10 * nodes; i++) {
      exportCost = cost(await probe.gql("{ graphExport(format: GRAPHML) }"));
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(exportCost).toBe(1 + 10 * nodes);
  });

  it("counts every alias against MAX_ALIASES, `__typename` too", async () => {
    const server = await startTestServer({ MAX_ALIASES: "5" });
    try {
      const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(" ")} }`;
      const ok = await server.gql(aliases(5));
      expect(ok.body.errors).toBeUndefined();
      const refused = await server.gql(aliases(6));
      expect(refused.body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
      expect(refused.body.data).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it("replaces an answer over MAX_RESPONSE_BYTES with RESPONSE_TOO_LARGE", async () => {
    const res = await small.gql(`{ document(id: "document:zhusan-2021-01-08") { text } }`);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: "RESPONSE_TOO_LARGE", maxBytes: 2000 });
    expect(Number(res.body.errors![0]!.extensions!.bytes)).toBeGreaterThan(20_000);
    const fits = await small.gql(`{ document(id: "document:zhusan-2021-01-08") { id title } }`);
    expect(fits.body.errors).toBeUndefined();
    expect(fits.body.data.document.id).toBe("document:zhusan-2021-01-08");
  });
});
