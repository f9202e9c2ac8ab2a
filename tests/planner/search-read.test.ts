import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FULLTEXT_INDEX } from "../../src/graph/model.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/**
 * `search` is planned like any root field (src/modules/search/search.relations.ts): its one query
 * reads only what the selection shows. `score type node { id }` reads each hit's id and nothing
 * else of it: no other property, no document, no text for a snippet.
 */
describe("search reads what its selection needs", () => {
  let server: TestServer;
  const log: Array<Record<string, any>> = [];
  beforeAll(async () => {
    server = await startTestServer({ LOG_LEVEL: "trace" }, { log, logLevel: "trace" });
  });
  afterAll(async () => {
    await server.close();
  });

  /** The answer and the Cypher of the one query it took. */
  async function searched(selection: string, q = "UNICEF") {
    const from = log.length;
    const res = await server.gql(`query ($q: String!) { search(query: $q) { ${selection} } }`, { q });
    expect(res.body.errors).toBeUndefined();
    expect(server.dbQueries(res)).toBe(1);
    const queries = log.slice(from).filter((entry) => entry.msg === "root field query");
    expect(queries).toHaveLength(1);
    if (process.env.SHOW_CYPHER) console.log(queries[0]!.cypher);
    return { hits: res.body.data.search as any[], cypher: queries[0]!.cypher as string };
  }

  /** Every property the Cypher reads (`x.name`, and `x {.name}` projections). */
  const propertiesRead = (cypher: string) =>
    new Set([...cypher.replace(/\bdb\.index\.fulltext\.queryNodes\b/g, "").matchAll(/\.\s*(\*|`[^`]+`|\w+)/g)].map((m) => m[1]!.replace(/`/g, "")));

  it("reads nothing of a hit but its id for score, type and node { id }", async () => {
    const { hits, cypher } = await searched("score type node { id }");
    // The search itself filters on the speaker and orders by id; the hits' rows carry node and score.
    expect([...propertiesRead(cypher)].sort()).toEqual(["id", "node", "score", "speakerId"]);
    expect(cypher).not.toMatch(/PART_OF|SUPPORTED_BY|DOCUMENTED_BY|labels\(\w+\)\s*,\s*props|\{\s*\.\*/);
    // The answer is the full selection's, field for field.
    const full = await searched("score type snippet document { id } node { __typename id ... on Organisation { name acronym } ... on Claim { text } }");
    expect(hits.length).toBeGreaterThan(1);
    expect(hits).toEqual(full.hits.map((h) => ({ score: h.score, type: h.type, node: { id: h.node.id } })));
    expect(hits[0]).toMatchObject({ type: "ORGANISATION", node: { id: "org:unicef" } });
    // What the shorter selection left out is what the full one reads.
    for (const property of ["text", "name", "acronym"]) expect(propertiesRead(full.cypher)).toContain(property);
    expect(full.cypher).toMatch(/PART_OF/);
  });

  it("ranks as the full-text index does, after the entity named", async () => {
    const { hits } = await searched("score node { id }");
    const { records } = await server.driver.executeQuery(
      "CALL db.index.fulltext.queryNodes($index, $q) YIELD node, score WITH node, score ORDER BY score DESC, node.id LIMIT $limit RETURN node.id AS id, score",
      { index: FULLTEXT_INDEX, q: "UNICEF", limit: neo4j.int(server.config.DEFAULT_PAGE_SIZE) },
      { database: server.config.NEO4J_DATABASE },
    );
    const indexed = records.map((r) => ({ id: r.get("id") as string, score: r.get("score") as number }));
    expect(hits[0]).toEqual({ score: indexed[0]!.score, node: { id: "org:unicef" } });
    const rest = indexed.filter((h) => h.id !== "org:unicef").slice(0, hits.length - 1);
    expect(hits.slice(1)).toEqual(rest.map((h) => ({ score: h.score, node: { id: h.id } })));
  });

  it("reads a snippet's text only when snippet is selected", async () => {
    const without = await searched("type node { id }", "Zhusan");
    const withSnippet = await searched("type snippet node { id }", "Zhusan");
    expect(propertiesRead(without.cypher).has("text")).toBe(false);
    expect(propertiesRead(withSnippet.cypher).has("text")).toBe(true);
    expect(withSnippet.hits.some((h) => /«zhusan»/i.test(h.snippet ?? ""))).toBe(true);
    expect(without.hits).toEqual(withSnippet.hits.map(({ snippet: _, ...h }) => h));
  });
});
