import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import neo4j from "neo4j-driver";
import { projectRoot } from "../src/config/config.js";
import { createApiKey } from "../src/auth/keys.js";
import { MIX } from "./soak.js";

/**
 * Curators beside readers: the built service in its own process, on a local Neo4j of its own (a
 * temporary data directory, seeded), 50 readers asking the soak's mix in closed loops, first alone,
 * then with 20 curators writing (each adds a claim, then retracts it, again and again) for the same
 * time. Prints readers' p50/p99 alone and beside the writers and their ratio, writes per second and
 * their p50/p99, 5xx answers, and the lost-update check: every write that answered success has its
 * revision, and no revision is missing or doubled.
 *
 *   npm run bench:writes                       30 s each phase, 50 readers, 20 writers
 *   DURATION=10 READERS=20 WRITERS=5 npm run bench:writes
 */

const DURATION_S = Number(process.env.DURATION ?? 30);
const READERS = Number(process.env.READERS ?? 50);
const WRITERS = Number(process.env.WRITERS ?? 20);
const WARMUP_S = Number(process.env.WARMUP ?? 5);

async function startService(env: Record<string, string>, logFile: string): Promise<{ child: ChildProcess; baseUrl: string; boltUri: string }> {
  const out = fs.openSync(logFile, "w");
  const child = spawn("node", [path.join(projectRoot, "dist", "src", "main.js")], {
    env: { ...process.env, PORT: "0", LOG_FORMAT: "json", LOG_LEVEL: "info", NODE_ENV: "production", ...env },
    stdio: ["ignore", out, out],
  });
  fs.closeSync(out);
  for (const end = Date.now() + 600_000; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
    const text = await fsp.readFile(logFile, "utf8");
    const ready = /GraphQL API ready at (http:\/\/\S+)\/graphql/.exec(text);
    const bolt = /"uri":"(bolt:\/\/[^"]+)"/.exec(text);
    if (ready && bolt) return { child, baseUrl: ready[1]!, boltUri: bolt[1]! };
    if (child.exitCode !== null) throw new Error(`the service exited before it was ready:\n${text.slice(-3000)}`);
  }
  child.kill("SIGTERM");
  throw new Error(`the service did not start; its log: ${logFile}`);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Tally {
  latencies: number[];
  status5xx: number;
  failed: number;
  /** Codes of refused writes, with how many. */
  codes?: Record<string, number>;
}

async function post(baseUrl: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any; ms: number }> {
  const started = performance.now();
  try {
    const res = await fetch(`${baseUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
    const json = await res.json().catch(() => null);
    return { status: res.status, json, ms: performance.now() - started };
  } catch {
    return { status: 0, json: null, ms: performance.now() - started };
  }
}

/** Readers in closed loops until `until`. */
async function readers(baseUrl: string, count: number, until: number, tally: Tally): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, async (_, r) => {
      for (let i = r; Date.now() < until; i++) {
        const { status, ms } = await post(baseUrl, { query: MIX[i % MIX.length]!.query });
        if (status >= 500 || status === 0) tally.status5xx++;
        else tally.latencies.push(ms);
      }
    }),
  );
}

const ADD = `mutation ($input: AddClaimInput!) { addClaim(input: $input) { factId revision { number } } }`;
const RETRACT = `mutation ($input: RetractInput!) { retract(input: $input) { factId revision { number } } }`;

interface Written {
  factId: string;
  revision: number;
}

/** Curators in closed loops until `until`: each adds a claim of its own, then retracts it. */
async function writers(baseUrl: string, bearers: string[], until: number, tally: Tally, written: Written[], phase: string): Promise<void> {
  await Promise.all(
    bearers.map(async (bearer, w) => {
      const headers = { authorization: `Bearer ${bearer}` };
      for (let n = 0; Date.now() < until; n++) {
        const id = `claim:bench-${phase}-${w}-${n}`;
        const input = { id, speakerId: "person:yerzhan-ashykbayev", kind: "ASSERTION", documentId: "document:zhusan-2021-01-08", quote: "First, Kazakhstan is attentive to its international obligations.", about: ["country:KZ"] };
        for (const [query, variables] of [[ADD, { input }], [RETRACT, { input: { id, reason: "benchmark" } }]] as const) {
          const { status, json, ms } = await post(baseUrl, { query, variables }, headers);
          if (status >= 500 || status === 0) tally.status5xx++;
          const result = json?.data?.addClaim ?? json?.data?.retract;
          if (status === 200 && result) {
            tally.latencies.push(ms);
            written.push({ factId: result.factId, revision: result.revision.number });
          } else {
            tally.failed++;
            const code = String(json?.errors?.[0]?.extensions?.code ?? status);
            tally.codes = { ...tally.codes, [code]: (tally.codes?.[code] ?? 0) + 1 };
          }
        }
      }
    }),
  );
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function main(): Promise<void> {
  const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), "kg-bench-writes-"));
  const logFile = path.join(dataDir, "service.log");
  console.log(`[writes] starting the service on a local Neo4j in ${dataDir} (the first run downloads Neo4j)`);
  const service = await startService({ NEO4J_URI: "", NEO4J_RUNTIME: "local", NEO4J_DATA_DIR: path.join(dataDir, "neo4j") }, logFile);
  const driver = neo4j.driver(service.boltUri, neo4j.auth.basic("neo4j", ""));
  try {
    const keys = await Promise.all(Array.from({ length: WRITERS }, (_, w) => createApiKey(driver, "neo4j", { name: `bench curator ${w}`, role: "curator" })));
    const bearers = keys.map((k) => k.key);

    console.log(`[writes] warm-up ${WARMUP_S} s (readers and writers), then ${DURATION_S} s of ${READERS} readers alone, then ${DURATION_S} s of ${READERS} readers beside ${WRITERS} curators`);
    const warm: Tally = { latencies: [], status5xx: 0, failed: 0 };
    const warmUntil = Date.now() + WARMUP_S * 1000;
    await Promise.all([readers(service.baseUrl, READERS, warmUntil, warm), writers(service.baseUrl, bearers.slice(0, 2), warmUntil, { ...warm }, [], "warm")]);

    const alone: Tally = { latencies: [], status5xx: 0, failed: 0 };
    await readers(service.baseUrl, READERS, Date.now() + DURATION_S * 1000, alone);

    const beside: Tally = { latencies: [], status5xx: 0, failed: 0 };
    const writes: Tally = { latencies: [], status5xx: 0, failed: 0 };
    const written: Written[] = [];
    const until = Date.now() + DURATION_S * 1000;
    await Promise.all([readers(service.baseUrl, READERS, until, beside), writers(service.baseUrl, bearers, until, writes, written, "run")]);

    // Lost updates: every success has its revision, numbered once, for the fact it answered.
    const { records } = await driver.executeQuery("MATCH (r:Revision) WHERE r.factId STARTS WITH 'claim:bench-run-' RETURN r.number AS number, r.factId AS factId");
    const stored = new Map(records.map((r) => [Number(r.get("number")), r.get("factId") as string]));
    const missing = written.filter((w) => stored.get(w.revision) !== w.factId).length;
    const numbers = [...stored.keys()].sort((a, b) => a - b);
    const gaps = numbers.slice(1).filter((n, i) => n !== numbers[i]! + 1).length;

    const a = alone.latencies.sort((x, y) => x - y);
    const b = beside.latencies.sort((x, y) => x - y);
    const w = writes.latencies.sort((x, y) => x - y);
    const rows: Array<[string, string]> = [
      ["readers alone: requests, p50, p99", `${a.length}, ${fmt(percentile(a, 50))}, ${fmt(percentile(a, 99))}`],
      ["readers beside curators: requests, p50, p99", `${b.length}, ${fmt(percentile(b, 50))}, ${fmt(percentile(b, 99))}`],
      ["readers' p99 beside ÷ alone (target ≤ 2)", (percentile(b, 99) / percentile(a, 99)).toFixed(2)],
      ["writes answered success (adds and retractions)", `${w.length} (${(w.length / DURATION_S).toFixed(1)}/s), p50 ${fmt(percentile(w, 50))}, p99 ${fmt(percentile(w, 99))}`],
      ["writes refused, by code", `${writes.failed}${writes.codes ? ` (${Object.entries(writes.codes).map(([c, n]) => `${c} ${n}`).join(", ")})` : ""}`],
      ["5xx or no answer (readers + writers; target 0)", String(alone.status5xx + beside.status5xx + writes.status5xx)],
      ["successes without their revision (lost updates; target 0)", String(missing)],
      ["revisions stored for these writes, and successes", `${stored.size}, ${written.length}`],
      ["gaps in their revision numbers (other writes between)", String(gaps)],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    console.log(`\n${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join("\n")}`);
  } finally {
    await driver.close();
    service.child.kill("SIGTERM");
    await new Promise((r) => service.child.once("exit", r));
    await fsp.rm(dataDir, { recursive: true, force: true }).catch(() => {});
  }
}

await main();
