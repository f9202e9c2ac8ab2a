import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Driver } from "neo4j-driver";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { factsFingerprint, graphFingerprint, resetCuration, SEED_DIR, seedCopy, testDriver } from "../support/graph.js";
import { loadSeed } from "../../src/seed/load.js";
import { createLogger } from "../../src/shared/logger.js";
import {
  ADD_CLAIM, ADD_ENTITY, ADD_LINK, createKey, DOC, FTF_RESOLUTIONS, FTF_RESOLUTIONS_YAML, OVER_700, RETRACT,
  TUCKER_AFFILIATION, TUCKER_AFFILIATION_ID, TUCKER_AFFILIATION_YAML,
} from "./support.js";

const load = (driver: Driver, dir: string) => loadSeed({ driver, database: inject("neo4j").database, dir, logger: createLogger("silent", "tests") });

/** The seed with one fact taken out of its files (so it can be written through the API instead). */
async function seedWithout(file: string, from: string | RegExp, to = ""): Promise<{ dir: string; remove(): Promise<void> }> {
  const copy = await seedCopy();
  await copy.edit(file, from, to);
  return copy;
}

const PEOPLE = "documents/zhusan-2021-01-08/people.yaml";
const CLAIMS = "documents/zhusan-2021-01-08/claims.yaml";
const PROGRAMS = "documents/zhusan-2021-01-08/programs.yaml";

describe("a fact written through the API is the fact the seed file writes", () => {
  let server: TestServer;
  let driver: Driver;
  let curator: Awaited<ReturnType<typeof createKey>>;
  let seeded: Awaited<ReturnType<typeof factsFingerprint>>;

  beforeAll(async () => {
    server = await startTestServer();
    driver = testDriver();
    await resetCuration(driver, { keys: true });
    seeded = await factsFingerprint(driver);
    curator = await createKey("curator", "Aigerim");
  });
  afterAll(async () => {
    await resetCuration(driver, { keys: true });
    await driver.close();
    await server.close();
  });

  it("a link: the seed without it, plus the API's write, is the seed", async () => {
    const copy = await seedWithout(PEOPLE, TUCKER_AFFILIATION_YAML, "  affiliations: []\n");
    try {
      await load(driver, copy.dir);
      expect((await factsFingerprint(driver)).hash).not.toBe(seeded.hash);
      const res = await server.gql(ADD_LINK, { input: { ...TUCKER_AFFILIATION, reason: "as the introduction says" } }, curator.bearer);
      expect(res.status).toBe(200);
      expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
      const written = res.body.data.addLink;
      expect(written.factId).toBe(TUCKER_AFFILIATION_ID);
      expect(written.revision).toMatchObject({ action: "ADD_LINK", factType: "AFFILIATED_WITH", actor: "Aigerim", role: "curator", reason: "as the introduction says", before: null });
      expect(await factsFingerprint(driver)).toEqual(seeded);

      // The quote is the document's words at the offsets stored.
      const { start, end, quote } = written.revision.after;
      const doc = await server.gql(`{ node(id: "${DOC}") { ... on Document { text } } }`);
      expect(doc.body.data.node.text.slice(start, end)).toBe(quote);
    } finally {
      await copy.remove();
      await resetCuration(driver);
    }
  });

  it("a claim with its figures: the seed without it, plus the API's write, is the seed", async () => {
    const copy = await seedWithout(CLAIMS, /- id: claim:kz-repatriated-over-700\n[\s\S]*?\n(?=\n?- id:)/, "");
    try {
      await load(driver, copy.dir);
      expect((await factsFingerprint(driver)).hash).not.toBe(seeded.hash);
      const res = await server.gql(ADD_CLAIM, { input: OVER_700 }, curator.bearer);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.addClaim.factId).toBe(OVER_700.id);
      expect(await factsFingerprint(driver)).toEqual(seeded);
    } finally {
      await copy.remove();
      await resetCuration(driver);
    }
  });

  it("an entity: the API's write is the seed with it in its files, mentions recomputed by the longest name", async () => {
    const copy = await seedCopy();
    try {
      await fs.appendFile(path.join(copy.dir, PROGRAMS), FTF_RESOLUTIONS_YAML);
      await load(driver, copy.dir);
      const fromYaml = await factsFingerprint(driver);
      await resetCuration(driver);

      const mentionsOf = async (id: string) =>
        (await driver.executeQuery("MATCH (p:Passage)-[m:MENTIONS]->(:Entity {id: $id}) RETURN m.start AS start ORDER BY start", { id })).records.map((r) => Number(r.get("start")));
      const unscBefore = await mentionsOf("org:un-security-council");
      const res = await server.gql(ADD_ENTITY, { input: FTF_RESOLUTIONS }, curator.bearer);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.addEntity.revision).toMatchObject({ action: "ADD_ENTITY", factType: "Program", factId: FTF_RESOLUTIONS.id });
      expect(await factsFingerprint(driver)).toEqual(fromYaml);

      // The new, longer name takes the words of one mention of "U.N. Security Council".
      const [resolutions] = await mentionsOf(FTF_RESOLUTIONS.id);
      expect(resolutions).toBeDefined();
      expect(await mentionsOf("org:un-security-council")).toEqual(unscBefore.filter((s) => s !== resolutions));
      const found = await server.gql(`{ search(query: "Security Council resolutions on the return") { node { id } } }`);
      expect(found.body.data.search.map((h: { node: { id: string } }) => h.node.id)).toContain(FTF_RESOLUTIONS.id);
    } finally {
      await copy.remove();
      await resetCuration(driver);
    }
  });
});

describe("a reseed keeps what was curated", () => {
  let server: TestServer;
  let driver: Driver;
  let curator: Awaited<ReturnType<typeof createKey>>;
  let editor: Awaited<ReturnType<typeof createKey>>;

  beforeAll(async () => {
    server = await startTestServer();
    driver = testDriver();
    await resetCuration(driver);
    curator = await createKey("curator");
    editor = await createKey("editor");
  });
  afterAll(async () => {
    await resetCuration(driver, { keys: true });
    await driver.close();
    await server.close();
  });

  it("curated facts, retractions and edits: the graph after npm run seed is the graph before it", async () => {
    const writes = [
      await server.gql(ADD_ENTITY, { input: FTF_RESOLUTIONS }, curator.bearer),
      await server.gql(ADD_LINK, { input: { from: "country:KZ", relation: "SUPPORTS", to: FTF_RESOLUTIONS.id, documentId: DOC, quote: "One of the specific U.N. Security Council resolutions on the return of the FTFs and their families was adopted during our term." } }, curator.bearer),
      // A seed link retracted, and a seed entity renamed.
      await server.gql(RETRACT, { input: { id: "person:noah-tucker-AFFILIATED_WITH->org:eurasia-center", reason: "tested retraction" } }, editor.bearer),
      await server.gql(`mutation { updateEntity(input: { id: "org:osce", aliases: ["Organization for Security and Co-operation"], reason: "tested edit" }) { factId } }`, {}, editor.bearer),
    ];
    for (const w of writes) expect(w.body.errors).toBeUndefined();
    const curated = await graphFingerprint(driver);
    await load(driver, SEED_DIR);
    expect(await graphFingerprint(driver)).toEqual(curated);
  });

  it("a seed file that gives a curated link's id is reported, naming both, and nothing is written", async () => {
    const before = await graphFingerprint(driver);
    const copy = await seedCopy();
    try {
      // The seed gains the link the API added: the same id twice.
      const programs = path.join(copy.dir, PROGRAMS);
      await fs.appendFile(programs, `
- id: ${FTF_RESOLUTIONS.id}
  participants:
    - participant: country:KZ
      role: SUPPORTS
      quote: "One of the specific U.N. Security Council resolutions on the return of the FTFs and their families was adopted during our term."
`);
      await expect(load(driver, copy.dir)).rejects.toThrow(/country:KZ-SUPPORTS->program:unsc-ftf-return-resolutions is also given by another entry/);
      expect(await graphFingerprint(driver)).toEqual(before);
    } finally {
      await copy.remove();
    }
  });
});
