import "reflect-metadata";
import { Command } from "commander";
import { loadConfig, projectRoot } from "./config/config.js";
import { createLogger } from "./shared/logger.js";
import { acquireNeo4j } from "./db/runtime.js";
import { createDriver } from "./db/driver.js";
import { compileSeed } from "./seed/compile.js";
import { formatSummary, loadSeed } from "./seed/load.js";
import { SeedValidationError } from "./seed/problems.js";
import { onShutdownSignal } from "./runtime/lifecycle.js";
import path from "node:path";
import fs from "node:fs/promises";
import { printSortedSchema, SCHEMA_FILE } from "./server/schema.js";

const program = new Command()
  .name("kg")
  .description("Zhusan knowledge graph: seed loader and local Neo4j")
  .showHelpAfterError();

program
  .command("seed")
  .description("validate the seed files and load them into Neo4j (one transaction; idempotent)")
  .option("-d, --dir <dir>", "seed folder", path.join(projectRoot, "seed"))
  .option("--check", "only validate; do not connect to Neo4j")
  .action(async (opts: { dir: string; check?: boolean }) => {
    const config = loadConfig();
    const logger = createLogger(config.LOG_LEVEL, "seed");
    if (opts.check) {
      const plan = await compileSeed(opts.dir);
      console.log(`The seed is valid: ${plan.nodes.length} nodes and ${plan.rels.length} relationships.`);
      return;
    }
    const neo4j = await acquireNeo4j({ config, logger, purpose: "service" });
    const driver = createDriver(neo4j);
    try {
      const summary = await loadSeed({ driver, database: neo4j.database, dir: opts.dir, logger });
      console.log(formatSummary(summary));
    } finally {
      await driver.close();
      await neo4j.stop();
    }
  });

program
  .command("neo4j")
  .description("start the local Neo4j (or the container) on its own and print its Bolt URI; Ctrl-C stops it")
  .action(async () => {
    const config = loadConfig();
    const logger = createLogger(config.LOG_LEVEL, "neo4j");
    const neo4j = await acquireNeo4j({ config, logger, purpose: "service" });
    console.log(`Neo4j (${neo4j.source}) listening at ${neo4j.uri}  (NEO4J_URI=${neo4j.uri})`);
    onShutdownSignal(logger, config.SHUTDOWN_GRACE, () => neo4j.stop());
  });

program
  .command("schema")
  .description("write schema/schema.graphql from the code (sorted SDL); --check only compares")
  .option("--check", "exit 1 when the committed file differs, without writing it")
  .action(async (opts: { check?: boolean }) => {
    const sdl = await printSortedSchema();
    const relative = path.relative(process.cwd(), SCHEMA_FILE);
    if (opts.check) {
      const committed = await fs.readFile(SCHEMA_FILE, "utf8").catch(() => "");
      if (committed !== sdl) throw new Error(`${relative} is out of date: run npm run schema`);
      console.log(`${relative} is up to date.`);
      return;
    }
    await fs.mkdir(path.dirname(SCHEMA_FILE), { recursive: true });
    await fs.writeFile(SCHEMA_FILE, sdl);
    console.log(`wrote ${relative}`);
  });

program.parseAsync().catch((error: unknown) => {
  if (error instanceof SeedValidationError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
