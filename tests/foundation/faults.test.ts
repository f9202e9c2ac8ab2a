import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import readline from "node:readline";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config/config.js";
import { boltAnswers } from "../../src/db/supervisor.js";
import { gqlTimed, getTimed, javaFor, startService, stopService, waitUntil, type RunningService, type Timed } from "../support/service.js";

/**
 * Faults, against the built service (`npm run build`) and a local Neo4j of its own (a temporary
 * data directory, never the test run's shared Neo4j): its JVM is paused with SIGSTOP and resumed
 * with SIGCONT.
 */
const READ_TIMEOUT_MS = 2_000;
const QUERY = `{ organisations(first: 5) { totalCount edges { node { id name } } } }`;

/** Whether Neo4j at `uri` runs a query within a second (Bolt alone answers before the database does). */
async function queryAnswers(uri: string): Promise<boolean> {
  const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", ""), { connectionTimeout: 1_000 });
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      driver.executeQuery("RETURN 1").then(() => true, () => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 1_000))),
    ]);
  } finally {
    clearTimeout(timer);
    void driver.close().catch(() => {});
  }
}

describe("the service's own local Neo4j, paused and killed", { timeout: 600_000 }, () => {
  let dataDir: string;
  let service: RunningService;
  let jvm: number;
  let boltUri: string;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "kg-faults-"));
    service = await startService({
      NEO4J_URI: "",
      NEO4J_RUNTIME: "local",
      NEO4J_DATA_DIR: dataDir,
      READ_TIMEOUT_MS: String(READ_TIMEOUT_MS),
    });
    const pids = javaFor(dataDir);
    expect(pids).toHaveLength(1);
    jvm = pids[0]!;
    boltUri = /"uri":"(bolt:\/\/[^"]+)"/.exec(service.logs.find((l) => l.includes("local Neo4j is up")) ?? "")?.[1] ?? "";
    expect(boltUri).toMatch(/^bolt:/);
  });
  afterAll(async () => {
    for (const pid of javaFor(dataDir)) process.kill(pid, "SIGCONT");
    if (service) await stopService(service.child);
    await waitUntil(() => javaFor(dataDir).length === 0, 30_000);
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it("answers while Neo4j runs", async () => {
    const res = await gqlTimed(service.baseUrl, QUERY);
    expect(res.status).toBe(200);
    expect(res.body.data.organisations.totalCount).toBeGreaterThan(10);
    expect((await getTimed(`${service.baseUrl}/readyz`)).status).toBe(200);
    expect((await gqlTimed(service.baseUrl, "{ health { neo4j } }")).body.data.health.neo4j).toBe(true);
  });

  it("paused: no request waits past the read timeout; /readyz and health say so within a second", async () => {
    // One request in flight when Neo4j stops, more while it is stopped.
    process.kill(jvm, "SIGSTOP");
    try {
      const [inFlight, ready, health, healthCounts, data, download] = await Promise.all([
        gqlTimed(service.baseUrl, QUERY),
        getTimed(`${service.baseUrl}/readyz`),
        gqlTimed(service.baseUrl, "{ health { neo4j } }"),
        gqlTimed(service.baseUrl, "{ health { neo4j nodeCount } }"),
        gqlTimed(service.baseUrl, `{ person(id: "person:yerzhan-ashykbayev") { name claims(first: 3) { edges { node { id } } } } }`),
        getTimed(`${service.baseUrl}/exports/graph.json`),
      ]);
      expect(ready.status).toBe(503);
      expect(ready.ms).toBeLessThan(1_500);
      expect(health.body.data.health.neo4j).toBe(false);
      expect(health.ms).toBeLessThan(1_500);
      expect(healthCounts.body.errors[0].extensions.code).toBe("SERVICE_UNAVAILABLE");
      expect(healthCounts.ms).toBeLessThan(1_500);
      for (const res of [inFlight, data]) {
        expect(res.body.errors?.[0]?.extensions?.code, JSON.stringify(res.body)).toBe("SERVICE_UNAVAILABLE");
        expect(res.ms).toBeLessThan(READ_TIMEOUT_MS + 1_500);
      }
      expect(download.status).toBe(503);
      expect(download.body.code).toBe("SERVICE_UNAVAILABLE");
      expect(download.ms).toBeLessThan(READ_TIMEOUT_MS + 1_500);

      // Still paused: later requests too (the pool's connections are all stuck now).
      const later = await Promise.all(Array.from({ length: 10 }, () => gqlTimed(service.baseUrl, QUERY)));
      for (const res of later) {
        expect(res.body.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
        expect(res.ms).toBeLessThan(READ_TIMEOUT_MS + 1_500);
      }
    } finally {
      process.kill(jvm, "SIGCONT");
    }
    // Resumed: answers again, without a restart of anything.
    expect(await waitUntil(async () => (await gqlTimed(service.baseUrl, QUERY)).status === 200, 10_000)).toBe(true);
    expect((await getTimed(`${service.baseUrl}/readyz`)).status).toBe(200);
  });

  it("killed: restarted on the same data and port; 503 meanwhile; answers within 5 s of Neo4j answering; nothing lost", async () => {
    const driver = neo4j.driver(boltUri, neo4j.auth.basic("neo4j", ""), { disableLosslessIntegers: true });
    const marker = `marker:${Date.now()}`;
    const count = async () => Number((await driver.executeQuery("MATCH (n) RETURN count(n) AS n")).records[0]!.get("n"));
    await driver.executeQuery("CREATE (:FaultMarker {id: $marker})", { marker });
    const before = await count();
    await driver.close();

    // Light load: 4 clients, one request after another.
    const seen: Array<Timed & { at: number }> = [];
    let loading = true;
    const clients = Array.from({ length: 4 }, async () => {
      while (loading) seen.push({ ...(await gqlTimed(service.baseUrl, QUERY)), at: Date.now() });
    });
    await new Promise((r) => setTimeout(r, 500));

    const killedAt = Date.now();
    process.kill(jvm, "SIGKILL");
    // Gone and reaped (its sockets closed), not merely dying.
    const gone = () => {
      try {
        process.kill(jvm, 0);
        return false;
      } catch {
        return true;
      }
    };
    expect(await waitUntil(gone, 10_000, 20)).toBe(true);
    const readyWhileDown = await getTimed(`${service.baseUrl}/readyz`);
    // Neo4j answers a query again (the supervisor started it on the same port) ...
    expect(await waitUntil(() => queryAnswers(boltUri), 180_000, 100)).toBe(true);
    const answeredAt = Date.now();
    // ... and the service answers again within 5 s of that, with no restart of its own.
    const recovered = await waitUntil(() => seen.some((r) => r.at > answeredAt && r.status === 200 && !r.body.errors), 5_000, 50);
    const recoveredAt = seen.find((r) => r.at > answeredAt && r.status === 200 && !r.body.errors)?.at ?? Infinity;
    loading = false;
    await Promise.all(clients);
    console.log(
      `[faults] killed at 0 ms; Neo4j answered at ${answeredAt - killedAt} ms; the service answered at ${recoveredAt - killedAt} ms ` +
        `(${recoveredAt - answeredAt} ms after Neo4j); ${seen.length} requests, ${seen.filter((r) => r.body.errors).length} failed`,
    );
    expect(recovered).toBe(true);
    expect(readyWhileDown.status).toBe(503);
    expect(readyWhileDown.ms).toBeLessThan(1_500);
    // Everything that failed in between failed as SERVICE_UNAVAILABLE, within the read timeout.
    for (const res of seen.filter((r) => r.body.errors)) {
      expect(res.body.errors[0].extensions.code).toBe("SERVICE_UNAVAILABLE");
      expect(res.ms).toBeLessThan(READ_TIMEOUT_MS + 1_500);
    }
    expect(seen.every((r) => r.status !== 0)).toBe(true);

    const pids = javaFor(dataDir);
    expect(pids).toHaveLength(1);
    expect(pids[0]).not.toBe(jvm);
    jvm = pids[0]!;
    expect((await getTimed(`${service.baseUrl}/readyz`)).status).toBe(200);

    const after = neo4j.driver(boltUri, neo4j.auth.basic("neo4j", ""), { disableLosslessIntegers: true });
    try {
      const found = await after.executeQuery("MATCH (m:FaultMarker {id: $marker}) RETURN count(m) AS n", { marker });
      expect(Number(found.records[0]!.get("n"))).toBe(1);
      expect(Number((await after.executeQuery("MATCH (n) RETURN count(n) AS n")).records[0]!.get("n"))).toBe(before);
    } finally {
      await after.close();
    }
  });
});

describe("a running-file left by a dead process", { timeout: 300_000 }, () => {
  it("is detected (pid and Bolt checked) and replaced: `neo4j` starts its own", async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "kg-stale-"));
    // A live process (this one) but a port nothing answers on: stale all the same.
    await fs.writeFile(`${dataDir}.running.json`, JSON.stringify({ pid: process.pid, uri: "bolt://127.0.0.1:1" }));
    const child = spawn("node", [path.join(projectRoot, "dist", "src", "cli.js"), "neo4j"], {
      env: { ...process.env, NEO4J_URI: "", NEO4J_RUNTIME: "local", NEO4J_DATA_DIR: dataDir, LOG_FORMAT: "json" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const lines: string[] = [];
    try {
      const uri = await new Promise<string>((resolve, reject) => {
        readline.createInterface({ input: child.stdout! }).on("line", (line) => {
          lines.push(line);
          const match = /listening at (bolt:\/\/\S+)/.exec(line);
          if (match) resolve(match[1]!);
        });
        child.once("exit", (code) => reject(new Error(`exited ${code}: ${lines.join("\n")}`)));
      });
      expect(uri).not.toBe("bolt://127.0.0.1:1");
      expect(lines.join("\n")).toMatch(/stale running-file/);
      expect(lines.join("\n")).not.toMatch(/another process/);
      expect(await boltAnswers(uri, 3_000)).toBe(true);
      const file = JSON.parse(await fs.readFile(`${dataDir}.running.json`, "utf8")) as { pid: number; uri: string };
      expect(file).toEqual({ pid: child.pid, uri });
    } finally {
      await stopService(child);
      await waitUntil(() => javaFor(dataDir).length === 0, 30_000);
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
