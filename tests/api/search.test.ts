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

  it.each([
    ["UNICEF", "org:unicef"],
    ["ICRC", "org:icrc"],
    ["OSCE", "org:osce"],
    ["UNOCT", "org:unoct"],
    ["unicef", "org:unicef"],
    ["United Nations Children's Fund", "org:unicef"],
  ])("puts the organisation named %j first among every type", async (q, id) => {
    const res = await server.gql(SEARCH, { q, first: 5 });
    expect(res.body.errors).toBeUndefined();
    const hits = res.body.data.search;
    expect(hits[0].node.id).toBe(id);
    expect(hits.filter((h: any) => h.node.id === id)).toHaveLength(1);
    // Claims and passages that contain the word follow.
    expect(hits.slice(1).some((h: any) => ["CLAIM", "PASSAGE"].includes(h.type))).toBe(true);
    const scores = hits.map((h: any) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it.each(["Kazakhstan’s", "Kazakhstan's", "kazakhstan's"])("finds Kazakhstan for the possessive %j, first", async (q) => {
    const res = await server.gql(SEARCH, { q, first: 10 });
    expect(res.body.errors).toBeUndefined();
    const hits = res.body.data.search;
    expect(hits[0].node.id).toBe("country:KZ");
    // The words as the text writes them are found too.
    expect(hits.some((h: any) => /«Kazakhstan»’s/.test(h.snippet ?? ""))).toBe(true);
  });

  it.each(["Stevan:Weine", "title:Weine", "name:Weine"])("reads %j as words, not a field", async (q) => {
    const res = await server.gql(SEARCH, { q, types: ["PERSON"] });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.search.map((h: any) => h.node.id)).toContain("person:stevan-weine");
  });

  const SPOKEN = `query ($q: String!, $speakerId: ID, $types: [EntityType!]) {
    search(query: $q, speakerId: $speakerId, types: $types, first: 100) { type node { id ... on Passage { said: speaker { id } } ... on Claim { made: speaker { id } } } document { id } }
  }`;

  it("keeps only one speaker's passages and claims with speakerId", async () => {
    const all = await server.gql(SPOKEN, { q: "UNICEF" });
    const weine = await server.gql(SPOKEN, { q: "UNICEF", speakerId: "person:stevan-weine" });
    expect(weine.body.errors).toBeUndefined();
    const hits = weine.body.data.search;
    expect(hits.length).toBeGreaterThan(0);
    const speakerOf = (h: any) => (h.node.said ?? h.node.made)?.id;
    for (const h of hits) {
      expect(["PASSAGE", "CLAIM"]).toContain(h.type);
      expect(speakerOf(h)).toBe("person:stevan-weine");
    }
    // Others' words about UNICEF were there before the filter.
    const speakers = new Set(all.body.data.search.filter(speakerOf).map(speakerOf));
    expect(speakers.size).toBeGreaterThan(1);
    // Types outside a speaker's words give nothing; a malformed id is refused.
    const orgs = await server.gql(SPOKEN, { q: "UNICEF", speakerId: "person:stevan-weine", types: ["ORGANISATION"] });
    expect(orgs.body.data.search).toEqual([]);
    const bad = await server.gql(SPOKEN, { q: "UNICEF", speakerId: "not an id" });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("says which document a hit's words are in", async () => {
    const res = await server.gql(SPOKEN, { q: "UNICEF" });
    expect(res.body.errors).toBeUndefined();
    for (const h of res.body.data.search) {
      if (h.type === "PASSAGE" || h.type === "CLAIM") expect(h.document).toEqual({ id: "document:zhusan-2021-01-08" });
      if (h.type === "ORGANISATION") expect(h.document).toBeNull();
    }
    expect(res.body.data.search.some((h: any) => h.type === "CLAIM")).toBe(true);
  });

  it.each([
    ["UNICEF", {}],
    ["Kazakhstan’s", { types: ["COUNTRY", "CLAIM"] }],
    ["UNICEF", { speakerId: "person:stevan-weine" }],
    ['say "UNICEF\\', {}],
  ])("answers %j (%j) with one database query", async (q, args) => {
    const res = await server.gql(
      `query ($q: String!, $types: [EntityType!], $speakerId: ID) { search(query: $q, types: $types, speakerId: $speakerId) { type score snippet node { id } } }`,
      { q, ...args },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.search.length).toBeGreaterThan(0);
    expect(server.dbQueries(res)).toBe(1);
  });

  it.each([
    ["ICRC’s", "org:icrc"],
    ["icrc's", "org:icrc"],
    ["U.S. State Department's", "org:us-state-department"],
    ["u.s. state department’s", "org:us-state-department"],
    ["R&R’s", "program:kz-rehabilitation-reintegration"],
  ])("puts the entity whose acronym or alias is %j, possessive aside, first", async (q, id) => {
    const res = await server.gql(SEARCH, { q, first: 5 });
    expect(res.body.errors).toBeUndefined();
    const hits = res.body.data.search;
    expect(hits[0].node.id).toBe(id);
    expect(hits.filter((h: any) => h.node.id === id)).toHaveLength(1);
    const scores = hits.map((h: any) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});
