import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";

const SEARCH = `query ($q: String!, $types: [EntityType!], $first: Int) {
  search(query: $q, types: $types, first: $first) { type score snippet node { id ... on Organisation { name } } }
}`;

describe("search", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("finds an organisation by its acronym, best first, with a marked snippet", async () => {
    const res = await server.gql(SEARCH, { q: "UNICEF", types: ["ORGANISATION"] });
    expect(res.body.errors).toBeUndefined();
    const [first] = res.body.data.search;
    expect(first.node.id).toBe("org:unicef");
    expect(first.type).toBe("ORGANISATION");
    expect(first.score).toBeGreaterThan(0);
    expect(first.snippet).toContain("«UNICEF»");
  });

  it("filters by type and marks the word in passages", async () => {
    const res = await server.gql(SEARCH, { q: "Zhusan", types: ["PASSAGE", "CLAIM"], first: 5 });
    expect(res.body.errors).toBeUndefined();
    const hits = res.body.data.search;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(5);
    for (const hit of hits) {
      expect(["PASSAGE", "CLAIM"]).toContain(hit.type);
      expect(hit.snippet).toMatch(/«zhusan»/i);
    }
    const scores = hits.map((h: any) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("finds a country through a demonym", async () => {
    const res = await server.gql(SEARCH, { q: "Kazakhstani", types: ["COUNTRY"] });
    expect(res.body.data.search[0].node.id).toBe("country:KZ");
  });

  // Whatever a user types: results or a clear refusal, never a server error.
  const hostile = [
    '"', '"unterminated', "AND", "OR", "NOT", "a AND", "AND OR NOT", "*", "?", "~", "UNICEF~", "UNICEF~2", "UNICEF^10",
    "(", ")", "[", "]", "{", "}", "[a TO z]", "{a TO z}", "\\", "\\\\", ":", "name:UNICEF", "text:*", "/", "/.*/",
    "+-&&||!^", "&&", "||", "!", "-UNICEF", "+UNICEF", "U*F", "Zhu?an", "Казахстан", "日本語", "🙂", "é", "‘’“”–—",
    "' OR 1=1 --", "MATCH (n) DETACH DELETE n", "$limit", "}}{{", "\u0000", "a\u0000b", "\t\nUNICEF\r\n",
    "x".repeat(200), "a ".repeat(100), "*".repeat(200),
  ];

  it.each(hostile)("answers %j without a server error", async (q) => {
    const res = await server.gql(SEARCH, { q });
    expect(res.status).toBeLessThan(500);
    const codes = (res.body.errors ?? []).map((e) => e.extensions?.code);
    for (const code of codes) expect(code).toBe("BAD_USER_INPUT");
    if (codes.length === 0) expect(Array.isArray(res.body.data.search)).toBe(true);
  });

  it("still finds words typed with operators around them", async () => {
    const res = await server.gql(SEARCH, { q: '"UNICEF" AND (ICRC)', types: ["ORGANISATION"] });
    expect(res.body.errors).toBeUndefined();
    const ids = res.body.data.search.map((h: any) => h.node.id);
    expect(ids).toEqual(expect.arrayContaining(["org:unicef", "org:icrc"]));
  });

  it.each([
    ["", "empty"],
    ["   \t ", "whitespace only"],
    ["x".repeat(201), "over 200 characters"],
  ])("refuses %j (%s) with BAD_USER_INPUT", async (q) => {
    const res = await server.gql(SEARCH, { q });
    expect(res.status).toBe(200);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("refuses first over the maximum", async () => {
    const res = await server.gql(SEARCH, { q: "Kazakhstan", first: server.config.MAX_PAGE_SIZE + 1 });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
