import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Driver } from "neo4j-driver";
import { loadSeed } from "../../src/seed/load.js";
import { SeedValidationError } from "../../src/seed/problems.js";
import { createLogger } from "../../src/shared/logger.js";
import { graphFingerprint, SEED_DIR, seedCopy, testDriver } from "../support/graph.js";

const logger = createLogger("silent");

describe("the seed loader", () => {
  let driver: Driver;
  let original: Awaited<ReturnType<typeof graphFingerprint>>;
  const load = (dir: string) => loadSeed({ driver, database: "neo4j", dir, logger });

  beforeAll(async () => {
    driver = testDriver();
    original = await graphFingerprint(driver);
  });
  afterAll(async () => {
    // Leave the graph as the other test files expect it: the real seed.
    await load(SEED_DIR);
    expect(await graphFingerprint(driver)).toEqual(original);
    await driver.close();
  });

  it("is idempotent: loading the same seed again changes nothing", async () => {
    const summary = await load(SEED_DIR);
    expect(await graphFingerprint(driver)).toEqual(original);
    expect(summary.labels.Person).toBe(10);
    expect(summary.relationships.MENTIONS).toBeGreaterThan(100);
  });

  it("applies a changed seed: edits update, removed entries disappear, nothing else moves", async () => {
    const copy = await seedCopy();
    try {
      await copy.edit("entities/organisations.yaml", "name: United Nations Children's Fund", "name: UNICEF (renamed)");
      await copy.edit("documents/zhusan-2021-01-08/claims.yaml", /\n- id: claim:tucker-[\s\S]*?(?=\n- id: )/, "");
      await load(copy.dir);
      const { records } = await driver.executeQuery(
        "MATCH (o:Organisation {id: 'org:unicef'}) RETURN o.name AS name, COUNT { MATCH (c:Claim) WHERE c.id STARTS WITH 'claim:tucker-' } AS tuckerClaims, COUNT { MATCH (q:Quantity) WHERE q.claimId STARTS WITH 'claim:tucker-' } AS tuckerQuantities",
      );
      expect(records[0]!.get("name")).toBe("UNICEF (renamed)");
      expect(Number(records[0]!.get("tuckerClaims"))).toBe(0);
      expect(Number(records[0]!.get("tuckerQuantities"))).toBe(0);
      const after = await graphFingerprint(driver);
      expect(after.hash).not.toBe(original.hash);
      expect(after.nodes).toBeLessThan(original.nodes);
    } finally {
      await copy.remove();
    }
    await load(SEED_DIR);
    expect(await graphFingerprint(driver)).toEqual(original);
  });

  describe("refuses a broken seed, naming file, line, entry and field, and writes nothing", () => {
    const refused = async (breakIt: (copy: Awaited<ReturnType<typeof seedCopy>>) => Promise<void>) => {
      const copy = await seedCopy();
      try {
        await breakIt(copy);
        const error = await load(copy.dir).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(SeedValidationError);
        expect(await graphFingerprint(driver)).toEqual(original);
        return error as SeedValidationError;
      } finally {
        await copy.remove();
      }
    };

    it("a quote that is not in the text", async () => {
      const error = await refused((c) => c.edit("documents/zhusan-2021-01-08/claims.yaml", "we repatriated over 700 nationals", "we repatriated over 7000 nationals"));
      expect(error.problems).toHaveLength(1);
      expect(error.problems[0]).toMatchObject({ file: "documents/zhusan-2021-01-08/claims.yaml", field: "quote" });
      expect(error.problems[0]!.line).toBeGreaterThan(1);
      expect(error.problems[0]!.entry).toMatch(/^claim:/);
      expect(error.message).toMatch(/claims\.yaml:\d+:\d+ claim:\S+ quote: quote not found verbatim/);
    });

    it("a straight apostrophe where the text has a curly one, with a hint", async () => {
      const error = await refused((c) => c.edit("documents/zhusan-2021-01-08/people.yaml", "Atlantic Council’s Eurasia Center\"", "Atlantic Council's Eurasia Center\""));
      expect(error.message).toMatch(/different quotes, dashes or spaces/);
    });

    it("a reference to an id that does not exist", async () => {
      const error = await refused((c) => c.edit("documents/zhusan-2021-01-08/programs.yaml", /participant: org:unicef/, "participant: org:unicefx"));
      expect(error.problems[0]).toMatchObject({ file: "documents/zhusan-2021-01-08/programs.yaml", entry: expect.stringMatching(/^program:/), field: expect.stringMatching(/^participants\[\d+\]\.participant$/) });
      expect(error.problems[0]!.message).toMatch(/org:unicefx, which is not defined/);
    });

    it("a duplicate id", async () => {
      const error = await refused((c) => c.edit("entities/organisations.yaml", "- id: org:osce", "- id: org:icrc"));
      expect(error.problems.some((p) => p.file === "entities/organisations.yaml" && /duplicate id org:icrc \(first defined in entities\/organisations\.yaml:\d+\)/.test(p.message))).toBe(true);
    });

    it("a field of the wrong kind, and an unknown field, all reported at once", async () => {
      const error = await refused(async (c) => {
        await c.edit("entities/organisations.yaml", "kind: INTERGOVERNMENTAL", "kind: CHARITY");
        await c.edit("documents/zhusan-2021-01-08/people.yaml", "honorific: Ambassador", "honorifc: Ambassador");
      });
      expect(error.problems.map((p) => `${p.file} ${p.field}`)).toEqual(expect.arrayContaining(["entities/organisations.yaml kind", "documents/zhusan-2021-01-08/people.yaml honorifc"]));
      expect(error.problems.length).toBeGreaterThanOrEqual(2);
    });

    it("a YAML syntax error, with its line", async () => {
      const error = await refused((c) => c.edit("entities/places.yaml", "countries:", "countries: [\n"));
      expect(error.problems[0]).toMatchObject({ file: "entities/places.yaml", line: expect.any(Number) });
      expect(error.problems[0]!.message).toMatch(/^YAML:/);
    });

    it("YAML syntax errors in two files hide nothing: the other files' problems are listed too, each at file:line:col", async () => {
      const error = await refused(async (c) => {
        await c.edit("entities/places.yaml", "countries:", "countries: [\n");
        await c.edit("documents/zhusan-2021-01-08/people.yaml", "honorific: Ambassador", "honorific: \"Ambassador");
        await c.edit("entities/organisations.yaml", "kind: INTERGOVERNMENTAL", "kind: CHARITY");
        await c.edit("entities/programs.yaml", /\n(\s+)kind: /, "\n$1kindd: ");
      });
      const files = error.problems.map((p) => p.file);
      expect(files).toEqual(expect.arrayContaining(["entities/places.yaml", "documents/zhusan-2021-01-08/people.yaml", "entities/organisations.yaml", "entities/programs.yaml"]));
      for (const file of ["entities/places.yaml", "documents/zhusan-2021-01-08/people.yaml"]) {
        const syntax = error.problems.find((p) => p.file === file)!;
        expect(syntax.message).toMatch(/^YAML:/);
      }
      expect(error.problems.find((p) => p.file === "entities/organisations.yaml")).toMatchObject({ field: "kind" });
      expect(error.problems.filter((p) => p.file === "entities/programs.yaml").map((p) => p.field)).toContain("kindd");
      for (const problem of error.problems) {
        expect(problem.line, JSON.stringify(problem)).toBeGreaterThan(0);
        expect(problem.column, JSON.stringify(problem)).toBeGreaterThan(0);
      }
      expect(error.message).toMatch(/entities\/places\.yaml:\d+:\d+: YAML:/);
      expect(error.message).toMatch(/entities\/organisations\.yaml:\d+:\d+ org:\S+ kind:/);
    });

    it("an event.yaml that is not YAML hides nothing of its document's other files", async () => {
      const error = await refused(async (c) => {
        await c.edit("documents/zhusan-2021-01-08/event.yaml", "document:", "document: [\n");
        await c.edit("documents/zhusan-2021-01-08/people.yaml", "honorific: Ambassador", "honorifc: Ambassador");
      });
      expect(error.problems.find((p) => p.file === "documents/zhusan-2021-01-08/event.yaml")!.message).toMatch(/^YAML:/);
      expect(error.problems.find((p) => p.file === "documents/zhusan-2021-01-08/people.yaml")).toMatchObject({ field: "honorifc" });
      expect(error.problems.find((p) => p.file === "documents/zhusan-2021-01-08/people.yaml")!.line).toBeGreaterThan(0);
    });

    it("a claim attributed to someone other than the speaker of its passage", async () => {
      const error = await refused((c) => c.edit("documents/zhusan-2021-01-08/claims.yaml", /speaker: person:christopher-harnisch/, "speaker: person:noah-tucker"));
      expect(error.problems[0]).toMatchObject({ file: "documents/zhusan-2021-01-08/claims.yaml", field: "speaker" });
      expect(error.problems[0]!.message).toMatch(/christopher-harnisch's turn/);
    });
  });
});
