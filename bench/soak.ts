import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import neo4j from "neo4j-driver";
import { projectRoot } from "../src/config/config.js";

/**
 * The resilience program: the built service (`npm run build`) in its own process, on a local Neo4j
 * of its own (a temporary data directory), under load from this process (autocannon), with Neo4j
 * paused (SIGSTOP … SIGCONT) and killed (SIGKILL) on the way. Prints non-2xx answers, error codes
 * per second, latency p50/p99, the recovery time after the kill and the service's RSS at the start
 * and the end.
 *
 *   npm run soak            20 s of warm-up, then 50 connections, 60 s; Neo4j paused at 5 s for 10 s, killed at 20 s
 *   CONNECTIONS=20 DURATION=30 PAUSE_AT=3 PAUSE_FOR=5 KILL_AT=12 npm run soak
 */

/** A mix of what clients ask: lists, one entity with relations, search, a graph view, the health check. */
export const MIX: Array<{ name: string; query: string }> = [
  { name: "speakers", query: `{ speakers(first: 10) { totalCount edges { node { id name affiliations { id name } } } } }` },
  {
    name: "person",
    query: `{ person(id: "person:yerzhan-ashykbayev") { name referencedOrganisations { organisation { name } mentionCount evidence(first: 2) { surface } } } }`,
  },
  { name: "claims", query: `{ claims(speakerId: "person:yerzhan-ashykbayev", first: 20) { totalCount edges { node { id text quantities { value unit } } } } }` },
  { name: "search", query: `{ search(query: "UNICEF", first: 5) { score snippet node { id } } }` },
  { name: "neighbourhood", query: `{ neighbourhood(id: "program:operation-zhusan", depth: 1, limit: 50) { nodes { id type label } edges { id source target type } truncated } }` },
  { name: "country", query: `{ country(id: "country:KZ") { name programs { role program { name } } } }` },
  { name: "organisations", query: `{ organisations(first: 20) { edges { node { id name acronym } } pageInfo { endCursor } } }` },
  { name: "health", query: `{ health { neo4j nodeCount } }` },
];

export interface SoakOptions {
  connections: number;
  /** Seconds of load; with `untilRecovered`, the most. */
  durationS: number;
  /** Seconds of load before the run (not counted, no faults), so RSS is compared warm to warm. */
  warmupS?: number;
  /** Seconds after the start to pause Neo4j (SIGSTOP), and for how long; none when absent. */
  pauseAtS?: number;
  pauseForS?: number;
  /** Seconds after the start to kill Neo4j (SIGKILL); none when absent. */
  killAtS?: number;
  /** Stop this many seconds after the first good answer following the kill (the short version). */
  untilRecoveredPlusS?: number;
  /** Keep the service's log file (its path is printed at the start). */
  keepLog?: boolean;
  /** Extra environment for the service. */
  env?: Record<string, string>;
  log?: (line: string) => void;
}

export interface SoakResult {
  requests: number;
  non2xx: number;
  /** Answers with a GraphQL error, by code. */
  errorCodes: Record<string, number>;
  /** Per second since the start: answers by code ("ok" for none). */
  perSecond: Array<Record<string, number>>;
  /** Connection-level failures (resets, timeouts) seen by the load generator. */
  socketErrors: number;
  p50: number;
  p99: number;
  maxLatency: number;
  /** Milliseconds from the kill to the first good answer, and from Neo4j answering again to it. */
  recoveryAfterKillMs: number | null;
  neo4jBackAfterKillMs: number | null;
  recoveryAfterNeo4jMs: number | null;
  /** Before any load, after the warm-up (where the run starts), the most seen during the run, and at the end. */
  rssStartMb: number;
  rssWarmMb: number;
  rssPeakMb: number;
  rssEndMb: number;
  durationMs: number;
  /** Events of the run (pause, resume, kill, Neo4j back), ms since the start. */
  events: Array<{ atMs: number; what: string }>;
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** The JVM of the local Neo4j on this (our own) data directory. */
function jvmOf(dataDir: string): number | null {
  try {
    const pids = execFileSync("pgrep", ["-f", `LocalNeo4j.java ${dataDir}`]).toString().trim().split("\n").filter(Boolean).map(Number);
    return pids[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * Starts the service with its log in a file (at info level the service logs every request; a pipe
 * that is not drained fast enough would slow it down) and waits for the line with its URL.
 */
async function startService(env: Record<string, string>, logFile: string): Promise<{ child: ChildProcess; baseUrl: string }> {
  const out = fs.openSync(logFile, "w");
  const child = spawn("node", [path.join(projectRoot, "dist", "src", "main.js")], {
    env: { ...process.env, PORT: "0", LOG_FORMAT: "json", LOG_LEVEL: "info", NODE_ENV: "production", ...env },
    stdio: ["ignore", out, out],
  });
  fs.closeSync(out);
  let exited: number | null | undefined;
  child.once("exit", (code) => (exited = code));
  for (const end = Date.now() + 600_000; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
    const text = await fsp.readFile(logFile, "utf8");
    const match = /GraphQL API ready at (http:\/\/\S+)\/graphql/.exec(text);
    if (match) return { child, baseUrl: match[1]! };
    if (exited !== undefined) throw new Error(`the service exited (${exited}) before it was ready:\n${text.slice(-3000)}`);
  }
  child.kill("SIGTERM");
  throw new Error(`the service did not start within 10 minutes; its log: ${logFile}`);
}

/** Whether Neo4j itself runs a query within a second (Bolt alone answers before the database does). */
async function neo4jAnswers(uri: string): Promise<boolean> {
  const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", ""), { connectionTimeout: 1_000 });
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      driver.executeQuery("RETURN 1").then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 1_000))),
    ]);
  } finally {
    clearTimeout(timer);
    void driver.close().catch(() => {});
  }
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), "kg-soak-"));
  const logFile = `${dataDir}.service.log`;
  log(`starting the service on a local Neo4j of its own (${dataDir}); log: ${logFile}`);
  const { child, baseUrl } = await startService({ NEO4J_URI: "", NEO4J_RUNTIME: "local", NEO4J_DATA_DIR: dataDir, ...options.env }, logFile);
  const servicePid = child.pid!;
  const timers: NodeJS.Timeout[] = [];
  try {
    let jvm = jvmOf(dataDir);
    if (!jvm) throw new Error("no local Neo4j found for the soak's data directory");
    // The service writes the local Neo4j's Bolt URI beside its data directory.
    const boltUri = (JSON.parse(await fsp.readFile(`${dataDir}.running.json`, "utf8")) as { uri: string }).uri;
    log(`service ${baseUrl} (pid ${servicePid}), Neo4j JVM pid ${jvm}; ${options.connections} connections, up to ${options.durationS} s`);
    // Warm up: plans compiled, pool filled.
    for (const { query } of MIX) await fetch(`${baseUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
    const rssStartMb = rssMb(servicePid);
    // Load before the measured run, so its RSS figures compare a warm process with itself: a cold
    // one grows its heap and allocator pools for the first 10-20 s of load, then holds steady.
    if (options.warmupS) {
      await autocannon({
        url: `${baseUrl}/graphql`,
        connections: options.connections,
        duration: options.warmupS,
        requests: MIX.map(({ query }) => ({ method: "POST" as const, headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) })),
      });
    }
    const rssWarmMb = rssMb(servicePid);
    let rssPeakMb = rssWarmMb;

    const started = Date.now();
    const events: SoakResult["events"] = [];
    const event = (what: string) => {
      events.push({ atMs: Date.now() - started, what });
      log(`  ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s  ${what}`);
    };
    const perSecond: Array<Record<string, number>> = [];
    const errorCodes: Record<string, number> = {};
    let non2xx = 0;
    let killedAt: number | null = null;
    let neo4jBackAt: number | null = null;
    let firstGoodAfterKill: number | null = null;
    let failedSinceKill = false;

    const count = (status: number, body: string) => {
      const second = Math.floor((Date.now() - started) / 1000);
      const bucket = (perSecond[second] ??= {});
      if (status < 200 || status > 299) non2xx += 1;
      let code = "ok";
      if (!body.startsWith('{"data"') || body.includes('"errors"')) {
        try {
          const parsed = JSON.parse(body) as { errors?: Array<{ extensions?: { code?: string } }> };
          code = parsed.errors?.[0]?.extensions?.code ?? (status === 200 ? "ok" : `HTTP_${status}`);
        } catch {
          code = `HTTP_${status}`;
        }
      }
      if (code !== "ok") {
        errorCodes[code] = (errorCodes[code] ?? 0) + 1;
        if (killedAt !== null) failedSinceKill = true;
      } else if (failedSinceKill && neo4jBackAt !== null && firstGoodAfterKill === null) {
        // The first good answer once Neo4j is back (answers in flight at the kill do not count).
        firstGoodAfterKill = Date.now();
        event("the service answers again");
        if (options.untilRecoveredPlusS !== undefined) timers.push(setTimeout(() => instance.stop(), options.untilRecoveredPlusS * 1000));
        else if (overtime) timers.push(setTimeout(() => instance.stop(), 3_000));
      }
      bucket[code] = (bucket[code] ?? 0) + 1;
    };

    let finished!: (result: autocannon.Result) => void;
    const done = new Promise<autocannon.Result>((resolve) => (finished = resolve));
    const instance = autocannon({
      url: `${baseUrl}/graphql`,
      connections: options.connections,
      // Stopped by the timers below: at durationS, or, when Neo4j was killed and the service has
      // not answered since, 3 s after it does (at most 5 minutes more).
      duration: options.durationS + 300,
      // A request that takes longer than this is counted as a timeout (a socket error).
      timeout: 30,
      requests: MIX.map(({ query }) => ({
        method: "POST" as const,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
        onResponse: (status: number, body: string) => count(status, body),
      })),
    }, (error, result) => {
      if (error) log(`load generator: ${String(error)}`);
      finished(result);
    });
    let overtime = false;
    timers.push(
      setTimeout(() => {
        if (killedAt === null || firstGoodAfterKill !== null) instance.stop();
        else {
          overtime = true;
          event("the run is over, but the service has not answered since the kill: waiting for it");
        }
      }, options.durationS * 1000),
    );
    const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, rssMb(servicePid))), 1_000);
    let socketErrors = 0;
    instance.on("reqError", () => (socketErrors += 1));

    if (options.pauseAtS !== undefined && options.pauseForS) {
      timers.push(
        setTimeout(() => {
          process.kill(jvm!, "SIGSTOP");
          event(`Neo4j paused (SIGSTOP ${jvm})`);
          timers.push(
            setTimeout(() => {
              process.kill(jvm!, "SIGCONT");
              event("Neo4j resumed (SIGCONT)");
            }, options.pauseForS! * 1000),
          );
        }, options.pauseAtS * 1000),
      );
    }
    if (options.killAtS !== undefined) {
      timers.push(
        setTimeout(async () => {
          process.kill(jvm!, "SIGKILL");
          killedAt = Date.now();
          event(`Neo4j killed (SIGKILL ${jvm})`);
          // When does Neo4j answer again (restarted by the service)? And the service?
          for (;;) {
            await new Promise((r) => setTimeout(r, 100));
            const next = jvmOf(dataDir);
            if (next && next !== jvm && (await neo4jAnswers(boltUri))) break;
            if (Date.now() - killedAt > options.durationS * 1000 + 300_000) return;
          }
          neo4jBackAt = Date.now();
          jvm = jvmOf(dataDir);
          event(`Neo4j answers again (JVM pid ${jvm})`);
        }, options.killAtS * 1000),
      );
    }

    const result = await done;
    clearInterval(sampler);
    for (const timer of timers) clearTimeout(timer);
    // Whatever happened, leave Neo4j running.
    const current = jvmOf(dataDir);
    if (current) process.kill(current, "SIGCONT");
    const rssEndMb = rssMb(servicePid);
    const firstGood = firstGoodAfterKill as number | null;
    const out: SoakResult = {
      requests: result.requests.total,
      non2xx,
      errorCodes,
      perSecond,
      socketErrors,
      p50: result.latency.p50,
      p99: result.latency.p99,
      maxLatency: result.latency.max,
      recoveryAfterKillMs: killedAt !== null && firstGood !== null ? firstGood - killedAt : null,
      neo4jBackAfterKillMs: killedAt !== null && neo4jBackAt !== null ? neo4jBackAt - killedAt : null,
      recoveryAfterNeo4jMs: neo4jBackAt !== null && firstGood !== null ? firstGood - neo4jBackAt : null,
      rssStartMb,
      rssWarmMb,
      rssPeakMb,
      rssEndMb,
      durationMs: Date.now() - started,
      events,
    };
    report(out, log);
    return out;
  } finally {
    for (const timer of timers) clearTimeout(timer);
    const current = jvmOf(dataDir);
    if (current) process.kill(current, "SIGCONT");
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
    await fsp.rm(dataDir, { recursive: true, force: true });
    await fsp.rm(`${dataDir}.running.json`, { force: true });
    if (!options.keepLog) await fsp.rm(logFile, { force: true });
  }
}

function report(r: SoakResult, log: (line: string) => void): void {
  log("");
  log("second  answers by code");
  r.perSecond.forEach((bucket, second) => {
    const parts = Object.entries(bucket ?? {}).map(([code, n]) => `${code} ${n}`);
    log(`${String(second).padStart(6)}  ${parts.join(", ") || "-"}`);
  });
  log("");
  log(`requests           ${r.requests}`);
  log(`non-2xx            ${r.non2xx}`);
  log(`GraphQL errors     ${Object.entries(r.errorCodes).map(([c, n]) => `${c} ${n}`).join(", ") || "none"}`);
  log(`socket errors      ${r.socketErrors}`);
  log(`latency            p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.maxLatency} ms`);
  log(
    `recovery           ${
      r.recoveryAfterKillMs === null
        ? "no kill, or no good answer after it"
        : `Neo4j answered again ${((r.neo4jBackAfterKillMs ?? 0) / 1000).toFixed(1)} s after the kill (restarted by the service); ` +
          `the service answered ${((r.recoveryAfterNeo4jMs ?? 0) / 1000).toFixed(1)} s after that`
    }`,
  );
  log(`duration           ${(r.durationMs / 1000).toFixed(1)} s`);
  log(
    `service RSS        ${r.rssStartMb.toFixed(0)} MB before the load, ${r.rssWarmMb.toFixed(0)} MB after the warm-up (the run's start), ` +
      `${r.rssPeakMb.toFixed(0)} MB at most during the run, ${r.rssEndMb.toFixed(0)} MB at the end ` +
      `(${(((r.rssEndMb - r.rssWarmMb) / r.rssWarmMb) * 100).toFixed(0)} % over the run)`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join("bench", "soak.js"))) {
  const env = process.env;
  runSoak({
    connections: Number(env.CONNECTIONS ?? 50),
    durationS: Number(env.DURATION ?? 60),
    pauseAtS: Number(env.PAUSE_AT ?? 5),
    pauseForS: Number(env.PAUSE_FOR ?? 10),
    killAtS: Number(env.KILL_AT ?? 20),
    warmupS: Number(env.WARMUP ?? 20),
    keepLog: env.KEEP_LOG === "1",
  }).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
