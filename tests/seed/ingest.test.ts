import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Driver } from "neo4j-driver";
import { projectRoot } from "../../src/config/config.js";
import { loadSeed } from "../../src/seed/load.js";
import { createLogger } from "../../src/shared/logger.js";
import { graphFingerprint, SEED_DIR, seedCopy, testDriver } from "../support/graph.js";
import { startTestServer } from "../support/test-server.js";

const run = promisify(execFile);
const CLI = path.join(projectRoot, "dist", "src", "cli.js");

/** The bash block under "### Add a transcript" in README.md, line by line. */
async function recipe(): Promise<string[]> {
  const readme = await fs.readFile(path.join(projectRoot, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### Add a transcript"));
  const block = /```bash\n([\s\S]*?)```/.exec(section)![1]!;
  return block.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
}

/**
 * Runs a command line as written, in the project folder, against a copy of the seed (SEED_DIR)
 * and the test run's Neo4j. `npm run <x> -- args` is `npm run build` (done by `npm test` before
 * the tests) then `node dist/src/cli.js <x> args`: the build is skipped, the rest runs as written.
 */
async function shell(line: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const match = /^npm run (\w+)(?: -- (.*))?$/.exec(line);
  if (!match) throw new Error(`not a npm run line: ${line}`);
  const args = [match[1]!, ...(match[2] ? match[2].split(/\s+/) : [])];
  const conn = inject("neo4j");
  try {
    const { stdout, stderr } = await run("node", [CLI, ...args], {
      cwd: projectRoot,
      env: { ...process.env, NEO4J_URI: conn.uri, NEO4J_USER: conn.user, NEO4J_PASSWORD: conn.password, LOG_LEVEL: "warn", LOG_FORMAT: "json", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("the README recipe: add a transcript", () => {
  let driver: Driver;
  let original: Awaited<ReturnType<typeof graphFingerprint>>;
  let copy: Awaited<ReturnType<typeof seedCopy>>;
  beforeAll(async () => {
    driver = testDriver();
    original = await graphFingerprint(driver);
    copy = await seedCopy();
  });
  afterAll(async () => {
    await copy.remove();
    await loadSeed({ driver, database: "neo4j", dir: SEED_DIR, logger: createLogger("silent") });
    expect(await graphFingerprint(driver)).toEqual(original);
    await driver.close();
  });

  it("runs as written: the transcript gets its folder, loads, and answers", { timeout: 120_000 }, async () => {
    const lines = await recipe();
    expect(lines).toHaveLength(2);
    const ingest = await shell(lines[0]!, { SEED_DIR: copy.dir });
    expect(ingest.stderr).toBe("");
    expect(ingest.code).toBe(0);
    expect(ingest.stdout).toMatch(/^Added documents\/reintegration-panel-2022-03-03\/ \(document:reintegration-panel-2022-03-03\): 7 passages, 3 of them by 2 speakers; 12 mentions of 5 known entities\./);
    const folder = path.join(copy.dir, "documents", "reintegration-panel-2022-03-03");
    expect((await fs.readdir(folder)).sort()).toEqual(["claims.yaml", "event.yaml", "people.yaml", "reintegration-panel-2022-03-03.txt"]);
    const source = path.join(projectRoot, "tests", "fixtures", "documents", "reintegration-panel-2022-03-03", "reintegration-panel-2022-03-03.txt");
    expect(await fs.readFile(path.join(folder, "reintegration-panel-2022-03-03.txt"))).toEqual(await fs.readFile(source));

    const seed = await shell(lines[1]!, { SEED_DIR: copy.dir });
    expect(seed.code).toBe(0);
    const server = await startTestServer();
    try {
      const res = await server.gql(`{
        document(id: "document:reintegration-panel-2022-03-03") { passages(first: 10) { totalCount edges { node { speaker { id } } } } }
        person(id: "person:daniel-reeve") { affiliations { id } referencedOrganisations { organisation { id } evidence(first: 5) { passage { document { id } } } } }
      }`);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.document.passages.totalCount).toBe(7);
      expect(res.body.data.person.referencedOrganisations.map((r: any) => r.organisation.id)).toEqual(["org:unicef"]);
      expect(res.body.data.person.referencedOrganisations[0].evidence[0].passage.document.id).toBe("document:reintegration-panel-2022-03-03");
    } finally {
      await server.close();
    }
  });

  it("refuses a transcript that does not fit, with the place of each problem, and leaves no folder", async () => {
    // A seed without the document the recipe added.
    await fs.rm(path.join(copy.dir, "documents", "reintegration-panel-2022-03-03"), { recursive: true, force: true });
    const broken = path.join(copy.dir, "broken-event.yaml");
    const event = await fs.readFile(path.join(projectRoot, "tests", "fixtures", "ingest", "event.yaml"), "utf8");
    await fs.writeFile(broken, event.replace("document:reintegration-panel-2022-03-03", "document:other-panel").replace("hosted an online panel\"\n  hosts", "hosted a panel\"\n  hosts").replace("turnLabel: DANIEL REEVE", "turnLabel: DANIEL REEVES"));
    const transcript = path.join(projectRoot, "tests", "fixtures", "documents", "reintegration-panel-2022-03-03", "reintegration-panel-2022-03-03.txt");
    const result = await shell(`npm run ingest -- ${transcript} --event ${broken}`, { SEED_DIR: copy.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nothing was written/);
    expect(result.stderr).toMatch(/The seed has 2 problems/);
    expect(result.stderr).toMatch(/documents\/other-panel\/event\.yaml:\d+:\d+ event:reintegration-panel-2022-03-03 quote: quote not found verbatim/);
    expect(result.stderr).toMatch(/documents\/other-panel\/people\.yaml:\d+:\d+ person:daniel-reeve turnLabel: no paragraph of any document opens with the turn label "DANIEL REEVES"/);
    await expect(fs.stat(path.join(copy.dir, "documents", "other-panel"))).rejects.toThrow();
  });
});
