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
import { createApiKey, listApiKeys, NewKey, revokeApiKey } from "./auth/keys.js";
import { ROLES } from "./shared/caller.js";
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

/** Runs `work` with a driver to the service's Neo4j (NEO4J_URI, else the one the service starts). */
async function withNeo4j<T>(work: (driver: ReturnType<typeof createDriver>, database: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, "keys");
  const neo4j = await acquireNeo4j({ config, logger, purpose: "service" });
  const driver = createDriver(neo4j);
  try {
    return await work(driver, neo4j.database);
  } finally {
    await driver.close();
    await neo4j.stop();
  }
}

const keys = program.command("keys").description("API keys for writes (and for reads when READ_ACCESS=key): create, list, revoke");

keys
  .command("create")
  .description("create a key and print it once (only its hash is stored)")
  .requiredOption("--name <name>", "who holds it, as the history will name them")
  .requiredOption("--role <role>", `${ROLES.join(" | ")}: curator adds and retracts its own, editor retracts any and edits entities, admin does all`)
  .action(async (opts: { name: string; role: string }) => {
    const parsed = NewKey.safeParse(opts);
    if (!parsed.success) throw new InputError(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
    const created = await withNeo4j((driver, database) => createApiKey(driver, database, parsed.data));
    console.log(`Created key ${created.id} for ${created.name} (${created.role}). Store it now: it is not shown again.\n\n  ${created.key}\n\nSend it as: Authorization: Bearer ${created.key.slice(0, 16)}…`);
  });

keys
  .command("list")
  .description("list keys: id, name, role, created, revoked (never a secret)")
  .action(async () => {
    const list = await withNeo4j((driver, database) => listApiKeys(driver, database));
    if (list.length === 0) console.log("No keys yet: npm run keys -- create --role curator --name <name>");
    for (const k of list) console.log(`${k.id}  ${k.role.padEnd(7)}  ${k.name}  created ${k.createdAt}${k.revokedAt ? `  REVOKED ${k.revokedAt}` : ""}`);
  });

keys
  .command("revoke")
  .description("revoke a key by its id: writes refuse it at once, reads within 30 s")
  .argument("<id>", "the key's id (npm run keys -- list)")
  .action(async (id: string) => {
    const revoked = await withNeo4j((driver, database) => revokeApiKey(driver, database, id));
    if (!revoked) throw new InputError(`no active key ${id}`);
    console.log(`Revoked key ${id}.`);
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

/** A mistake in the command line: exit code 2, like a refused seed. */
class InputError extends Error {}

program.parseAsync().catch((error: unknown) => {
  if (error instanceof InputError) {
    console.error(error.message);
    process.exit(2);
  }
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
