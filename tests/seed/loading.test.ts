import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Driver } from "neo4j-driver";
import { projectRoot } from "../../src/config/config.js";
import { loadSeed } from "../../src/seed/load.js";
import { DocumentWriteError, type WriteProgress } from "../../src/seed/write-plan.js";
import { createLogger } from "../../src/shared/logger.js";
import { graphFingerprint, SEED_DIR, seedCopy, testDriver } from "../support/graph.js";

const SLUG = "reintegration-panel-2022-03-03";
const FIXTURE = path.join(projectRoot, "tests", "fixtures", "documents", SLUG);

/** Records what the loader tells a progress display. */
function recorder() {
  const events: { start: Array<{ name: string; rows: number }>; advanced: Map<string, number>; done: Array<{ unit: string; nodes: number; rels: number; error?: Error }> } = {
    start: [], advanced: new Map(), done: [],
  };
  const progress: WriteProgress = {
    start: (units) => events.start.push(...units),
    advance: (unit, rows) => events.advanced.set(unit, (events.advanced.get(unit) ?? 0) + rows),
    done: (unit, s) => events.done.push({ unit, nodes: s.nodes, rels: s.rels, error: s.error }),
  };
  return { events, progress };
}

describe("loading document by document", () => {
  let driver: Driver;
  let original: Awaited<ReturnType<typeof graphFingerprint>>;
  let copy: Awaited<ReturnType<typeof seedCopy>>;
  const load = (dir: string, progress?: WriteProgress) => loadSeed({ driver, database: "neo4j", dir, logger: createLogger("silent"), progress });

  beforeAll(async () => {
    driver = testDriver();
    original = await graphFingerprint(driver);
    copy = await seedCopy();
    await fs.cp(FIXTURE, path.join(copy.dir, "documents", SLUG), { recursive: true });
  });
  afterAll(async () => {
    await driver.executeQuery("DROP CONSTRAINT test_one_passage_per_ordinal IF EXISTS");
    await copy.remove();
    await load(SEED_DIR);
    expect(await graphFingerprint(driver)).toEqual(original);
    await driver.close();
  });

  it("writes the shared entities, then each document, telling the progress of every row", async () => {
    const { events, progress } = recorder();
    await load(copy.dir, progress);
    expect(events.start.map((u) => u.name)).toEqual(["entities", `documents/${SLUG}/`, "documents/zhusan-2021-01-08/"]);
    expect(events.done.map((d) => d.unit)).toEqual(events.start.map((u) => u.name));
    for (const unit of events.start) expect(events.advanced.get(unit.name)).toBe(unit.rows);
    expect(events.done.every((d) => !d.error)).toBe(true);
    expect(events.done.find((d) => d.unit === "documents/zhusan-2021-01-08/")).toMatchObject({ rels: 907 });
  });

  it("rolls back only the document whose write fails, names it, and writes the others", async () => {
    await load(SEED_DIR);
    // A rule the database enforces and the second document breaks: its paragraph 1 is not the only one.
    await driver.executeQuery("CREATE CONSTRAINT test_one_passage_per_ordinal IF NOT EXISTS FOR (p:Passage) REQUIRE p.ordinal IS UNIQUE");
    const zhusanBefore = await documentFingerprint(driver, "document:zhusan-2021-01-08");
    const { events, progress } = recorder();
    const error = await load(copy.dir, progress).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentWriteError);
    expect((error as DocumentWriteError).failed.map((f) => f.unit)).toEqual([`documents/${SLUG}/`]);
    expect((error as Error).message).toMatch(new RegExp(`documents/${SLUG}/: `));
    expect(events.done.find((d) => d.unit === `documents/${SLUG}/`)?.error).toBeDefined();
    expect(events.done.find((d) => d.unit === "documents/zhusan-2021-01-08/")?.error).toBeUndefined();
    // Nothing of the failed document is in the graph; the other is as it was.
    const { records } = await driver.executeQuery("MATCH (n) WHERE n.id IN [$doc, $passage, $claim] RETURN count(n) AS n", {
      doc: `document:${SLUG}`, passage: `passage:${SLUG}-p001`, claim: "claim:unicef-supports-schools",
    });
    expect(Number(records[0]!.get("n"))).toBe(0);
    expect(await documentFingerprint(driver, "document:zhusan-2021-01-08")).toEqual(zhusanBefore);
    await driver.executeQuery("DROP CONSTRAINT test_one_passage_per_ordinal");
  });
});

/** Every node and relationship of one document's passages, claims and event, as sorted text. */
async function documentFingerprint(driver: Driver, documentId: string): Promise<string[]> {
  const { records } = await driver.executeQuery(
    `MATCH (d:Document {id: $documentId})
     MATCH (n) WHERE n = d OR (n:Passage AND n.documentId = $documentId) OR (n:Claim AND EXISTS { (n)-[:SUPPORTED_BY]->(:Passage {documentId: $documentId}) })
     MATCH (n)-[r]-(m)
     RETURN n.id + ' ' + type(r) + ' ' + m.id + ' ' + coalesce(r.id, '') AS line`,
    { documentId },
  );
  return records.map((r) => r.get("line") as string).sort();
}
