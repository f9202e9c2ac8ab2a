import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Driver } from "neo4j-driver";
import { resetCuration, testDriver } from "../support/graph.js";
import { startService, stopService, type RunningService } from "../support/service.js";
import { ADD_CLAIM, createKey, DOC } from "./support.js";

const WRITES = 60;
const CONCURRENCY = 8;

/** Claim i: one of Ashykbayev's sentences, as a claim of its own id. */
const claim = (i: number) => ({
  id: `claim:burst-${i}`,
  speakerId: "person:yerzhan-ashykbayev",
  kind: "ASSERTION",
  documentId: DOC,
  quote: "First, Kazakhstan is attentive to its international obligations.",
  about: ["country:KZ"],
});

type Outcome = { i: number; key: string; answer: "success" | "refused" | "no answer" };

describe("kill -9 during a burst of writes", () => {
  let driver: Driver;
  let service: RunningService;
  let bearer: Record<string, string>;

  beforeAll(async () => {
    driver = testDriver();
    await resetCuration(driver, { keys: true });
    bearer = (await createKey("curator", "burst")).bearer;
  });
  afterAll(async () => {
    if (service) await stopService(service.child);
    await resetCuration(driver, { keys: true });
    await driver.close();
  });

  const env = () => {
    const conn = inject("neo4j");
    return { NEO4J_URI: conn.uri, NEO4J_USER: conn.user, NEO4J_PASSWORD: conn.password };
  };
  const send = async (base: string, i: number, key: string): Promise<Outcome> => {
    try {
      const res = await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...bearer, "idempotency-key": key },
        body: JSON.stringify({ query: ADD_CLAIM, variables: { input: claim(i) } }),
      });
      const body = await res.json();
      return { i, key, answer: res.status === 200 && !body.errors ? "success" : "refused" };
    } catch {
      return { i, key, answer: "no answer" };
    }
  };
  const exists = async (i: number) =>
    Number((await driver.executeQuery("MATCH (c:Claim {id: $id}) RETURN count(c) AS n", { id: `claim:burst-${i}` })).records[0]!.get("n"));

  it("every write that answered success is there after restart, none refused is, and a retry with its Idempotency-Key writes the rest once", { timeout: 300_000 }, async () => {
    service = await startService(env());
    const outcomes: Outcome[] = [];
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (next < WRITES) {
        const i = next++;
        const outcome = await send(service.baseUrl, i, `burst-${i}`);
        outcomes.push(outcome);
        // Killed mid-burst, with writes in flight.
        if (!killed && outcomes.filter((o) => o.answer === "success").length >= 15) {
          killed = true;
          service.child.kill("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(killed).toBe(true);

    const succeeded = outcomes.filter((o) => o.answer === "success");
    const refused = outcomes.filter((o) => o.answer === "refused");
    const unanswered = outcomes.filter((o) => o.answer === "no answer");
    console.log(`[crash] killed with ${succeeded.length} writes answered success, ${refused.length} refused, ${unanswered.length} unanswered`);
    expect(succeeded.length).toBeGreaterThanOrEqual(15);
    expect(unanswered.length).toBeGreaterThan(0);

    service = await startService(env());
    for (const o of succeeded) expect(await exists(o.i), `claim:burst-${o.i} answered success`).toBe(1);
    for (const o of refused) expect(await exists(o.i), `claim:burst-${o.i} was refused`).toBe(0);

    // A write that got no answer may or may not have committed: retried with its key, it is written once.
    for (const o of unanswered) {
      const retried = await send(service.baseUrl, o.i, o.key);
      expect(retried.answer).toBe("success");
      expect(await exists(o.i)).toBe(1);
    }
    const revisions = await driver.executeQuery("MATCH (r:Revision) WHERE r.factId STARTS WITH 'claim:burst-' RETURN r.factId AS id, count(*) AS n");
    const counts = revisions.records.map((r) => Number(r.get("n")));
    expect(counts.every((n) => n === 1), "one revision per write").toBe(true);
    expect(counts.length).toBe(succeeded.length + unanswered.length);
  });
});
