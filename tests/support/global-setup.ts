import type { TestProject } from "vitest/node";
import { loadConfig } from "../../src/config/config.js";
import { createLogger } from "../../src/shared/logger.js";
import { acquireNeo4j, type Neo4jConnection } from "../../src/db/runtime.js";
import { createDriver } from "../../src/db/driver.js";
import { loadSeed } from "../../src/seed/load.js";
import path from "node:path";

/**
 * One Neo4j for the whole test run, found the way the service finds it: NEO4J_URI when set, else a
 * container, else a local Neo4j on a free port with a temporary data directory (so the tests pass
 * while `npm start` is running), loaded with the real seed. Stopped, and its data removed, when the
 * run ends. Tests that change the graph restore the seed before they finish.
 */
export default async function setup(project: TestProject) {
  const config = loadConfig({ ...process.env, NODE_ENV: "test" });
  const logger = createLogger(process.env.LOG_LEVEL ?? "warn", "tests");
  const started = Date.now();
  const neo4j: Neo4jConnection = await acquireNeo4j({ config, logger, purpose: "ephemeral" });
  console.log(`[tests] Neo4j (${neo4j.source}) at ${neo4j.uri} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  const driver = createDriver(neo4j);
  try {
    await loadSeed({ driver, database: neo4j.database, dir: path.join(config.projectRoot, "seed"), logger });
  } finally {
    await driver.close();
  }
  project.provide("neo4j", { uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: neo4j.database, source: neo4j.source });
  return async () => {
    await neo4j.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string; database: string; source: string };
  }
}
