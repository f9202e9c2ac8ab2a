import { describe, expect, it } from "vitest";
import { runSoak } from "../../bench/soak.js";

/**
 * The short version of `npm run soak`: the built service on a local Neo4j of its own, under load
 * from this process, with Neo4j killed once. Runs until the service has answered again.
 */
describe("the resilience program, short", { timeout: 900_000 }, () => {
  it("survives a kill of Neo4j under load: every failure is SERVICE_UNAVAILABLE, and it recovers by itself", async () => {
    const lines: string[] = [];
    const result = await runSoak({
      connections: 10,
      durationS: 6,
      killAtS: 2,
      untilRecoveredPlusS: 2,
      env: { READ_TIMEOUT_MS: "2000" },
      log: (line) => lines.push(line),
    });
    console.log(lines.join("\n"));
    expect(result.requests).toBeGreaterThan(0);
    expect(result.socketErrors).toBe(0);
    // Only Neo4j's absence fails a request, and only with its code.
    expect(Object.keys(result.errorCodes)).toEqual(["SERVICE_UNAVAILABLE"]);
    expect(result.non2xx).toBeLessThanOrEqual(result.errorCodes.SERVICE_UNAVAILABLE!);
    // Recovered with no restart of the service, within 5 s of Neo4j answering again.
    expect(result.recoveryAfterKillMs).not.toBeNull();
    expect(result.recoveryAfterNeo4jMs!).toBeLessThan(5_000);
    // No request waited much past the read timeout (plus queueing on a busy machine).
    expect(result.maxLatency).toBeLessThan(2_000 + 5_000);
  });
});
