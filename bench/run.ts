import "reflect-metadata";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config/config.js";
import { createLogger } from "../src/shared/logger.js";
import { acquireNeo4j } from "../src/db/runtime.js";
import { createDriver } from "../src/db/driver.js";
import { loadSeed } from "../src/seed/load.js";
import { ensureGraphSchema } from "../src/seed/graph-schema.js";
import { shapes as allShapes, type Shape } from "./shapes.js";
import { currentScale, growGraph } from "./scale.js";
import { SERVERS, startServer, type RunningServer } from "./servers.js";
import { fetchOnce, load } from "./load.js";
import { OurProfiler, profileFloor } from "./profile.js";
import { chart, dbHitsTable, median, table, targets, type Measured, type Results, type ScaleInfo } from "./report.js";

/**
 * `npm run bench`: this API against @neo4j/graphql and against the floor (one hand-written Cypher
 * query per request over bare node:http), each server in its own process, on one Neo4j, at growing
 * graph sizes. Load comes from autocannon in this process (which serves nothing): a warm-up, then
 * rounds that alternate the servers, at each connection count. Every server's answer to every
 * shape is checked once before timing (and ours against the floor's where comparable).
 *
 *   npm run bench -- --scale 1,10,100 --duration 10 --rounds 2 --connections 10,50
 *   npm run bench -- --smoke        a few seconds at 1×: every server answers every shape
 *   npm run bench -- --soak 60      then 60 s of every shape in turn at 50 connections: RSS before and after
 *
 * Prints a table per size and connection count, db hits per shape (PROFILE), the servers' RSS at
 * the start and end of each run, and where the targets stand; writes bench/results/<date>.json
 * and bench/results/p50-by-scale.svg.
 */
const { values: opts } = parseArgs({
  options: {
    scale: { type: "string", default: "1,10,100" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    rounds: { type: "string", default: "2" },
    connections: { type: "string", default: "10,50" },
    shapes: { type: "string" },
    out: { type: "string", default: "bench/results" },
    smoke: { type: "boolean", default: false },
    soak: { type: "string", default: "0" },
    "cpu-prof": { type: "boolean", default: false },
  },
});

const list = (s: string) => s.split(",").map((x) => Number(x.trim())).filter((n) => n > 0);
const smoke = opts.smoke;
const scales = smoke ? [1] : list(opts.scale).sort((a, b) => a - b);
const duration = smoke ? 1 : Number(opts.duration);
const warmup = smoke ? 0 : Number(opts.warmup);
const rounds = smoke ? 1 : Number(opts.rounds);
const connectionLevels = smoke ? [10] : list(opts.connections);
const shapes = opts.shapes ? allShapes.filter((s) => opts.shapes!.split(",").includes(s.name)) : allShapes;

async function main(): Promise<number> {
  const config = loadConfig({ ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn" });
  const logger = createLogger("warn", "bench");
  const root = config.projectRoot;
  const neo4j = await acquireNeo4j({ config, logger, purpose: "ephemeral" });
  const driver = createDriver(neo4j);
  const servers: RunningServer[] = [];
  let failures = 0;
  const results: Results = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, load ${os.loadavg()[0]!.toFixed(1)}, Node ${process.version}`,
    options: { scales, duration, warmup, rounds, connections: connectionLevels, neo4j: neo4j.source },
    scales: [],
    measured: [],
  };
  try {
    // A graph larger than the smallest size asked for (a previous run's copies) starts again from the seed.
    const now = await currentScale(driver, neo4j.database);
    if (now === 0 || now > scales[0]!) {
      console.log(`loading the seed into ${neo4j.source} Neo4j ${neo4j.uri}`);
      await loadSeed({ driver, database: neo4j.database, dir: path.join(root, "seed"), logger });
    } else {
      await ensureGraphSchema(driver, neo4j.database);
    }
    const env = { uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: neo4j.database };
    for (const name of SERVERS) {
      const prof = opts["cpu-prof"] && name === "ours" ? ["--cpu-prof", `--cpu-prof-dir=${path.join(root, ".scratch", "cpu")}`] : [];
      servers.push(await startServer(name, root, env, prof));
    }
    const profiler = await OurProfiler.create(driver, config, logger);

    for (const scale of scales) {
      const loadMs = await growGraph(driver, neo4j.database, scale);
      const size = await driver.executeQuery("MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels", {}, { database: neo4j.database });
      const info: ScaleInfo = {
        scale,
        nodes: Number(size.records[0]!.get("nodes")),
        relationships: Number(size.records[0]!.get("rels")),
        loadMs: Math.round(loadMs),
        dbHits: {},
        rss: [],
      };
      results.scales.push(info);
      console.log(`\n# ${scale}× the seed: ${info.nodes} nodes, ${info.relationships} relationships${loadMs ? ` (grown in ${(loadMs / 1000).toFixed(1)} s)` : ""}`);

      // Every server answers every shape without errors; ours and the floor alike where comparable.
      for (const shape of shapes) {
        const answers = new Map<string, unknown>();
        for (const server of servers) {
          try {
            answers.set(server.name, (await fetchOnce(server, shape)).data);
          } catch (error) {
            failures++;
            console.log(`ERROR ${(error as Error).message}`);
          }
        }
        const mismatch = compare(shape, answers.get("ours"), answers.get("floor"));
        if (mismatch) {
          failures++;
          console.log(`MISMATCH ${shape.name}: ours and the floor differ: ${mismatch}`);
        }
        const ours = await profiler.profile(shape);
        const floor = await profileFloor(driver, neo4j.database, shape);
        info.dbHits[shape.name] = {
          ours: ours.reduce((n, p) => n + p.dbHits, 0),
          floor: floor.dbHits,
          oursOperators: ours.flatMap((p) => p.operators),
          oursTop: ours.flatMap((p) => p.top),
        };
      }

      for (const connections of connectionLevels) {
        const rssStart = new Map(servers.map((s) => [s.name, s.rss()]));
        const byKey = new Map<string, Measured["rounds"]>();
        let errors = new Map<string, number>();
        for (const shape of shapes) {
          if (warmup > 0) for (const server of servers) await load(server, shape, connections, warmup);
          for (let round = 0; round < rounds; round++) {
            // Alternate which server goes first, so none always runs on the warmest caches.
            const order = servers.map((_, i) => servers[(i + round) % servers.length]!);
            for (const server of order) {
              const r = await load(server, shape, connections, duration);
              const key = `${shape.name}|${server.name}`;
              byKey.set(key, [...(byKey.get(key) ?? []), { rps: r.rps, p50: r.p50, p99: r.p99 }]);
              errors.set(key, (errors.get(key) ?? 0) + r.errors);
            }
          }
        }
        for (const [key, rs] of byKey) {
          const [shape, server] = key.split("|") as [string, RunningServer["name"]];
          const m: Measured = { scale, connections, shape, server, rps: median(rs.map((r) => r.rps)), p50: median(rs.map((r) => r.p50)), p99: median(rs.map((r) => r.p99)), errors: errors.get(key) ?? 0, rounds: rs };
          if (m.errors > 0) failures++;
          results.measured.push(m);
        }
        errors = new Map();
        for (const s of servers) info.rss.push({ connections, server: s.name, start: rssStart.get(s.name) ?? null, end: s.rss() });
        console.log(`\n## ${scale}×, ${connections} connections, ${rounds} × ${duration} s per server and shape`);
        console.log(table(results, shapes, scale, connections));
        console.log(`RSS MB (start → end): ${info.rss.filter((r) => r.connections === connections).map((r) => `${r.server} ${r.start} → ${r.end}`).join(", ")}`);
      }
    }

    const soak = smoke ? 0 : Number(opts.soak);
    if (soak > 0) {
      // Memory under sustained load, after warm-up: every shape in turn, at 50 connections.
      const ours = servers.find((s) => s.name === "ours")!;
      const before = ours.rss();
      const each = Math.max(1, Math.round(soak / shapes.length));
      for (const shape of shapes) await load(ours, shape, 50, each);
      const after = ours.rss();
      results.options.soak = { seconds: each * shapes.length, connections: 50, rssBefore: before, rssAfter: after };
      console.log(`\n## soak: ${each * shapes.length} s at 50 connections, this API's RSS ${before} MB → ${after} MB (${before && after ? `${(((after - before) / before) * 100).toFixed(0)} %` : "?"})`);
    }

    console.log(`\n## db hits per request (PROFILE; ours: every query of the request)`);
    console.log(dbHitsTable(results, shapes));
    if (!smoke) {
      for (const connections of connectionLevels) {
        console.log(`\n## targets at ${connections} connections: ours ÷ peer req/s ≥ 1.25, p99 ≤ peer, ours ÷ floor ≥ 0.6, p50 flat (≤ 1.5)`);
        console.log(targets(results, shapes, connections));
      }
      await fs.mkdir(path.resolve(root, opts.out), { recursive: true });
      const file = path.resolve(root, opts.out, `${results.date.replace(/[:.]/g, "-")}.json`);
      await fs.writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
      const svg = path.resolve(root, opts.out, "p50-by-scale.svg");
      await fs.writeFile(svg, chart(results, shapes, connectionLevels[0]!));
      console.log(`\nwrote ${path.relative(root, file)} and ${path.relative(root, svg)}`);
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await driver.close();
    await neo4j.stop();
  }
  console.log(failures === 0 ? "\nevery server answered every shape without errors" : `\n${failures} failure(s)`);
  return failures === 0 ? 0 : 1;
}

/** Why ours and the floor's answers differ (null when they agree, or are not comparable). */
function compare(shape: Shape, ours: unknown, floor: unknown): string | null {
  if (shape.compare === "none" || ours === undefined || floor === undefined) return null;
  const a = shape.compare === "exact" ? canonical(ours) : JSON.stringify(idsOf(ours));
  const b = shape.compare === "exact" ? canonical(floor) : JSON.stringify(idsOf(floor));
  if (a === b) return null;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: ours …${a.slice(Math.max(0, i - 80), i + 80)}… floor …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}

/** JSON with keys sorted at every level. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y))) : v,
  );
}

/** Every `id` in a value, sorted (a view's node and edge ids, a search's hit ids). */
function idsOf(value: unknown): string[] {
  const ids: string[] = [];
  JSON.stringify(value, (k, v: unknown) => {
    if (k === "id" && typeof v === "string") ids.push(v);
    return v;
  });
  return ids.sort();
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
