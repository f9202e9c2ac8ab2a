import "reflect-metadata";
import { Command } from "commander";
import { loadConfig } from "./config/config.js";
import { createLogger } from "./shared/logger.js";
import { acquireNeo4j } from "./db/runtime.js";
import { createDriver } from "./db/driver.js";
import { compileSeed } from "./seed/compile.js";
import { formatSummary, loadSeed } from "./seed/load.js";
import { SeedValidationError } from "./seed/problems.js";
import { formatIngest, ingestTranscript } from "./seed/ingest.js";
import { terminalProgress } from "./seed/terminal-progress.js";
import { DocumentWriteError } from "./seed/write-plan.js";
import { onShutdownSignal } from "./runtime/lifecycle.js";
import path from "node:path";
import fs from "node:fs/promises";
import { POSSIBLE_TYPES_FILE, printPossibleTypes, printSortedSchema, SCHEMA_FILE } from "./server/schema.js";

const program = new Command()
  .name("kg")
  .description("Zhusan knowledge graph: seed loader and local Neo4j")
  .showHelpAfterError();

program
  .command("seed")
  .description("validate every seed file, then load them into Neo4j: shared entities, then one transaction per document (idempotent)")
  .option("-d, --dir <dir>", "seed folder (default: SEED_DIR, else seed/ of the project)")
  .option("--check", "only validate; do not connect to Neo4j")
  .action(async (opts: { dir?: string; check?: boolean }) => {
    const config = loadConfig();
    opts.dir ??= config.seedDir;
    const logger = createLogger(config.LOG_LEVEL, "seed");
    if (opts.check) {
      const plan = await compileSeed(opts.dir);
      console.log(`The seed is valid: ${plan.nodes.length} nodes and ${plan.rels.length} relationships.`);
      return;
    }
    const neo4j = await acquireNeo4j({ config, logger, purpose: "service" });
    const driver = createDriver(neo4j);
    try {
      const summary = await loadSeed({ driver, database: neo4j.database, dir: opts.dir, logger, progress: terminalProgress() });
      console.log(formatSummary(summary));
    } finally {
      await driver.close();
      await neo4j.stop();
    }
  });

program
  .command("ingest")
  .description("add a transcript to the seed as documents/<slug>/: its text, event.yaml and people.yaml; passages, speakers and mentions are computed; claims are curated by hand")
  .argument("<transcript>", "the transcript, a plain-text file (copied byte for byte)")
  .requiredOption("-e, --event <file>", "the event file: document (id, title), event, and the event's people")
  .option("-d, --dir <dir>", "seed folder (default: SEED_DIR, else seed/ of the project)")
  .option("--force", "replace the document's folder when it exists")
  .action(async (transcript: string, opts: { event: string; dir?: string; force?: boolean }) => {
    const config = loadConfig();
    const result = await ingestTranscript({ transcript, eventFile: opts.event, seedDir: opts.dir ?? config.seedDir, force: opts.force });
    console.log(formatIngest(result));
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
  .description("write schema/schema.graphql (sorted SDL) and schema/possible-types.json from the code; --check only compares")
  .option("--check", "exit 1 when a committed file differs, without writing it")
  .action(async (opts: { check?: boolean }) => {
    const files: Array<[string, string]> = [
      [SCHEMA_FILE, await printSortedSchema()],
      [POSSIBLE_TYPES_FILE, await printPossibleTypes()],
    ];
    for (const [file, text] of files) {
      const relative = path.relative(process.cwd(), file);
      if (opts.check) {
        const committed = await fs.readFile(file, "utf8").catch(() => "");
        if (committed !== text) throw new Error(`${relative} is out of date: run npm run schema`);
        console.log(`${relative} is up to date.`);
        continue;
      }
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, text);
      console.log(`wrote ${relative}`);
    }
  });

program.parseAsync().catch((error: unknown) => {
  if (error instanceof SeedValidationError) {
    console.error(error.message);
    process.exit(2);
  }
  if (error instanceof DocumentWriteError) {
    console.error(error.message);
    process.exit(3);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
