import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Driver } from "neo4j-driver";
import { projectRoot } from "../../src/config/config.js";
import { loadSeed } from "../../src/seed/load.js";
import { SeedValidationError } from "../../src/seed/problems.js";
import { createLogger } from "../../src/shared/logger.js";
import { graphFingerprint, SEED_DIR, seedCopy, testDriver } from "../support/graph.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

/** A short synthetic second document: two speakers, UNICEF, Kazakhstan and one new organisation. */
const SLUG = "reintegration-panel-2022-03-03";
const FIXTURE = path.join(projectRoot, "tests", "fixtures", "documents", SLUG);
const ZHUSAN = "document:zhusan-2021-01-08";
const PANEL = `document:${SLUG}`;

describe("two documents in one graph", () => {
  let driver: Driver;
  let server: TestServer;
  let original: Awaited<ReturnType<typeof graphFingerprint>>;
  let copy: Awaited<ReturnType<typeof seedCopy>>;
  const load = (dir: string) => loadSeed({ driver, database: "neo4j", dir, logger: createLogger("silent") });

  beforeAll(async () => {
    driver = testDriver();
    original = await graphFingerprint(driver);
    copy = await seedCopy();
    await fs.cp(FIXTURE, path.join(copy.dir, "documents", SLUG), { recursive: true });
    await load(copy.dir);
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
    await copy?.remove();
    // Leave the graph as the other test files expect it: the real seed.
    await load(SEED_DIR);
    expect(await graphFingerprint(driver)).toEqual(original);
    await driver.close();
  });

  it("links UNICEF to both documents, each mention pointing into its own text", async () => {
    const res = await server.gql(`{ organisation(id: "org:unicef") { referencedBy {
      person { id } mentionCount evidence(first: 50) { surface start end passage { id document { id } } } } }
      documents(first: 10) { edges { node { id text } } } }`);
    expect(res.body.errors).toBeUndefined();
    const texts = new Map(res.body.data.documents.edges.map((e: any) => [e.node.id, e.node.text as string]));
    const refs = res.body.data.organisation.referencedBy;
    const evidence = refs.flatMap((r: any) => r.evidence);
    for (const e of evidence) expect((texts.get(e.passage.document.id) as string).slice(e.start, e.end)).toBe(e.surface);
    expect(new Set(evidence.map((e: any) => e.passage.document.id))).toEqual(new Set([ZHUSAN, PANEL]));
    const by = Object.fromEntries(refs.map((r: any) => [r.person.id, r.mentionCount]));
    expect(by).toMatchObject({ "person:aliya-nurlanovna": 1, "person:daniel-reeve": 1, "person:stevan-weine": 1, "person:yerzhan-ashykbayev": 1 });
  });

  it("reads a speaker's references within one document with documentId", async () => {
    const res = await server.gql(`{
      reeve: person(id: "person:daniel-reeve") {
        here: referencedOrganisations(documentId: "${PANEL}") { organisation { id } mentionCount }
        there: referencedOrganisations(documentId: "${ZHUSAN}") { organisation { id } }
        referencedCountries { country { id } evidence(first: 5) { passage { document { id } } } }
      }
    }`);
    expect(res.body.errors).toBeUndefined();
    const { reeve } = res.body.data;
    expect(reeve.here.map((r: any) => r.organisation.id).sort()).toEqual(["org:almaty-family-support-network", "org:unicef"]);
    expect(reeve.there).toEqual([]);
    expect(reeve.referencedCountries[0].country.id).toBe("country:KZ");
    expect(reeve.referencedCountries[0].evidence[0].passage.document.id).toBe(PANEL);
  });

  it("lists both documents and events; document(id:), event.document and the evidence's document answer", async () => {
    const res = await server.gql(`{
      documents(first: 10) { totalCount edges { node { id title } } }
      events(first: 10) { totalCount edges { node { id document { id } } } }
      document(id: "${PANEL}") { title passages(first: 20) { totalCount edges { node { kind speaker { id } } } } }
      claim: node(id: "claim:unicef-supports-schools") { ... on Claim { passage { document { id } } speaker { id } } }
      org: organisation(id: "org:almaty-family-support-network") { kind country { id } }
    }`);
    expect(res.body.errors).toBeUndefined();
    const d = res.body.data;
    expect(d.documents.totalCount).toBe(2);
    expect(d.documents.edges.map((e: any) => e.node.id).sort()).toEqual([PANEL, ZHUSAN].sort());
    expect(d.events.totalCount).toBe(2);
    expect(d.events.edges.map((e: any) => [e.node.id, e.node.document.id])).toContainEqual([`event:${SLUG}`, PANEL]);
    expect(d.document.title).toMatch(/^CHILDREN COMING HOME/);
    const speakers = d.document.passages.edges.map((e: any) => e.node.speaker?.id ?? null);
    expect(speakers).toEqual([null, null, null, null, "person:aliya-nurlanovna", "person:aliya-nurlanovna", "person:daniel-reeve"]);
    expect(d.claim).toEqual({ passage: { document: { id: PANEL } }, speaker: { id: "person:daniel-reeve" } });
    expect(d.org).toEqual({ kind: "NGO", country: { id: "country:KZ" } });
  });

  it("says which document each search hit comes from", async () => {
    const res = await server.gql(`{ search(query: "UNICEF", types: [PASSAGE, CLAIM], first: 50) { type node { id } document { id } } }`);
    expect(res.body.errors).toBeUndefined();
    const hits = res.body.data.search;
    expect(new Set(hits.map((h: any) => h.document.id))).toEqual(new Set([ZHUSAN, PANEL]));
    for (const h of hits) expect(h.document.id).toBe(h.node.id.includes(SLUG) || h.node.id === "claim:unicef-supports-schools" ? PANEL : ZHUSAN);
  });

  it("draws and exports both documents' entities", async () => {
    const res = await server.gql(`{
      neighbourhood(id: "org:unicef", depth: 1, limit: 100) { nodes { id } }
      graphExport(format: CYTOSCAPE_JSON)
    }`);
    expect(res.body.errors).toBeUndefined();
    const around = res.body.data.neighbourhood.nodes.map((n: any) => n.id);
    expect(around).toEqual(expect.arrayContaining(["person:daniel-reeve", "program:operation-zhusan", "claim:unicef-supports-schools"]));
    const exported = JSON.parse(res.body.data.graphExport);
    const ids = new Set((exported.elements?.nodes ?? exported.nodes ?? []).map((n: any) => n.data.id));
    for (const id of ["org:almaty-family-support-network", "person:aliya-nurlanovna", `event:${SLUG}`, "person:yerzhan-ashykbayev", "event:zhusan-2021-01-08"]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it("refuses a broken second document with located problems, and writes nothing", async () => {
    const before = await graphFingerprint(driver);
    const broken = await seedCopy();
    try {
      const folder = path.join(broken.dir, "documents", SLUG);
      await fs.cp(FIXTURE, folder, { recursive: true });
      await broken.edit(`documents/${SLUG}/claims.yaml`, "twice a month.", "three times a month.");
      await broken.edit(`documents/${SLUG}/people.yaml`, "organisation: org:unicef", "organisation: org:unicfe");
      const error = await load(broken.dir).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(SeedValidationError);
      const problems = (error as SeedValidationError).problems.map((p) => `${p.file}:${p.line} ${p.entry} ${p.field}`);
      expect(problems).toEqual(expect.arrayContaining([
        expect.stringMatching(new RegExp(`^documents/${SLUG}/claims\\.yaml:\\d+ claim:afsn-visits-twice-a-month quote$`)),
        expect.stringMatching(new RegExp(`^documents/${SLUG}/people\\.yaml:\\d+ person:daniel-reeve affiliations\\[0\\]\\.organisation$`)),
      ]));
    } finally {
      await broken.remove();
    }
    expect(await graphFingerprint(driver)).toEqual(before);
  });

  it("removing the document's folder and reloading removes exactly what it brought", async () => {
    const withFixture = await graphFingerprint(driver);
    expect(withFixture.nodes).toBeGreaterThan(original.nodes);
    await fs.rm(path.join(copy.dir, "documents", SLUG), { recursive: true });
    await load(copy.dir);
    expect(await graphFingerprint(driver)).toEqual(original);
    // Put it back for any test after this one.
    await fs.cp(FIXTURE, path.join(copy.dir, "documents", SLUG), { recursive: true });
    await load(copy.dir);
    expect(await graphFingerprint(driver)).toEqual(withFixture);
  });
});
