import "reflect-metadata";
import path from "node:path";
import http from "node:http";
import express from "express";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { loadConfig } from "../src/config/config.js";
import { createLogger } from "../src/shared/logger.js";
import { acquireNeo4j } from "../src/db/runtime.js";
import { createDriver } from "../src/db/driver.js";
import { createApp } from "../src/server/app.js";
import { loadSeed } from "../src/seed/load.js";
import { neo4jGraphQLSchema } from "./neo4j-graphql.js";
import { scenarios } from "./scenarios.js";

/**
 * Benchmark: our API against @neo4j/graphql and against one hand-written Cypher query per request,
 * on the same Neo4j, the same data, in the same run. Prints medians and ratios; machines here are
 * shared, so compare ratios, not absolute times.
 *
 *   npm run bench                 (ITERATIONS=300 WARMUP=50 CONCURRENCY=8)
 */
const ITERATIONS = Number(process.env.ITERATIONS ?? 300);
const WARMUP = Number(process.env.WARMUP ?? 50);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);

async function main() {
  const config = loadConfig({ ...process.env, NODE_ENV: "production", LOG_LEVEL: "silent" });
  const logger = createLogger("silent");
  const neo4j = await acquireNeo4j({ config, logger, purpose: "ephemeral" });
  const driver = createDriver(neo4j);
  try {
    if (!process.env.NEO4J_URI) await loadSeed({ driver, database: neo4j.database, dir: path.join(config.projectRoot, "seed"), logger });

    const ours = await createApp({ driver, config, logger });
    const { port } = await ours.listen(0, "127.0.0.1");
    const oursUrl = `http://127.0.0.1:${port}/graphql`;
    // @neo4j/graphql behind the same HTTP stack (express + Apollo), so only the resolution differs.
    const theirs = new ApolloServer({ schema: await neo4jGraphQLSchema(driver) });
    await theirs.start();
    const theirsApp = express();
    theirsApp.use("/graphql", express.json(), expressMiddleware(theirs));
    const theirsServer = http.createServer(theirsApp);
    await new Promise<void>((resolve) => theirsServer.listen(0, "127.0.0.1", resolve));
    const theirsUrl = `http://127.0.0.1:${(theirsServer.address() as { port: number }).port}/graphql`;

    const post = async (url: string, query: string) => {
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
      const body = (await res.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(`${url}: ${JSON.stringify(body.errors).slice(0, 300)}`);
    };
    const runners = (s: (typeof scenarios)[number]) => ({
      "this API (HTTP)": () => post(oursUrl, s.ours),
      "@neo4j/graphql (HTTP)": () => post(theirsUrl, s.neo4jGraphql),
      "hand-written Cypher (driver)": async () => {
        await driver.executeQuery(s.cypher, {}, { database: neo4j.database, routing: "READ" });
      },
    });

    console.log(`Neo4j ${neo4j.source} ${neo4j.uri}; ${ITERATIONS} sequential requests after ${WARMUP} warm-up, then ${CONCURRENCY} concurrent\n`);
    for (const scenario of scenarios) {
      console.log(`## ${scenario.name}`);
      const rows: Array<[string, number, number, number]> = [];
      for (const [name, run] of Object.entries(runners(scenario))) {
        for (let i = 0; i < WARMUP; i++) await run();
        const times: number[] = [];
        for (let i = 0; i < ITERATIONS; i++) {
          const t = performance.now();
          await run();
          times.push(performance.now() - t);
        }
        const started = performance.now();
        let done = 0;
        await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
          while (done < ITERATIONS) {
            done++;
            await run();
          }
        }));
        const throughput = (done / (performance.now() - started)) * 1000;
        times.sort((a, b) => a - b);
        rows.push([name, quantile(times, 0.5), quantile(times, 0.95), throughput]);
      }
      const base = rows.find(([n]) => n.startsWith("hand-written"))![1];
      const ng = rows.find(([n]) => n.startsWith("@neo4j"))![1];
      console.log(`${"".padEnd(30)} ${"median ms".padStart(10)} ${"p95 ms".padStart(8)} ${"req/s".padStart(8)} ${"× Cypher".padStart(9)} ${"× @neo4j/graphql".padStart(17)}`);
      for (const [name, p50, p95, rps] of rows) {
        console.log(`${name.padEnd(30)} ${p50.toFixed(2).padStart(10)} ${p95.toFixed(2).padStart(8)} ${rps.toFixed(0).padStart(8)} ${(p50 / base).toFixed(2).padStart(9)} ${(p50 / ng).toFixed(2).padStart(17)}`);
      }
      console.log("");
    }
    theirsServer.close();
    await theirs.stop();
    await ours.stop();
  } finally {
    await driver.close();
    await neo4j.stop();
  }
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
