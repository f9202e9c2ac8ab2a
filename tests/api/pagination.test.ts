import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";

type PageOf = { edges: Array<{ cursor: string; node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount?: number };

describe("keyset pagination", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  async function count(cypher: string): Promise<number> {
    const { records } = await server.driver.executeQuery(cypher);
    return Number(records[0]!.get(0));
  }

  const PAGE_FIELDS = "totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor }";

  /** Follows endCursor until hasNextPage is false; returns every id seen, in order. */
  async function walk(query: string, select: (data: any) => PageOf, size: number): Promise<{ ids: string[]; total: number; pages: number }> {
    const ids: string[] = [];
    let after: string | null = null;
    let total = -1;
    let pages = 0;
    for (;;) {
      const res = await server.gql(query, { first: size, after });
      expect(res.body.errors).toBeUndefined();
      const page = select(res.body.data);
      pages += 1;
      total = page.totalCount!;
      expect(page.edges.length).toBeLessThanOrEqual(size);
      ids.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      expect(page.edges).toHaveLength(size);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
      after = page.pageInfo.endCursor;
    }
    return { ids, total, pages };
  }

  /** `organisations` or `claims(speakerId: "…")` as a paged query with $first and $after. */
  function listQuery(list: string): string {
    const [name, filter] = list.split("(");
    const args = filter ? `${filter.slice(0, -1)}, first: $first, after: $after` : "first: $first, after: $after";
    return `query ($first: Int, $after: String) { list: ${name}(${args}) { ${PAGE_FIELDS} } }`;
  }

  it.each([
    ["organisations", "MATCH (n:Organisation) RETURN count(n)"],
    ["countries", "MATCH (n:Country) RETURN count(n)"],
    ["programs", "MATCH (n:Program) RETURN count(n)"],
    ["speakers", "MATCH (n:Person) WHERE EXISTS { (n)-[:SPOKE_AT]->() } RETURN count(n)"],
    ["events", "MATCH (n:Event) RETURN count(n)"],
    ["claims", "MATCH (n:Claim) RETURN count(n)"],
    ['claims(speakerId: "person:yerzhan-ashykbayev")', "MATCH (:Person {id: 'person:yerzhan-ashykbayev'})-[:MADE]->(n:Claim) RETURN count(n)"],
    ['claims(aboutId: "program:operation-zhusan")', "MATCH (n:Claim)-[:ABOUT]->({id: 'program:operation-zhusan'}) RETURN count(n)"],
  ])("walks every page of %s without gaps or repeats", async (list, cypher) => {
    const expected = await count(cypher);
    expect(expected).toBeGreaterThan(0);
    const { ids, total, pages } = await walk(listQuery(list), (d) => d.list, 3);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(expected);
    expect(total).toBe(expected);
    expect(pages).toBe(Math.max(1, Math.ceil(expected / 3)));
  });

  it("walks a person's passages in document order", async () => {
    const query = `query ($first: Int, $after: String) {
      person(id: "person:yerzhan-ashykbayev") { passages(first: $first, after: $after) { ${PAGE_FIELDS} } }
    }`;
    const { ids, total } = await walk(query, (d) => d.person.passages, 4);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(total);
    expect(total).toBe(await count("MATCH (:Person {id: 'person:yerzhan-ashykbayev'})-[:SAID]->(n:Passage) RETURN count(n)"));
  });

  it("uses DEFAULT_PAGE_SIZE when first is absent", async () => {
    const res = await server.gql(`{ claims { edges { node { id } } pageInfo { hasNextPage } } }`);
    expect(res.body.data.claims.edges).toHaveLength(server.config.DEFAULT_PAGE_SIZE);
    expect(res.body.data.claims.pageInfo.hasNextPage).toBe(true);
  });

  it("answers first: 0 with an empty page that continues where it was asked", async () => {
    const PAGE = `query ($first: Int, $after: String) { organisations(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    const start = await server.gql(PAGE, { first: 0 });
    expect(start.body.data.organisations).toEqual({ edges: [], pageInfo: { hasNextPage: true, endCursor: null } });
    const three = await server.gql(PAGE, { first: 3 });
    const cursor = three.body.data.organisations.pageInfo.endCursor;
    const empty = await server.gql(PAGE, { first: 0, after: cursor });
    expect(empty.body.data.organisations).toEqual({ edges: [], pageInfo: { hasNextPage: true, endCursor: cursor } });
    const next = await server.gql(PAGE, { first: 3, after: empty.body.data.organisations.pageInfo.endCursor });
    expect(next.body.data.organisations).toEqual((await server.gql(PAGE, { first: 3, after: cursor })).body.data.organisations);
    const all = await server.gql(PAGE, { first: 100 });
    const last = all.body.data.organisations.pageInfo.endCursor;
    const end = await server.gql(PAGE, { first: 0, after: last });
    expect(end.body.data.organisations.pageInfo).toEqual({ hasNextPage: false, endCursor: last });
  });

  it("counts the whole list in the same query as the page", async () => {
    const without = await server.gql(`{ organisations(first: 3) { edges { node { id } } } }`);
    const withCount = await server.gql(`{ organisations(first: 3) { totalCount edges { node { id } } } }`);
    expect(server.dbQueries(without)).toBe(1);
    expect(server.dbQueries(withCount)).toBe(1);
    const { records } = await server.driver.executeQuery("MATCH (n:Organisation) RETURN count(n) AS n");
    expect(withCount.body.data.organisations.totalCount).toBe(Number(records[0]!.get("n")));
  });

  it("keeps the next page unchanged when a node is inserted before the cursor", async () => {
    const PAGE = `query ($after: String) { organisations(first: 3, after: $after) { edges { node { id } } pageInfo { endCursor } } }`;
    const first = await server.gql(PAGE);
    const cursor = first.body.data.organisations.pageInfo.endCursor;
    const before = await server.gql(PAGE, { after: cursor });
    const id = "org:aaa-inserted-by-pagination-test";
    await server.driver.executeQuery("CREATE (:Organisation:Entity {id: $id, name: 'AAA Inserted First', aliases: []})", { id });
    try {
      const fresh = await server.gql(PAGE);
      expect(fresh.body.data.organisations.edges[0].node.id).toBe(id); // it does sort first
      const after = await server.gql(PAGE, { after: cursor });
      expect(after.body.data.organisations.edges).toEqual(before.body.data.organisations.edges);
    } finally {
      await server.driver.executeQuery("MATCH (n:Organisation {id: $id}) DELETE n", { id });
    }
  });

  it("keeps a claim cursor valid when a claim is inserted before it", async () => {
    const PAGE = `query ($after: String) { claims(first: 5, after: $after) { edges { node { id } } pageInfo { endCursor } } }`;
    const cursor = (await server.gql(PAGE)).body.data.claims.pageInfo.endCursor;
    const before = await server.gql(PAGE, { after: cursor });
    const id = "claim:inserted-by-pagination-test";
    await server.driver.executeQuery("CREATE (:Claim:Entity {id: $id, text: 'x', start: 0, end: 1})", { id });
    try {
      const after = await server.gql(PAGE, { after: cursor });
      expect(after.body.data.claims.edges).toEqual(before.body.data.claims.edges);
    } finally {
      await server.driver.executeQuery("MATCH (n:Claim {id: $id}) DELETE n", { id });
    }
  });
});
