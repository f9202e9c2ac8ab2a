import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Driver } from "neo4j-driver";
import { loadSeed, seedIfEmpty } from "../../src/seed/load.js";
import { createLogger } from "../../src/shared/logger.js";
import { graphFingerprint, SEED_DIR, testDriver } from "../support/graph.js";

/**
 * The seed moved to a folder per document (seed/documents/<slug>/) and shared entities
 * (seed/entities/). The graph it loads is the one the flat layout loaded, node for node and
 * property for property: the figures below were taken from the flat seed, on the commit just
 * before the move. `foldedNames`, added since (derived from the names, acronyms and aliases the
 * fingerprint covers), is left out, and so are the links curated since (`CURATED_SINCE`).
 */
const BEFORE_THE_MOVE = { nodes: 311, rels: 906, hash: "c71845811f82511baf18d7c28007dfa632d6d0b73df37b8db930d73d1c175282" };
/** Operation Zhusan OPERATES_IN Syria, restored on Tucker's quote (seed/README.md, Decisions). */
const CURATED_SINCE = ["program:operation-zhusan-OPERATES_IN->country:SY"];

describe("a folder per document", () => {
  let driver: Driver;
  beforeAll(() => {
    driver = testDriver();
  });
  afterAll(async () => {
    await driver.close();
  });

  it("loads the same graph as before the move: same ids, counts and fingerprint", async () => {
    const summary = await loadSeed({ driver, database: "neo4j", dir: SEED_DIR, logger: createLogger("silent") });
    expect(await graphFingerprint(driver, ["foldedNames"], CURATED_SINCE)).toEqual(BEFORE_THE_MOVE);
    expect(summary.labels).toMatchObject({ Document: 1, Event: 1, Person: 10 });
  });

  it("is loaded again at start when an older version loaded it (names without foldedNames), and only then", async () => {
    const opts = { driver, database: "neo4j", dir: SEED_DIR, logger: createLogger("silent") };
    await loadSeed(opts);
    expect(await seedIfEmpty(opts)).toBeNull();
    await driver.executeQuery("MATCH (o:Organisation {id: 'org:unicef'}) REMOVE o.foldedNames");
    expect(await seedIfEmpty(opts)).not.toBeNull();
    const { records } = await driver.executeQuery("MATCH (o:Organisation {id: 'org:unicef'}) RETURN o.foldedNames AS names");
    expect(records[0]!.get("names")).toContain("unicef");
    expect(await graphFingerprint(driver, ["foldedNames"], CURATED_SINCE)).toEqual(BEFORE_THE_MOVE);
  });
});
