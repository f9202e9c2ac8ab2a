import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs/promises";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { SEED_DIR, testDriver } from "../support/graph.js";

/** Every offset stored in the graph points at exactly the words stored with it. */
describe("provenance in the loaded graph", () => {
  let driver: Driver;
  let text: string;
  beforeAll(async () => {
    driver = testDriver();
    const { records } = await driver.executeQuery("MATCH (d:Document) RETURN d.id AS id, d.text AS text, d.file AS file");
    text = records[0]!.get("text");
    // The stored text is the file of its folder (documents/<slug>/), byte for byte (non-breaking spaces, curly quotes kept).
    const folder = path.join(SEED_DIR, "documents", String(records[0]!.get("id")).replace(/^document:/, ""));
    expect(text).toBe(await fs.readFile(path.join(folder, records[0]!.get("file")), "utf8"));
  });
  afterAll(() => driver.close());

  const rows = async (cypher: string) => (await driver.executeQuery(cypher)).records.map((r) => r.toObject());
  const n = (v: unknown) => Number(v);

  it("passages: text === document.text.slice(start, end), in order, without overlap", async () => {
    const passages = await rows("MATCH (p:Passage) RETURN p.text AS text, p.start AS start, p.end AS end, p.ordinal AS ordinal ORDER BY p.ordinal");
    expect(passages.length).toBeGreaterThan(90);
    let previousEnd = -1;
    for (const p of passages) {
      expect(text.slice(n(p.start), n(p.end))).toBe(p.text);
      expect(n(p.start)).toBeGreaterThan(previousEnd);
      previousEnd = n(p.end);
    }
  });

  it("mentions: surface === document.text.slice(start, end), inside their passage", async () => {
    const mentions = await rows("MATCH (p:Passage)-[m:MENTIONS]->(e) RETURN m.surface AS surface, m.start AS start, m.end AS end, p.start AS ps, p.end AS pe");
    expect(mentions.length).toBeGreaterThan(100);
    for (const m of mentions) {
      expect(text.slice(n(m.start), n(m.end))).toBe(m.surface);
      expect(n(m.start)).toBeGreaterThanOrEqual(n(m.ps));
      expect(n(m.end)).toBeLessThanOrEqual(n(m.pe));
    }
  });

  it("claims and quantities: text === document.text.slice(start, end), quantity inside its claim", async () => {
    const claims = await rows("MATCH (c:Claim) OPTIONAL MATCH (c)-[:HAS_QUANTITY]->(q) RETURN c.text AS text, c.start AS start, c.end AS end, collect(q {.*}) AS qs");
    expect(claims.length).toBeGreaterThan(40);
    for (const c of claims) {
      expect(text.slice(n(c.start), n(c.end))).toBe(c.text);
      for (const q of c.qs as Array<Record<string, unknown>>) {
        expect(text.slice(n(q.start), n(q.end))).toBe(q.surface);
        expect(n(q.start)).toBeGreaterThanOrEqual(n(c.start));
        expect(n(q.end)).toBeLessThanOrEqual(n(c.end));
      }
    }
  });

  it("every curated link carries a quote that round-trips and lies in the passage it names", async () => {
    const links = await rows(`MATCH ()-[r]->() WHERE r.quote IS NOT NULL
      MATCH (p:Passage {id: r.passageId})
      RETURN type(r) AS type, r.quote AS quote, r.start AS start, r.end AS end, p.start AS ps, p.end AS pe`);
    expect(new Set(links.map((l) => l.type))).toEqual(
      new Set(["HOSTED", "SPOKE_AT", "AFFILIATED_WITH", "PART_OF", "BASED_IN", "IN_REGION", "IN_COUNTRY", "RUNS", "SUPPORTS", "FUNDS", "PARTNERS_IN", "AUTHORIZED", "BENEFITS", "INTRODUCED", "OPERATES_IN"]),
    );
    for (const l of links) {
      expect(text.slice(n(l.start), n(l.end))).toBe(l.quote);
      expect(n(l.start)).toBeGreaterThanOrEqual(n(l.ps));
      expect(n(l.end)).toBeLessThanOrEqual(n(l.pe));
    }
  });

  it("every curated relationship between entities has a quote (none is stored unsupported)", async () => {
    const unsupported = await rows(`MATCH (a)-[r]->(b)
      WHERE NOT type(r) IN ['MENTIONS', 'SAID', 'ABOUT', 'MADE', 'SUPPORTED_BY', 'HAS_QUANTITY', 'DOCUMENTED_BY']
        AND NOT (type(r) = 'PART_OF' AND a:Passage)
        AND r.quote IS NULL
      RETURN a.id AS a, type(r) AS t, b.id AS b`);
    expect(unsupported).toEqual([]);
  });

  it("claims are attributed to the speaker whose turn they stand in", async () => {
    const wrong = await rows(`MATCH (s:Person)-[:MADE]->(c:Claim)-[:SUPPORTED_BY]->(p:Passage)
      WHERE NOT (s)-[:SAID]->(p) RETURN c.id AS id`);
    expect(wrong).toEqual([]);
  });

  it("the introduction belongs to no speaker; each speaker's turn starts at their marker", async () => {
    const firsts = await rows(`MATCH (s:Person)-[:SAID]->(p:Passage) WITH s, min(p.ordinal) AS first
      MATCH (p:Passage {ordinal: first}) RETURN s.id AS id, p.text AS text ORDER BY first`);
    expect(firsts.map((f) => f.id)).toEqual([
      "person:yerzhan-ashykbayev", "person:christopher-harnisch", "person:noah-tucker", "person:stevan-weine", "person:john-herbst",
    ]);
    expect(String(firsts[4]!.text).startsWith("AMBASSADOR JOHN HERBST:")).toBe(true);
    const intro = await rows(`MATCH (p:Passage) WHERE p.text STARTS WITH 'Nearly 1200 participants' RETURN p.speakerId AS s, EXISTS { (:Person)-[:SAID]->(p) } AS said`);
    expect(intro).toEqual([{ s: null, said: false }]);
  });
});
