import { execFile, spawn } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { projectRoot } from "../../src/config/config.js";

const run = promisify(execFile);

/**
 * The benchmark's smoke run: at the seed's size, this API (the built server), @neo4j/graphql and
 * the floor each run in their own process on the test Neo4j, answer every shape once without
 * errors (ours alike with the floor where comparable), and take a second of load each. The full
 * benchmark (`npm run bench`) is not part of the tests.
 */
describe("npm run bench -- --smoke", () => {
  it("every server answers every shape without errors", async () => {
    // The benchmark and its servers are compiled apart from the service (tsconfig.bench.json).
    await run(process.execPath, [path.join(projectRoot, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.bench.json"], { cwd: projectRoot });
    const neo4j = inject("neo4j");
    const child = spawn(process.execPath, ["dist/bench/run.js", "--smoke"], {
      cwd: projectRoot,
      env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, NEO4J_DATABASE: neo4j.database },
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(output, output).toContain("every server answered every shape without errors");
    expect(output).not.toMatch(/ERROR|MISMATCH/);
    // The table lists the three servers for each of the seven shapes, with no request failing.
    const rows = output.split("\n").filter((l) => /\s(ours|peer|floor)\s+\d+\s+[\d.]+\s+[\d.]+\s+[\d.–]+\s+[\d.–]+\s+\d+$/.test(l));
    expect(rows).toHaveLength(21);
    for (const row of rows) expect(row.trim().split(/\s+/).at(-1)).toBe("0");
    expect(code).toBe(0);
  }, 600_000);
});
