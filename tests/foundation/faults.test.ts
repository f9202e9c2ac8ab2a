import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gqlTimed, getTimed, javaFor, startService, stopService, waitUntil, type RunningService } from "../support/service.js";

/**
 * Faults, against the built service (`npm run build`) and a local Neo4j of its own (a temporary
 * data directory, never the test run's shared Neo4j): its JVM is paused with SIGSTOP and resumed
 * with SIGCONT.
 */
const READ_TIMEOUT_MS = 2_000;
const QUERY = `{ organisations(first: 5) { totalCount edges { node { id name } } } }`;

describe("a paused Neo4j", { timeout: 600_000 }, () => {
  let dataDir: string;
  let service: RunningService;
  let jvm: number;

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
});
