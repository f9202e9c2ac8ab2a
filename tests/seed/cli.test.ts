import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Driver } from "neo4j-driver";
import { projectRoot } from "../../src/config/config.js";
import { graphFingerprint, SEED_DIR, seedCopy, testDriver } from "../support/graph.js";

const run = promisify(execFile);
const CLI = path.join(projectRoot, "dist", "src", "cli.js");

/** `npm run seed` as a user runs it (compiled by `npm test` before the tests). */
async function seedCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const conn = inject("neo4j");
  try {
    const { stdout, stderr } = await run("node", [CLI, "seed", ...args], {
      env: { ...process.env, NEO4J_URI: conn.uri, NEO4J_USER: conn.user, NEO4J_PASSWORD: conn.password, LOG_LEVEL: "warn", LOG_FORMAT: "json" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("the seed command", () => {
  let driver: Driver;
  let original: Awaited<ReturnType<typeof graphFingerprint>>;
  beforeAll(async () => {
    driver = testDriver();
    original = await graphFingerprint(driver);
  });
  afterAll(() => driver.close());

  it("loads the seed and prints counts by label and relationship type", async () => {
    const result = await seedCli(["--dir", SEED_DIR]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Nodes by label:[\s\S]*Person\s+10\n/);
    // A summary line per document (and one for the shared entities), before the totals.
    expect(result.stdout).toMatch(/^entities: \d+ nodes, 0 relationships in \d+ ms\ndocuments\/zhusan-2021-01-08\/: \d+ nodes, 907 relationships in \d+ ms\n/m);
    expect(result.stdout).toMatch(/Relationships by type:[\s\S]*MENTIONS\s+\d+/);
    expect(await graphFingerprint(driver)).toEqual(original);
  });

  it("validates without a database with --check", async () => {
    const result = await seedCli(["--check"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^The seed is valid: \d+ nodes and \d+ relationships\./);
  });

  it("exits 2 on a broken seed, listing every problem with file:line, and leaves the graph untouched", async () => {
    const copy = await seedCopy();
    try {
      await copy.edit("documents/zhusan-2021-01-08/claims.yaml", "speaker: person:stevan-weine", "speaker: person:nobody");
      await copy.edit("entities/organisations.yaml", "kind: INTERGOVERNMENTAL", "kind: CHARITY");
      const result = await seedCli(["--dir", copy.dir]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/The seed has 2 problems; nothing was written/);
      expect(result.stderr).toMatch(/organisations\.yaml:\d+:\d+ org:\S+ kind: Invalid option/);
      expect(result.stderr).toMatch(/claims\.yaml:\d+:\d+ claim:\S+ speaker: refers to person:nobody, which is not defined/);
    } finally {
      await copy.remove();
    }
    expect(await graphFingerprint(driver)).toEqual(original);
  });
});
